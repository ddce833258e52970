#include "encode/png_palette.h"

#include <array>

#include "encode/png_write.h"

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
  // Charts and masks are mostly runs of one colour: a pixel equal to the one
  // before it skips the hash table.
  std::uint32_t previousKey = 0;
  std::uint8_t previousIndex = 0;
  for (std::size_t i = 0; i < n; ++i, p += channels) {
    const std::uint32_t key = std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
                              (channels == 4 ? std::uint32_t(p[3]) << 24 : 0xff000000u);
    if (i == 0 || key != previousKey) {
      const int index = table.indexOf(key);
      if (index < 0) return std::nullopt;
      colours[index] = key;
      previousKey = key;
      previousIndex = static_cast<std::uint8_t>(index);
    }
    image.indices[i] = previousIndex;
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
  std::vector<std::uint8_t> scanlines;
  if (depth == 8) {
    scanlines = png::filterRows(image.indices.data(), image.width, image.height, 1);
  } else {
    // Packed rows (most significant bits first) stay unfiltered (filter
    // byte 0), as the PNG specification advises for depths below 8.
    const int perByte = 8 / depth;
    const std::size_t rowBytes = (std::size_t(image.width) + perByte - 1) / perByte;
    scanlines.assign((rowBytes + 1) * image.height, 0);
    for (std::uint32_t y = 0; y < image.height; ++y) {
      std::uint8_t* row = scanlines.data() + y * (rowBytes + 1) + 1;
      const std::uint8_t* in = image.indices.data() + std::size_t(y) * image.width;
      for (std::uint32_t x = 0; x < image.width; ++x) {
        const int shift = 8 - depth * (int(x % perByte) + 1);
        row[x / perByte] |= static_cast<std::uint8_t>(in[x] << shift);
      }
    }
  }
  const png::ImageHeader header{image.width, image.height, static_cast<std::uint8_t>(depth), png::ColourType::Palette};
  return png::writeFile(header, image.rgb, image.alpha, scanlines, level, out);
}

}  // namespace imagefield
