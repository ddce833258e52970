// Lossless palette PNGs for images of at most 256 distinct colours (charts,
// masks, diagrams): one index byte per pixel instead of three or four.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "base/raster.h"

namespace imagefield {

// An RGB or RGBA raster as palette indices, or nullopt when it has more than
// 256 colours (the scan stops at the 257th) or another mode. Colours are
// numbered in order of first appearance.
struct IndexedImage {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<std::uint8_t> indices;  // one per pixel
  std::vector<std::uint8_t> rgb;      // 3 bytes per colour
  std::vector<std::uint8_t> alpha;    // 1 byte per colour; empty when every colour is opaque
};
std::optional<IndexedImage> indexColours(const Raster& raster);

// A PNG of colour type 3 (PLTE, tRNS when alpha is present). Rows are packed
// at 1, 2, 4 or 8 bits per pixel, whichever the palette size allows; 8-bit
// rows get PNG's per-row adaptive filter, packed rows none.
// false when memory runs out.
bool writePalettePng(const IndexedImage& image, int level, std::vector<std::uint8_t>& out);

}  // namespace imagefield
