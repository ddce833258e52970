// A segmentation mask as a colour layer: each class id looks up its RGBA
// colour (alpha 0 hides the class), so a page can draw the layer over the
// image without touching a pixel itself.
#pragma once
#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "base/raster.h"

namespace imagefield {

// One RGBA entry per class id 0..255.
constexpr std::size_t kMaskColorTableBytes = 256 * 4;

// `ids` holds width × height class ids, row by row; `colors` holds
// kMaskColorTableBytes bytes. Returns an RGBA raster of the same size.
Result<Raster> maskOverlay(const std::uint8_t* ids, std::size_t idCount, std::uint32_t width, std::uint32_t height,
                           const std::uint8_t* colors, std::size_t colorBytes);

}  // namespace imagefield
