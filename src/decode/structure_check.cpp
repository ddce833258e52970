#include "decode/structure_check.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

namespace imagefield {
namespace {

// Every walker below works on offsets and compares a declared length with the
// bytes that remain (`size - pos`, never `pos + length`) so hostile lengths can
// neither overflow nor make anyone read past the buffer. Each loop iteration
// consumes at least one byte, which keeps the walk O(size).

using Failure = std::optional<Error>;

Failure truncated(FileFormat format, const std::string& what) {
  return makeError(ErrorCode::DecodeFailed, std::string(formatName(format)) + " file is truncated: " + what);
}

Failure corrupt(FileFormat format, const std::string& what) {
  return makeError(ErrorCode::DecodeFailed, std::string(formatName(format)) + " file is corrupt: " + what);
}

std::string num(std::uint64_t value) { return std::to_string(value); }

std::string hexByte(std::uint8_t value) {
  const char* digits = "0123456789ABCDEF";
  return std::string{digits[value >> 4], digits[value & 15]};
}

std::uint32_t be16(const std::uint8_t* p) { return (std::uint32_t{p[0]} << 8) | p[1]; }
std::uint32_t be32(const std::uint8_t* p) { return (be16(p) << 16) | be16(p + 2); }
std::uint32_t le16(const std::uint8_t* p) { return p[0] | (std::uint32_t{p[1]} << 8); }
std::uint32_t le32(const std::uint8_t* p) { return le16(p) | (le16(p + 2) << 16); }

// Declared dimensions multiply to more than 64 bits in hostile files; a
// saturated product still compares as "more than remains".
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
std::uint64_t mulSat(std::uint64_t a, std::uint64_t b) { return a != 0 && b > kMax / a ? kMax : a * b; }
std::uint64_t addSat(std::uint64_t a, std::uint64_t b) { return b > kMax - a ? kMax : a + b; }

// ---------------------------------------------------------------- PNG

std::string chunkName(const std::uint8_t* type) {
  std::string name;
  for (int i = 0; i < 4; ++i) {
    const bool letter = (type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z');
    name += letter ? static_cast<char>(type[i]) : '?';
  }
  return name;
}

Failure checkPng(const std::uint8_t* b, std::size_t n) {
  const auto F = FileFormat::PNG;
  if (n < 8) return truncated(F, "the 8-byte signature is incomplete");
  if (std::memcmp(b, "\x89PNG\r\n\x1a\n", 8) != 0) return corrupt(F, "bad signature");
  bool sawHeader = false, sawData = false;
  for (std::size_t pos = 8;;) {
    if (pos == n) {
      if (sawData) return Failure{};  // cut after the image data, as IEND would (below)
      return truncated(F, "no IEND chunk");
    }
    if (n - pos < 8) {
      if (sawData) return Failure{};  // cut after the image data, as IEND would (below)
      return truncated(F, "chunk header at offset " + num(pos) + " is incomplete");
    }
    const std::uint32_t length = be32(b + pos);
    const std::string type = chunkName(b + pos + 4);
    const std::string where = "chunk " + type + " at offset " + num(pos);
    const std::size_t remaining = n - pos - 8;
    // After the image data, a chunk that cannot be whole (junk, or the file
    // cut after its last IDAT) ends the file as IEND would: libpng and Pillow
    // stop reading once the image data is complete, and the decoder refuses a
    // zlib stream that is not (patches/stb/0009, 0010). An IDAT cut short is
    // image data missing, and stays refused.
    const bool whole = type.find('?') == std::string::npos && length <= remaining && remaining - length >= 4;
    const bool idatCut = type == "IDAT" && length > remaining;
    const bool idatWithoutCrc = sawHeader && type == "IDAT" && !idatCut;
    if ((sawData || idatWithoutCrc) && !whole && !idatCut) return Failure{};
    if (length > remaining) {
      return truncated(F, where + " declares " + num(length) + " bytes but only " + num(remaining) + " remain");
    }
    if (remaining - length < 4) return truncated(F, where + " is missing its CRC");
    // Apple's CgBI chunk precedes IHDR in iOS-optimized PNGs, and stb_image reads those.
    if (!sawHeader && type != "IHDR" && type != "CgBI") return corrupt(F, where + " comes before IHDR");
    if (type == "IHDR") sawHeader = true;
    if (type == "IDAT") sawData = true;
    if (type == "IEND") return sawData ? Failure{} : corrupt(F, "no IDAT chunk before IEND");
    pos += 8 + std::size_t{length} + 4;
  }
}

// ---------------------------------------------------------------- JPEG

bool isFrameMarker(std::uint8_t m) {
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;  // not DHT, JPG, DAC
}

bool isStandaloneMarker(std::uint8_t m) { return m == 0x01 || (m >= 0xD0 && m <= 0xD7); }  // TEM, RSTn

// Entropy-coded data runs until an 0xFF that is neither stuffing (FF 00), a
// restart marker nor fill; returns the offset of that 0xFF, or n.
std::size_t skipEntropyCodedData(const std::uint8_t* b, std::size_t n, std::size_t pos) {
  while (pos < n) {
    const std::uint8_t* ff = static_cast<const std::uint8_t*>(std::memchr(b + pos, 0xFF, n - pos));
    if (ff == nullptr) return n;
    const std::size_t marker = static_cast<std::size_t>(ff - b);
    std::size_t next = marker + 1;
    while (next < n && b[next] == 0xFF) ++next;
    if (next == n) return n;
    if (b[next] != 0x00 && !(b[next] >= 0xD0 && b[next] <= 0xD7)) return marker;
    pos = next + 1;
  }
  return n;
}

// A Huffman scan naming a table slot no DHT segment filled: libjpeg fills
// slots 0 and 1 with the standard tables of the JPEG specification (Motion-JPEG
// frames carry no DHT and rely on them) and refuses slots 2 and 3, as Pillow
// does ("broken data stream"); this says which table is missing.
struct HuffmanTables {
  bool dc[4] = {};
  bool ac[4] = {};
};

Failure noteHuffmanTables(const std::uint8_t* p, std::size_t n, HuffmanTables& tables, const std::string& where) {
  const auto F = FileFormat::JPEG;
  for (std::size_t pos = 0; pos < n;) {
    if (n - pos < 17) return corrupt(F, where + " (DHT) has an incomplete table header");
    const std::uint8_t kind = p[pos] >> 4, slot = p[pos] & 15;
    if (kind > 1 || slot > 3) return corrupt(F, where + " (DHT) names table class " + num(kind) + " slot " + num(slot));
    std::size_t symbols = 0;
    for (int i = 1; i <= 16; ++i) symbols += p[pos + i];
    if (symbols > n - pos - 17) return corrupt(F, where + " (DHT) declares more symbols than it holds");
    // stb_image 2.27 copies the code lengths into a 257-entry array without
    // checking the sum, writing past it (found by fuzz/decode_fuzzer.cpp).
    if (symbols > 256) {
      return corrupt(F, where + " (DHT) declares " + num(symbols) + " codes in one table; at most 256 exist");
    }
    (kind == 0 ? tables.dc : tables.ac)[slot] = true;
    pos += 17 + symbols;
  }
  return std::nullopt;
}

Failure checkScanTables(const std::uint8_t* p, std::size_t n, const HuffmanTables& tables, bool progressive,
                        const std::string& where) {
  const auto F = FileFormat::JPEG;
  if (n < 1 || n < 1 + std::size_t{p[0]} * 2 + 3) return corrupt(F, where + " (SOS) header is incomplete");
  const std::size_t components = p[0];
  const std::uint8_t spectralStart = p[1 + components * 2];
  const std::uint8_t approximationHigh = p[3 + components * 2] >> 4;
  // Progressive scans use one table kind: DC for a first DC pass, AC otherwise.
  const bool needsDc = !progressive || (spectralStart == 0 && approximationHigh == 0);
  const bool needsAc = !progressive || spectralStart != 0;
  for (std::size_t c = 0; c < components; ++c) {
    const std::uint8_t dc = p[2 + c * 2] >> 4, ac = p[2 + c * 2] & 15;
    if (dc > 3 || ac > 3) return corrupt(F, where + " (SOS) names Huffman table slot above 3");
    if (needsDc && dc > 1 && !tables.dc[dc]) return corrupt(F, where + " (SOS) uses DC Huffman table " + num(dc) + ", which no DHT segment defined");
    if (needsAc && ac > 1 && !tables.ac[ac]) return corrupt(F, where + " (SOS) uses AC Huffman table " + num(ac) + ", which no DHT segment defined");
  }
  return std::nullopt;
}

Failure checkJpeg(const std::uint8_t* b, std::size_t n) {
  const auto F = FileFormat::JPEG;
  if (n < 2) return truncated(F, "no start-of-image marker");
  if (b[0] != 0xFF || b[1] != 0xD8) return corrupt(F, "does not start with a start-of-image marker");
  bool sawFrame = false, sawScan = false, progressive = false, arithmetic = false;
  HuffmanTables tables;
  std::size_t pos = 2;
  for (;;) {
    // Stray bytes some writers leave between segments, FF 00 pairs among
    // them, are skipped as libjpeg's next_marker() does (and the patched
    // stb_image, patches/stb/0005).
    for (;;) {
      while (pos < n && b[pos] != 0xFF) ++pos;
      while (pos < n && b[pos] == 0xFF) ++pos;  // fill bytes
      if (pos < n && b[pos] == 0x00) {
        ++pos;
        continue;
      }
      break;
    }
    if (pos >= n) {
      return truncated(F, sawScan ? "no end-of-image marker after the scan data" : "no end-of-image marker");
    }
    const std::uint8_t m = b[pos];
    const std::size_t at = pos - 1;
    const std::string where = "segment FF" + hexByte(m) + " at offset " + num(at);
    ++pos;
    if (m == 0xD9) {
      if (!sawFrame) return corrupt(F, "no frame header (SOF) before the end-of-image marker");
      if (!sawScan) return corrupt(F, "no scan (SOS) before the end-of-image marker");
      return std::nullopt;  // anything after EOI (e.g. appended video) is not image data
    }
    if (isStandaloneMarker(m)) continue;
    if (m == 0xD8) return corrupt(F, "unexpected marker FF" + hexByte(m) + " at offset " + num(at));
    if (n - pos < 2) return truncated(F, where + " has no length");
    const std::size_t length = be16(b + pos);
    if (length < 2) return corrupt(F, where + " declares length " + num(length));
    if (length > n - pos) {
      return truncated(F, where + " declares " + num(length) + " bytes but only " + num(n - pos) + " remain");
    }
    const std::uint8_t* body = b + pos + 2;
    const std::size_t bodyLength = length - 2;
    pos += length;
    if (isFrameMarker(m)) {
      sawFrame = true;
      progressive = m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE;
      arithmetic = m >= 0xC9;  // SOF9-SOF15: arithmetic coding, no Huffman tables
    }
    if (m == 0xC4) {
      if (auto bad = noteHuffmanTables(body, bodyLength, tables, where)) return bad;
    }
    if (m == 0xDA) {  // SOS: its header is followed by entropy-coded data
      if (!arithmetic) {
        if (auto bad = checkScanTables(body, bodyLength, tables, progressive, where)) return bad;
      }
      sawScan = true;
      pos = skipEntropyCodedData(b, n, pos);
    }
  }
}

// ---------------------------------------------------------------- GIF

std::size_t gifColorTableBytes(std::uint8_t flags) {
  return (flags & 0x80) ? std::size_t{3} << ((flags & 7) + 1) : 0;
}

// Walks a chain of data sub-blocks and leaves pos after its 0 terminator.
Failure skipGifSubBlocks(const std::uint8_t* b, std::size_t n, std::size_t& pos, const std::string& what) {
  for (;;) {
    if (pos >= n) return truncated(FileFormat::GIF, what + " has no block terminator");
    const std::size_t length = b[pos];
    if (length == 0) {
      ++pos;
      return std::nullopt;
    }
    if (length > n - pos - 1) {
      return truncated(FileFormat::GIF, "sub-block at offset " + num(pos) + " of " + what + " declares " +
                                            num(length) + " bytes but only " + num(n - pos - 1) + " remain");
    }
    pos += 1 + length;
  }
}

// stb_image decodes only the first frame, so nothing after it (not even the
// trailer) is required.
Failure checkGifFrame(const std::uint8_t* b, std::size_t n, std::size_t pos) {
  const auto F = FileFormat::GIF;
  const std::size_t at = pos - 1;
  if (n - pos < 9) return truncated(F, "image descriptor at offset " + num(at) + " is incomplete");
  const std::uint32_t x = le16(b + pos), y = le16(b + pos + 2), w = le16(b + pos + 4), h = le16(b + pos + 6);
  const std::uint32_t screenW = le16(b + 6), screenH = le16(b + 8);
  // stb_image refuses such frames ("bad Image Descriptor"); saying why is kinder.
  if (x + w > screenW || y + h > screenH) {
    return corrupt(F, "first frame (" + num(w) + "x" + num(h) + " at " + num(x) + "," + num(y) +
                          ") extends beyond the " + num(screenW) + "x" + num(screenH) + " logical screen");
  }
  const std::uint8_t flags = b[pos + 8];
  pos += 9;
  const std::size_t table = gifColorTableBytes(flags);
  // A frame with no colour table at all is read as grey levels (as in
  // Pillow; patches/stb/0004), so none is required here.
  if (table > n - pos) {
    return truncated(F, "local color table needs " + num(table) + " bytes but only " + num(n - pos) + " remain");
  }
  pos += table;
  if (pos == n) return truncated(F, "first frame has no image data");
  ++pos;  // LZW minimum code size
  return skipGifSubBlocks(b, n, pos, "the first frame's image data");
}

Failure checkGif(const std::uint8_t* b, std::size_t n) {
  const auto F = FileFormat::GIF;
  if (n < 13) return truncated(F, "header and logical screen descriptor need 13 bytes, file has " + num(n));
  if (std::memcmp(b, "GIF87a", 6) != 0 && std::memcmp(b, "GIF89a", 6) != 0) return corrupt(F, "bad signature");
  const std::uint8_t screenFlags = b[10];
  std::size_t pos = 13;
  const std::size_t table = gifColorTableBytes(screenFlags);
  if (table > n - pos) {
    return truncated(F, "global color table needs " + num(table) + " bytes but only " + num(n - pos) + " remain");
  }
  pos += table;
  for (;;) {
    if (pos == n) return truncated(F, "no image descriptor");
    const std::size_t at = pos;
    const std::uint8_t tag = b[pos++];
    if (tag == 0x2C) return checkGifFrame(b, n, pos);
    if (tag == 0x3B) return corrupt(F, "trailer at offset " + num(at) + " comes before any image");
    if (tag != 0x21) return corrupt(F, "unknown block type 0x" + hexByte(tag) + " at offset " + num(at));
    if (pos == n) return truncated(F, "extension at offset " + num(at) + " has no label");
    ++pos;
    if (Failure failure = skipGifSubBlocks(b, n, pos, "extension at offset " + num(at))) return failure;
  }
}

// ---------------------------------------------------------------- BMP

Failure checkBmp(const std::uint8_t* b, std::size_t n) {
  const auto F = FileFormat::BMP;
  if (n < 18) return truncated(F, "file header is incomplete");
  if (b[0] != 'B' || b[1] != 'M') return corrupt(F, "bad signature");
  std::uint64_t offset = le32(b + 10);
  const std::uint32_t headerSize = le32(b + 14);
  // The BMP reader (bmp_decode.h) refuses other header sizes itself.
  if (headerSize != 12 && headerSize != 40 && headerSize != 52 && headerSize != 56 && headerSize != 64 &&
      headerSize != 108 && headerSize != 124) {
    return std::nullopt;
  }
  if (headerSize > n - 14) {
    return truncated(F, num(headerSize) + "-byte info header but only " + num(n - 14) + " bytes remain");
  }
  const bool os2 = headerSize == 12;
  // Signed in the 40+ byte headers (negative height means top-down rows).
  const std::int64_t width = os2 ? std::int64_t{le16(b + 18)} : std::int32_t(le32(b + 18));
  const std::int64_t height = os2 ? std::int64_t{le16(b + 20)} : std::int32_t(le32(b + 22));
  const std::uint32_t bpp = le16(b + (os2 ? 24 : 28));
  const std::int32_t compression = os2 ? 0 : std::int32_t(le32(b + 30));
  // The BMP reader walks RLE streams (1, 2) itself, bounds-checking every
  // escape, and refuses embedded JPEG/PNG (4, 5) and other methods with a
  // "not supported" error; their data size isn't in the header anyway.
  // Negative values are checked like BI_RGB (0), and refused by the reader.
  if (compression == 1 || compression == 2 || compression >= 4) return std::nullopt;
  // A 40-byte header with BI_BITFIELDS is followed by three 4-byte masks.
  const std::size_t headersEnd = 14 + headerSize + (headerSize == 40 && compression == 3 ? 12 : 0);
  if (headersEnd > n) return truncated(F, "color masks after the info header are incomplete");
  if (width < 0) return corrupt(F, "negative width " + num(static_cast<std::uint64_t>(-width)));
  // An offset pointing at the palette itself (writers that forget to count
  // it) is moved past the declared palette, as Pillow and the reader do.
  if (bpp <= 8 && offset == 14 + std::uint64_t{headerSize}) {
    const std::uint64_t colors = os2 ? 0 : le32(b + 46);
    offset += (colors ? colors : std::uint64_t{1} << bpp) * (os2 ? 3 : 4);
  }
  // Pixel data can't start inside the headers.
  if (offset < headersEnd) {
    return corrupt(F, "pixel data offset " + num(offset) + " lies inside the headers, which end at " + num(headersEnd));
  }
  // The palette (bpp <= 8) sits between the headers and the pixel data, so an
  // offset inside the file also means the palette is complete.
  if (offset > n) {
    return truncated(F, "pixel data offset " + num(offset) + " is past the end of the " + num(n) + "-byte file");
  }
  const std::uint64_t rows = static_cast<std::uint64_t>(height < 0 ? -height : height);
  const std::uint64_t rowBits = mulSat(static_cast<std::uint64_t>(width), bpp);
  const std::uint64_t stride = rowBits / 32 * 4 + (rowBits % 32 ? 4 : 0);
  const std::uint64_t rowBytes = rowBits / 8 + (rowBits % 8 ? 1 : 0);
  // The reader never reads the last row's padding, and some writers omit it.
  const std::uint64_t needed = rows == 0 ? 0 : addSat(mulSat(rows - 1, stride), rowBytes);
  if (needed > n - offset) {
    return truncated(F, "pixel data needs " + num(needed) + " bytes (" + num(rows) + " rows of " + num(stride) +
                            ") but only " + num(n - offset) + " remain after offset " + num(offset));
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- TGA

// stb_image paints a pixel whose index lies outside the color map with entry
// 0, other decoders with transparent black: either way the picture is made
// up, so such a file is refused. The indexes are known to lie inside the buffer.
Failure checkTgaColorIndexes(const std::uint8_t* b, std::size_t pos, std::uint64_t count, std::uint64_t indexBytes) {
  const std::uint32_t entries = le16(b + 5);
  for (std::uint64_t i = 0; i < count; ++i, pos += static_cast<std::size_t>(indexBytes)) {
    const std::uint32_t index = indexBytes == 1 ? b[pos] : le16(b + pos);
    if (index >= entries) {
      return corrupt(FileFormat::TGA, "pixel at offset " + num(pos) + " uses color-map entry " + num(index) +
                                          " but the map has " + num(entries));
    }
  }
  return std::nullopt;
}

Failure checkTga(const std::uint8_t* b, std::size_t n) {
  const auto F = FileFormat::TGA;
  if (n < 18) return truncated(F, "the 18-byte header is incomplete");
  const std::uint8_t imageType = b[2];
  const bool rle = imageType >= 9 && imageType <= 11;
  if (!rle && !(imageType >= 1 && imageType <= 3)) return std::nullopt;  // not a type stb_image reads
  // Entry and pixel sizes round up to whole bytes (15-bit colors take 2).
  // stb_image skips the color map's first-entry index as if it were a byte
  // count before reading the entries, so it reads that much further.
  const std::uint64_t mapBytes = b[1] == 1 ? le16(b + 3) + std::uint64_t{le16(b + 5)} * ((b[7] + 7u) / 8) : 0;
  const std::uint64_t headerBytes = 18 + std::uint64_t{b[0]} + mapBytes;
  if (headerBytes > n) {
    return truncated(F, "image ID and color map need " + num(headerBytes) + " bytes, file has " + num(n));
  }
  std::size_t pos = static_cast<std::size_t>(headerBytes);
  const std::uint64_t pixelBytes = (b[16] + 7u) / 8;
  const std::uint64_t pixels = std::uint64_t{le16(b + 12)} * le16(b + 14);
  // stb_image reads color-mapped files only with 8- or 16-bit indexes.
  const bool colorMapped = (imageType == 1 || imageType == 9) && (b[16] == 8 || b[16] == 16);
  if (!rle) {
    const std::uint64_t needed = pixels * pixelBytes;
    if (needed > n - pos) {
      return truncated(F, "pixel data needs " + num(needed) + " bytes but only " + num(n - pos) + " remain");
    }
    if (colorMapped) return checkTgaColorIndexes(b, pos, pixels, pixelBytes);
    return std::nullopt;
  }
  for (std::uint64_t covered = 0; covered < pixels;) {
    if (pos == n) return truncated(F, "RLE data ends after " + num(covered) + " of " + num(pixels) + " pixels");
    const std::uint8_t header = b[pos];
    const std::uint64_t count = 1 + (header & 127);
    // stb_image stops reading once every pixel is covered, even mid-packet.
    const std::uint64_t used = std::min(count, pixels - covered);
    const std::uint64_t dataBytes = (header & 0x80) ? pixelBytes : used * pixelBytes;
    if (dataBytes > n - pos - 1) {
      return truncated(F, "RLE packet at offset " + num(pos) + " needs " + num(dataBytes) + " bytes but only " +
                              num(n - pos - 1) + " remain");
    }
    if (colorMapped) {
      if (auto bad = checkTgaColorIndexes(b, pos + 1, (header & 0x80) ? 1 : used, pixelBytes)) return bad;
    }
    pos += 1 + static_cast<std::size_t>(dataBytes);
    covered += used;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- PSD

// Follows stb_image's PackBits decoder: each channel is one run of
// `pixels` bytes regardless of the per-row counts.
Failure walkPsdRle(const std::uint8_t* b, std::size_t n, std::size_t pos, std::uint64_t pixels, unsigned channels) {
  for (unsigned channel = 0; channel < channels; ++channel) {
    for (std::uint64_t done = 0; done < pixels;) {
      if (pos == n) return truncated(FileFormat::PSD, "RLE data of channel " + num(channel) + " ends early");
      const std::uint8_t code = b[pos++];
      if (code == 128) continue;  // no-op
      const std::uint64_t run = code < 128 ? code + 1u : 257u - code;
      if (run > pixels - done) return std::nullopt;  // stb_image rejects the overrun itself
      const std::uint64_t dataBytes = code < 128 ? run : 1;
      if (dataBytes > n - pos) {
        return truncated(FileFormat::PSD, "RLE run at offset " + num(pos - 1) + " needs " + num(dataBytes) +
                                              " bytes but only " + num(n - pos) + " remain");
      }
      pos += static_cast<std::size_t>(dataBytes);
      done += run;
    }
  }
  return std::nullopt;
}

Failure checkPsd(const std::uint8_t* b, std::size_t n) {
  const auto F = FileFormat::PSD;
  if (n < 26) return truncated(F, "the 26-byte header is incomplete");
  if (std::memcmp(b, "8BPS", 4) != 0) return corrupt(F, "bad signature");
  const std::uint32_t channels = be16(b + 12), height = be32(b + 14), width = be32(b + 18), depth = be16(b + 22);
  std::size_t pos = 26;
  for (const char* section : {"color mode data", "image resources", "layer and mask information"}) {
    if (n - pos < 4) return truncated(F, std::string("length of the ") + section + " section is missing");
    const std::size_t length = be32(b + pos);
    if (length > n - pos - 4) {
      return truncated(F, std::string(section) + " section at offset " + num(pos) + " declares " + num(length) +
                              " bytes but only " + num(n - pos - 4) + " remain");
    }
    pos += 4 + length;
  }
  if (n - pos < 2) return truncated(F, "compression field of the image data is missing");
  const std::uint32_t compression = be16(b + pos);
  pos += 2;
  if (depth != 8 && depth != 16) return std::nullopt;  // stb_image refuses other depths
  // stb_image reads the first four channels and ignores the rest.
  const unsigned read = std::min<std::uint32_t>(channels, 4);
  const std::uint64_t pixels = mulSat(width, height);
  if (compression == 0) {
    const std::uint64_t needed = mulSat(pixels, read * (depth / 8));
    if (needed > n - pos) {
      return truncated(F, "raw image data needs " + num(needed) + " bytes but only " + num(n - pos) + " remain");
    }
    return std::nullopt;
  }
  if (compression != 1) return std::nullopt;  // stb_image refuses ZIP compression itself
  const std::uint64_t tableBytes = mulSat(std::uint64_t{channels} * 2, height);
  if (tableBytes > n - pos) {
    return truncated(F, "RLE row byte counts need " + num(tableBytes) + " bytes but only " + num(n - pos) + " remain");
  }
  // The table lies inside the buffer, so summing it is O(size).
  std::uint64_t rowBytes = 0;
  for (std::uint64_t row = 0; row < std::uint64_t{read} * height; ++row) rowBytes += be16(b + pos + 2 * row);
  pos += static_cast<std::size_t>(tableBytes);
  if (rowBytes > n - pos) {
    return truncated(F, "RLE rows of the first " + num(read) + " channels total " + num(rowBytes) +
                            " bytes but only " + num(n - pos) + " remain");
  }
  return walkPsdRle(b, n, pos, pixels, read);
}

}  // namespace

std::optional<Error> checkStructure(FileFormat format, const std::uint8_t* bytes, std::size_t size) {
  if (bytes == nullptr) size = 0;  // every walker checks the size before its first read
  switch (format) {
    case FileFormat::PNG: return checkPng(bytes, size);
    case FileFormat::JPEG: return checkJpeg(bytes, size);
    case FileFormat::GIF: return checkGif(bytes, size);
    case FileFormat::BMP: return checkBmp(bytes, size);
    case FileFormat::TGA: return checkTga(bytes, size);
    case FileFormat::PSD: return checkPsd(bytes, size);
    default: return std::nullopt;  // formats stb_image doesn't decode here
  }
}

}  // namespace imagefield
