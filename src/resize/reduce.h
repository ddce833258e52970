// Pillow's Image.reduce: each output pixel is the mean of an xScale × yScale
// cell of the box (smaller cells at the right and bottom edges), with
// Pillow's rounding: 8-bit sums through its 24-bit reciprocal, I and F
// through double sums in its order.
#pragma once
#include <array>

#include "base/error.h"
#include "base/raster.h"

namespace imagefield {

// box = {left, top, right, bottom} in pixels, inside the raster.
Result<Raster> reduceRaster(const Raster& source, int xScale, int yScale, std::array<int, 4> box);

}  // namespace imagefield
