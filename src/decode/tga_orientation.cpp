#include "decode/tga_orientation.h"

#include <algorithm>

namespace imagefield {

bool tgaStoresRightToLeft(const std::uint8_t* bytes, std::size_t size) {
  return size > 17 && (bytes[17] & 0x10) != 0;
}

void mirrorRows(Raster& raster) {
  const std::size_t pixelBytes = bytesPerPixel(raster.mode);
  const std::size_t stride = std::size_t(raster.width) * pixelBytes;
  for (std::uint32_t y = 0; y < raster.height; ++y) {
    std::uint8_t* row = raster.data.data() + y * stride;
    for (std::uint32_t l = 0, r = raster.width - 1; l < r; ++l, --r) {
      std::swap_ranges(row + l * pixelBytes, row + (l + 1) * pixelBytes, row + r * pixelBytes);
    }
  }
}

}  // namespace imagefield
