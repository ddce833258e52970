// The core's PNG writer: 8-bit greyscale, grey+alpha, RGB, RGBA and palette
// images, every row filtered by the PNG filter that scores best
// (png_filter_kernels), one zlib stream from libdeflate, no ancillary chunks.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace imagefield::png {

enum class ColourType : std::uint8_t { Grey = 0, RGB = 2, Palette = 3, GreyAlpha = 4, RGBA = 6 };

struct ImageHeader {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::uint8_t bitDepth = 8;
  ColourType colourType = ColourType::RGB;
};

// `height` rows of `rowBytes` bytes (no padding between them) as PNG's
// filtered scanlines: a filter type byte, then the row. Each row gets the
// filter with the smallest sum of |signed residuals|; `bpp` is the bytes per
// pixel (1..4).
std::vector<std::uint8_t> filterRows(const std::uint8_t* rows, std::size_t rowBytes, std::uint32_t height, int bpp);

// PNG's limit on a chunk's length.
constexpr std::size_t kMaxChunkBytes = 0x7fffffff;

// A whole PNG file appended to `out`: signature, IHDR, PLTE and tRNS when
// non-empty, the zlib stream of `scanlines` at libdeflate `level` in IDAT
// chunks of at most `maxIdatBytes` each, IEND. False when memory runs out.
bool writeFile(const ImageHeader& header, const std::vector<std::uint8_t>& palette,
               const std::vector<std::uint8_t>& transparency, const std::vector<std::uint8_t>& scanlines, int level,
               std::vector<std::uint8_t>& out, std::size_t maxIdatBytes = kMaxChunkBytes);

// `channels` (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA) interleaved 8-bit samples
// per pixel, rows without padding, as a PNG appended to `out`.
bool writeImage(const std::uint8_t* pixels, std::uint32_t width, std::uint32_t height, int channels, int level,
                std::vector<std::uint8_t>& out);

}  // namespace imagefield::png
