#include "png_palette.h"

#include <array>
#include <cstdlib>
#include <cstring>

#include "zlib_deflate.h"

namespace imagefield {
namespace {

// Open addressing over 512 slots: at most 257 keys are ever inserted.
class ColourTable {
 public:
  ColourTable() { keys_.fill(kEmpty); }
  // The colour's index, inserting it; -1 once a 257th colour appears.
  int indexOf(std::uint32_t key) {
    std::uint32_t slot = (key * 2654435761u) >> 23;
    while (true) {
      if (keys_[slot] == key) return values_[slot];
      if (keys_[slot] == kEmpty) {
        if (count_ == 256) return -1;
        keys_[slot] = key;
        values_[slot] = static_cast<std::uint8_t>(count_);
        return count_++;
      }
      slot = (slot + 1) & 511;
    }
  }
  int count() const { return count_; }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
  std::array<std::uint64_t, 512> keys_;
  std::array<std::uint8_t, 512> values_{};
  int count_ = 0;
};

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void putChunk(std::vector<std::uint8_t>& out, const char* type, const std::uint8_t* data, std::size_t length) {
  putU32(out, static_cast<std::uint32_t>(length));
  const std::size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  if (length) out.insert(out.end(), data, data + length);
  putU32(out, crc32(0, out.data() + start, out.size() - start));
}

int paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// One 8-bit index row filtered with each of PNG's five filters; keeps the one
// with the smallest sum of |signed byte| (the usual heuristic, as stb's).
// Indices of gradients (colours numbered as they appear) compress far
// better after Sub or Up.
void filterRow(const std::uint8_t* row, const std::uint8_t* above, std::size_t n, std::uint8_t* out,
               std::vector<std::uint8_t>& scratch) {
  scratch.resize(n);
  long best = -1;
  for (int filter = 0; filter < 5; ++filter) {
    long cost = 0;
    for (std::size_t x = 0; x < n; ++x) {
      const int a = x ? row[x - 1] : 0, b = above ? above[x] : 0, c = (x && above) ? above[x - 1] : 0;
      int predicted = 0;
      switch (filter) {
        case 1: predicted = a; break;
        case 2: predicted = b; break;
        case 3: predicted = (a + b) >> 1; break;
        case 4: predicted = paeth(a, b, c); break;
        default: break;
      }
      scratch[x] = static_cast<std::uint8_t>(row[x] - predicted);
      cost += std::abs(static_cast<std::int8_t>(scratch[x]));
    }
    if (best < 0 || cost < best) {
      best = cost;
      out[0] = static_cast<std::uint8_t>(filter);
      std::memcpy(out + 1, scratch.data(), n);
    }
  }
}

int bitDepthFor(std::size_t colours) {
  if (colours <= 2) return 1;
  if (colours <= 4) return 2;
  if (colours <= 16) return 4;
  return 8;
}

}  // namespace

std::optional<IndexedImage> indexColours(const Raster& raster) {
  if (raster.mode != Mode::RGB && raster.mode != Mode::RGBA) return std::nullopt;
  const std::size_t channels = raster.mode == Mode::RGBA ? 4 : 3;
  const std::size_t n = std::size_t(raster.width) * raster.height;
  IndexedImage image;
  image.width = raster.width;
  image.height = raster.height;
  image.indices.resize(n);
  ColourTable table;
  std::array<std::uint32_t, 256> colours{};
  const std::uint8_t* p = raster.data.data();
  for (std::size_t i = 0; i < n; ++i, p += channels) {
    const std::uint32_t key = std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
                              (channels == 4 ? std::uint32_t(p[3]) << 24 : 0xff000000u);
    const int index = table.indexOf(key);
    if (index < 0) return std::nullopt;
    colours[index] = key;
    image.indices[i] = static_cast<std::uint8_t>(index);
  }
  bool translucent = false;
  for (int c = 0; c < table.count(); ++c) {
    image.rgb.push_back(static_cast<std::uint8_t>(colours[c]));
    image.rgb.push_back(static_cast<std::uint8_t>(colours[c] >> 8));
    image.rgb.push_back(static_cast<std::uint8_t>(colours[c] >> 16));
    translucent |= (colours[c] >> 24) != 255;
  }
  if (translucent) {
    for (int c = 0; c < table.count(); ++c) image.alpha.push_back(static_cast<std::uint8_t>(colours[c] >> 24));
    // tRNS may stop at the last translucent entry; the rest are opaque.
    while (!image.alpha.empty() && image.alpha.back() == 255) image.alpha.pop_back();
  }
  return image;
}

bool writePalettePng(const IndexedImage& image, int level, std::vector<std::uint8_t>& out) {
  const int depth = bitDepthFor(image.rgb.size() / 3);
  const int perByte = 8 / depth;
  const std::size_t rowBytes = (std::size_t(image.width) + perByte - 1) / perByte;
  // A filter byte then the row: 8-bit rows filtered, packed rows (most
  // significant bits first) unfiltered, as the PNG specification advises.
  std::vector<std::uint8_t> rows((rowBytes + 1) * image.height, 0);
  std::vector<std::uint8_t> scratch;
  for (std::uint32_t y = 0; y < image.height; ++y) {
    std::uint8_t* row = rows.data() + y * (rowBytes + 1) + 1;
    const std::uint8_t* in = image.indices.data() + std::size_t(y) * image.width;
    if (depth == 8) {
      filterRow(in, y ? in - image.width : nullptr, image.width, row - 1, scratch);
      continue;
    }
    for (std::uint32_t x = 0; x < image.width; ++x) {
      const int shift = 8 - depth * (int(x % perByte) + 1);
      row[x / perByte] |= static_cast<std::uint8_t>(in[x] << shift);
    }
  }

  static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  out.insert(out.end(), kSignature, kSignature + 8);
  std::uint8_t header[13];
  for (int i = 0; i < 4; ++i) {
    header[i] = static_cast<std::uint8_t>(image.width >> (24 - 8 * i));
    header[4 + i] = static_cast<std::uint8_t>(image.height >> (24 - 8 * i));
  }
  header[8] = static_cast<std::uint8_t>(depth);
  header[9] = 3;  // colour type: palette
  header[10] = header[11] = header[12] = 0;  // deflate, adaptive filtering, no interlace
  putChunk(out, "IHDR", header, sizeof header);
  putChunk(out, "PLTE", image.rgb.data(), image.rgb.size());
  if (!image.alpha.empty()) putChunk(out, "tRNS", image.alpha.data(), image.alpha.size());
  std::vector<std::uint8_t> idat;
  if (!zlibCompress(rows.data(), rows.size(), level, idat)) return false;
  putChunk(out, "IDAT", idat.data(), idat.size());
  putChunk(out, "IEND", nullptr, 0);
  return true;
}

}  // namespace imagefield
