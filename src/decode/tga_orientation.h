// TGA files may store rows right to left (bit 4 of the image descriptor).
// stb_image 2.27 honours only the vertical flag (bit 5), so without this the
// core would return such images mirrored.
#pragma once
#include <cstddef>
#include <cstdint>

#include "base/raster.h"

namespace imagefield {

bool tgaStoresRightToLeft(const std::uint8_t* bytes, std::size_t size);
void mirrorRows(Raster& raster);

}  // namespace imagefield
