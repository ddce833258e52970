// The geometric steps of a model's preprocessing, with torchvision 0.14's
// arithmetic where torchvision defines it.
#pragma once
#include <array>
#include <cstdint>

#include "base/raster.h"

namespace imagefield {

// Resize(size) for an int size: the shorter side becomes `shorter`, the
// longer int(shorter · long / short). Returns {height, width}.
std::array<std::uint32_t, 2> shorterSideSize(std::uint32_t width, std::uint32_t height, std::uint32_t shorter);

// CenterCrop([h, w]): offsets rounded half to even (Python's round); a crop
// larger than the image pads with zeros, the odd pixel going right/bottom.
Raster centerCrop(const Raster& in, std::uint32_t height, std::uint32_t width);

// CenterCrop's top-left corner {left, top} for a crop that fits inside the image.
std::array<std::uint32_t, 2> centerCropCorner(std::uint32_t inWidth, std::uint32_t inHeight, std::uint32_t height,
                                              std::uint32_t width);

// Where a letterboxed image lands in its [height, width] canvas.
struct LetterboxPlacement {
  double scale = 1;    // min(height / in.height, width / in.width)
  double scaleX = 1;   // placed width / in.width, exactly
  double scaleY = 1;   // placed height / in.height
  std::uint32_t left = 0, top = 0, width = 0, height = 0;
};
LetterboxPlacement letterboxPlacement(std::uint32_t inWidth, std::uint32_t inHeight, std::uint32_t height,
                                      std::uint32_t width);

// `placed` (already resized to placement.width × height) pasted on a canvas
// filled with `color` (its first value for one-band modes).
Raster letterboxCanvas(const Raster& placed, const LetterboxPlacement& placement, std::uint32_t height,
                       std::uint32_t width, const std::array<std::uint8_t, 3>& color);

}  // namespace imagefield
