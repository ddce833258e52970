#include "decode/bmp_decode.h"

#include <string>
#include <vector>

namespace imagefield {
namespace {

// Lengths are compared with what remains (`size - pos`), never added to an
// offset, so hostile header values can neither overflow nor read past the end.

std::uint32_t le16(const std::uint8_t* p) { return p[0] | (std::uint32_t{p[1]} << 8); }
std::uint32_t le32(const std::uint8_t* p) { return le16(p) | (le16(p + 2) << 16); }
std::string num(std::uint64_t value) { return std::to_string(value); }

Error corrupt(const std::string& what) { return makeError(ErrorCode::DecodeFailed, "BMP file is corrupt: " + what); }
Error truncated(const std::string& what) { return makeError(ErrorCode::DecodeFailed, "BMP file is truncated: " + what); }
Error unsupported(const std::string& what) {
  return makeError(ErrorCode::UnsupportedFile, "BMP " + what + " is not supported");
}

constexpr std::uint32_t kMaxSide = 1u << 24;

enum Compression : std::uint32_t { Raw = 0, Rle8 = 1, Rle4 = 2, BitFields = 3 };

// One channel of a bitfields pixel: (pixel & mask) >> shift, scaled to 8 bits
// with floor(v * 255 / max), which is what Pillow's BGR;15 and BGR;16
// unpackers do (not bit replication).
struct Channel {
  std::uint32_t mask = 0;
  unsigned shift = 0;
  std::uint32_t max = 0;
  std::uint8_t read(std::uint32_t pixel) const {
    const std::uint32_t value = (pixel & mask) >> shift;
    if (max == 255) return static_cast<std::uint8_t>(value);  // 8-bit channels: no division per pixel
    if (max == 0) return 0;
    return static_cast<std::uint8_t>(std::uint64_t(value) * 255 / max);
  }
};

Channel channelFor(std::uint32_t mask) {
  Channel c;
  c.mask = mask;
  if (mask == 0) return c;
  while (!((mask >> c.shift) & 1)) ++c.shift;
  c.max = mask >> c.shift;
  return c;
}

struct Layout {
  std::uint32_t headerSize = 0;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  bool topDown = false;
  std::uint32_t bits = 0;
  std::uint32_t compression = Raw;
  std::uint64_t dataOffset = 0;
  Channel red, green, blue, alpha;
  bool hasAlpha = false;
  std::vector<std::uint8_t> palette;  // RGB triplets, at most 256
  Mode mode = Mode::RGB;
};

const char* compressionName(std::uint32_t compression) {
  switch (compression) {
    case 4: return "compression 4 (embedded JPEG)";
    case 5: return "compression 5 (embedded PNG)";
    case 6: return "compression 6 (ALPHABITFIELDS)";
    case 11: case 12: case 13: return "CMYK compression (11-13)";
    default: return nullptr;
  }
}

// Pillow keeps a palette only when it isn't grey levels: a 2-entry black and
// white one makes a 1-bit file mode 1, entries i = (i, i, i) make it mode L.
Mode paletteMode(const std::vector<std::uint8_t>& palette, std::uint64_t declared, std::uint32_t bits) {
  const std::size_t entries = palette.size() / 3;
  if (declared != entries) return Mode::P;  // more than 256 entries: never a grey ramp
  auto entryIs = [&](std::size_t i, unsigned v) {
    return palette[i * 3] == v && palette[i * 3 + 1] == v && palette[i * 3 + 2] == v;
  };
  if (entries == 2 && bits == 1) return entryIs(0, 0) && entryIs(1, 255) ? Mode::One : Mode::P;
  for (std::size_t i = 0; i < entries; ++i) {
    if (!entryIs(i, static_cast<unsigned>(i))) return Mode::P;
  }
  return Mode::L;
}

Result<Layout> parse(const std::uint8_t* b, std::size_t n) {
  if (n < 18) return truncated("the file and info header sizes need 18 bytes, the file has " + num(n));
  if (b[0] != 'B' || b[1] != 'M') return corrupt("bad signature");
  Layout l;
  l.dataOffset = le32(b + 10);
  l.headerSize = le32(b + 14);
  const std::uint32_t hs = l.headerSize;
  if (hs != 12 && hs != 40 && hs != 52 && hs != 56 && hs != 64 && hs != 108 && hs != 124) {
    return unsupported("info header of " + num(hs) + " bytes (known: 12, 40, 52, 56, 64, 108, 124)");
  }
  if (hs > n - 14) return truncated(num(hs) + "-byte info header but only " + num(n - 14) + " bytes remain");
  const std::uint8_t* h = b + 14;
  std::uint64_t colors = 0;
  std::size_t entryBytes = 4;
  if (hs == 12) {  // OS/2 v1: 16-bit sizes, 3-byte palette entries, no compression
    l.width = le16(h + 4);
    l.height = le16(h + 6);
    l.bits = le16(h + 10);
    entryBytes = 3;
  } else {
    const std::int32_t width = static_cast<std::int32_t>(le32(h + 4));
    const std::int32_t height = static_cast<std::int32_t>(le32(h + 8));
    if (width < 0) return corrupt("negative width " + num(std::uint64_t(-std::int64_t{width})));
    l.width = static_cast<std::uint32_t>(width);
    l.topDown = height < 0;
    l.height = static_cast<std::uint32_t>(height < 0 ? -std::int64_t{height} : height);
    l.bits = le16(h + 14);
    l.compression = le32(h + 16);
    colors = le32(h + 32);
  }
  if (l.width == 0 || l.height == 0) return corrupt("the header declares " + num(l.width) + "x" + num(l.height));
  // Far above any caller's limit; keeps every size product below 2^53.
  if (l.width > kMaxSide || l.height > kMaxSide) {
    return makeError(ErrorCode::TooLarge, "BMP header declares " + num(l.width) + "x" + num(l.height) +
                                              ", above " + num(kMaxSide) + " pixels per side");
  }
  if (l.bits != 1 && l.bits != 4 && l.bits != 8 && l.bits != 16 && l.bits != 24 && l.bits != 32) {
    return unsupported("pixel depth of " + num(l.bits) + " bits (supported: 1, 4, 8, 16, 24, 32)");
  }
  if (const char* name = compressionName(l.compression)) return unsupported(name);
  if (hs == 64 && l.compression > Rle4) {
    // OS/2 v2 numbers its own methods here: 3 is Huffman 1D, 4 is RLE24.
    return unsupported("OS/2 compression " + num(l.compression));
  }
  if (l.compression > BitFields) return unsupported("compression " + num(l.compression));
  if ((l.compression == Rle8 && l.bits != 8) || (l.compression == Rle4 && l.bits != 4)) {
    return corrupt(std::string(l.compression == Rle8 ? "RLE8" : "RLE4") + " compression with " + num(l.bits) +
                   " bits per pixel");
  }

  if (l.bits <= 8) {
    if (l.compression == BitFields) return corrupt("bitfields compression with " + num(l.bits) + " bits per pixel");
    if (colors == 0) colors = std::uint64_t{1} << l.bits;
    if (colors > 65536) return corrupt("the palette declares " + num(colors) + " colours");
    // Pillow reads the palette right after the info header; indexes reach 255 at most.
    const std::size_t used = static_cast<std::size_t>(colors < 256 ? colors : 256);
    const std::size_t start = 14 + hs;
    if (used * entryBytes > n - start) {
      return truncated("the palette needs " + num(used * entryBytes) + " bytes after offset " + num(start) +
                       " but only " + num(n - start) + " remain");
    }
    l.palette.resize(used * 3);
    for (std::size_t i = 0; i < used; ++i) {
      const std::uint8_t* e = b + start + i * entryBytes;
      l.palette[i * 3] = e[2];
      l.palette[i * 3 + 1] = e[1];
      l.palette[i * 3 + 2] = e[0];
    }
    // A pixel data offset that points at the palette itself (writers that
    // forget to count it) is moved past the declared palette, as in Pillow.
    if (l.dataOffset == start) l.dataOffset += colors * entryBytes;
    l.mode = paletteMode(l.palette, colors, l.bits);
  } else if (l.compression == BitFields) {
    std::uint32_t masks[4] = {};
    if (hs == 40) {  // three masks follow the header; no alpha
      if (n - 54 < 12) return truncated("the colour masks after the info header are incomplete");
      for (int i = 0; i < 3; ++i) masks[i] = le32(b + 54 + 4 * i);
    } else {
      for (int i = 0; i < (hs >= 56 ? 4 : 3); ++i) masks[i] = le32(h + 40 + 4 * i);
    }
    if (l.bits == 32 && !masks[0] && !masks[1] && !masks[2] && !masks[3]) {
      // Pillow reads all-zero masks as BGRA.
      masks[0] = 0xFF0000, masks[1] = 0xFF00, masks[2] = 0xFF, masks[3] = 0xFF000000;
    }
    l.red = channelFor(masks[0]);
    l.green = channelFor(masks[1]);
    l.blue = channelFor(masks[2]);
    l.alpha = channelFor(masks[3]);
    l.hasAlpha = masks[3] != 0;
    l.mode = l.hasAlpha ? Mode::RGBA : Mode::RGB;
  } else if (l.bits == 16) {  // BI_RGB 16-bit is 5-5-5
    l.red = channelFor(0x7C00), l.green = channelFor(0x3E0), l.blue = channelFor(0x1F);
  } else {  // 24 and 32 bits: B, G, R (and a padding byte that is not alpha)
    l.red = channelFor(0xFF0000), l.green = channelFor(0xFF00), l.blue = channelFor(0xFF);
  }
  const std::uint64_t headersEnd = 14 + std::uint64_t{hs} + (hs == 40 && l.compression == BitFields ? 12 : 0);
  if (l.dataOffset < headersEnd) {
    return corrupt("pixel data offset " + num(l.dataOffset) + " lies inside the headers, which end at " +
                   num(headersEnd));
  }
  if (l.dataOffset > n) {
    return truncated("pixel data offset " + num(l.dataOffset) + " is past the end of the " + num(n) + "-byte file");
  }
  return l;
}

// Indexes of an RLE8/RLE4 stream in file row order, one byte per pixel.
// Follows Pillow's BmpRleDecoder: encoded runs stop at the row's end,
// absolute runs may continue into the next row, end-of-line and delta
// escapes skip pixels (left as index 0), end-of-bitmap ends the image.
Result<std::vector<std::uint8_t>> expandRle(const std::uint8_t* b, std::size_t n, const Layout& l) {
  const bool rle4 = l.compression == Rle4;
  const std::uint64_t width = l.width, total = std::uint64_t{l.width} * l.height;
  std::vector<std::uint8_t> out(static_cast<std::size_t>(total), 0);
  std::uint64_t pos = 0, x = 0;
  auto put = [&](std::uint8_t value) {
    if (pos < total) out[static_cast<std::size_t>(pos)] = value;
    ++pos;
  };
  const std::size_t start = static_cast<std::size_t>(l.dataOffset);
  std::size_t p = start;
  while (pos < total) {
    if (n - p < 2) {
      return truncated("RLE data ends after " + num(pos) + " of " + num(total) +
                       " pixels without an end-of-bitmap escape");
    }
    std::uint64_t count = b[p];
    const std::uint8_t code = b[p + 1];
    p += 2;
    if (count != 0) {  // a run of one value (RLE4: two alternating nibbles)
      if (x + count > width) count = x < width ? width - x : 0;
      for (std::uint64_t i = 0; i < count && pos < total; ++i) {
        put(rle4 ? ((i & 1) ? code & 15 : code >> 4) : code);
      }
      x += count;
    } else if (code == 0) {  // end of line
      pos = (pos + width - 1) / width * width;
      x = 0;
    } else if (code == 1) {  // end of bitmap
      break;
    } else if (code == 2) {  // delta: right, then rows onward
      if (n - p < 2) return truncated("RLE delta escape at offset " + num(p - 2) + " is incomplete");
      pos += b[p] + std::uint64_t{b[p + 1]} * width;
      x = pos % width;
      p += 2;
    } else {  // absolute run of `code` pixels, padded to a 16-bit boundary
      const std::size_t bytes = rle4 ? (code + 1u) / 2 : code;
      if (bytes > n - p) {
        return truncated("RLE absolute run at offset " + num(p - 2) + " needs " + num(bytes) + " bytes but only " +
                         num(n - p) + " remain");
      }
      for (unsigned i = 0; i < code && pos < total; ++i) {
        put(rle4 ? ((i & 1) ? b[p + i / 2] & 15 : b[p + i / 2] >> 4) : b[p + i]);
      }
      p += bytes;
      x += code;
      if (((p - start) & 1) && p < n) ++p;
    }
  }
  return out;
}

// Indexes of uncompressed 1/4/8-bit rows in file row order.
std::vector<std::uint8_t> expandIndexes(const std::uint8_t* b, const Layout& l, std::uint64_t stride) {
  std::vector<std::uint8_t> out(std::size_t{l.width} * l.height);
  for (std::uint32_t row = 0; row < l.height; ++row) {
    const std::uint8_t* src = b + l.dataOffset + row * stride;
    std::uint8_t* dst = out.data() + std::size_t{row} * l.width;
    for (std::uint32_t x = 0; x < l.width; ++x) {
      if (l.bits == 8) dst[x] = src[x];
      else if (l.bits == 4) dst[x] = (x & 1) ? src[x / 2] & 15 : src[x / 2] >> 4;
      else dst[x] = (src[x / 8] >> (7 - (x & 7))) & 1;
    }
  }
  return out;
}

}  // namespace

Result<BmpInfo> readBmpInfo(const std::uint8_t* bytes, std::size_t size) {
  auto layout = parse(bytes, bytes ? size : 0);
  if (!layout) return layout.error();
  return BmpInfo{layout.value().width, layout.value().height, layout.value().mode};
}

Result<Raster> decodeBmp(const std::uint8_t* bytes, std::size_t size) {
  if (bytes == nullptr) size = 0;
  auto parsed = parse(bytes, size);
  if (!parsed) return parsed.error();
  const Layout& l = parsed.value();
  const std::uint64_t rows = l.height;

  Raster raster;
  raster.width = l.width;
  raster.height = l.height;
  raster.mode = l.mode;
  const std::size_t pixelBytes = bytesPerPixel(l.mode);
  raster.data.resize(std::size_t{l.width} * l.height * pixelBytes);
  // File row r is image row r when top-down, height-1-r otherwise.
  auto imageRow = [&](std::uint64_t r) { return l.topDown ? r : rows - 1 - r; };

  if (l.bits <= 8) {
    std::vector<std::uint8_t> indexes;
    if (l.compression == Rle8 || l.compression == Rle4) {
      auto expanded = expandRle(bytes, size, l);
      if (!expanded) return expanded.error();
      indexes = std::move(expanded).value();
    } else {
      const std::uint64_t stride = (std::uint64_t{l.width} * l.bits + 31) / 32 * 4;
      const std::uint64_t rowBytes = (std::uint64_t{l.width} * l.bits + 7) / 8;
      // The last row's padding is never read, and some writers omit it.
      if ((rows - 1) * stride + rowBytes > size - l.dataOffset) {
        return truncated("pixel data needs " + num((rows - 1) * stride + rowBytes) + " bytes (" + num(rows) +
                         " rows of " + num(stride) + ") but only " + num(size - l.dataOffset) +
                         " remain after offset " + num(l.dataOffset));
      }
      indexes = expandIndexes(bytes, l, stride);
    }
    for (std::uint64_t r = 0; r < rows; ++r) {
      const std::uint8_t* src = indexes.data() + r * l.width;
      std::uint8_t* dst = raster.data.data() + imageRow(r) * l.width;
      for (std::uint32_t x = 0; x < l.width; ++x) dst[x] = l.mode == Mode::One ? (src[x] ? 255 : 0) : src[x];
    }
    if (l.mode == Mode::P) raster.palette = l.palette;
    return raster;
  }

  const std::uint64_t bytesPerFilePixel = l.bits / 8;
  const std::uint64_t stride = (std::uint64_t{l.width} * l.bits + 31) / 32 * 4;
  const std::uint64_t rowBytes = std::uint64_t{l.width} * bytesPerFilePixel;
  if ((rows - 1) * stride + rowBytes > size - l.dataOffset) {
    return truncated("pixel data needs " + num((rows - 1) * stride + rowBytes) + " bytes (" + num(rows) +
                     " rows of " + num(stride) + ") but only " + num(size - l.dataOffset) + " remain after offset " +
                     num(l.dataOffset));
  }
  for (std::uint64_t r = 0; r < rows; ++r) {
    const std::uint8_t* src = bytes + l.dataOffset + r * stride;
    std::uint8_t* dst = raster.data.data() + imageRow(r) * l.width * pixelBytes;
    for (std::uint32_t x = 0; x < l.width; ++x, src += bytesPerFilePixel, dst += pixelBytes) {
      std::uint32_t pixel = src[0] | (std::uint32_t{src[1]} << 8);
      if (l.bits >= 24) pixel |= std::uint32_t{src[2]} << 16;
      if (l.bits == 32) pixel |= std::uint32_t{src[3]} << 24;
      dst[0] = l.red.read(pixel);
      dst[1] = l.green.read(pixel);
      dst[2] = l.blue.read(pixel);
      if (l.hasAlpha) dst[3] = l.alpha.read(pixel);
    }
  }
  return raster;
}

}  // namespace imagefield
