// Conversions between PIL modes, matching Pillow's Image.convert(mode) with
// its default arguments byte for byte.
#pragma once
#include "base/error.h"
#include "base/raster.h"

namespace imagefield {

// Returns source converted to target. Converting to the same mode returns a
// copy. Pairs Pillow itself refuses are refused with invalid_mode, naming both modes.
Result<Raster> convert(const Raster& source, Mode target);

}  // namespace imagefield
