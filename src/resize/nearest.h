// Pillow's NEAREST resize: an affine scale whose source position starts at
// box origin + half a step and advances by adding the step (in double) once
// per pixel, truncated to an index; positions outside the image give zeros.
#pragma once
#include <array>

#include "base/raster.h"

namespace imagefield {

// box = {left, top, right, bottom}, float as Pillow passes it.
Raster resizeNearest(const Raster& source, int width, int height, std::array<float, 4> box);

}  // namespace imagefield
