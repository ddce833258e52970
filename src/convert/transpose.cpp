#include "convert/transpose.h"

#include <cstring>

namespace imagefield {

Raster orientedAsExif(Raster raster, int orientation) {
  if (orientation < 2 || orientation > 8) return raster;
  const std::size_t w = raster.width;
  const std::size_t h = raster.height;
  const std::size_t size = bytesPerPixel(raster.mode);
  const bool swapped = orientation >= 5;
  const std::size_t outWidth = swapped ? h : w;
  const std::size_t outHeight = swapped ? w : h;
  std::vector<std::uint8_t> out(raster.data.size());
  for (std::size_t y = 0; y < outHeight; ++y) {
    for (std::size_t x = 0; x < outWidth; ++x) {
      // The source pixel of output pixel (x, y).
      std::size_t sx = 0, sy = 0;
      switch (orientation) {
        case 2: sx = w - 1 - x; sy = y; break;
        case 3: sx = w - 1 - x; sy = h - 1 - y; break;
        case 4: sx = x; sy = h - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = h - 1 - x; break;
        case 7: sx = w - 1 - y; sy = h - 1 - x; break;
        default: sx = w - 1 - y; sy = x; break;  // 8
      }
      std::memcpy(out.data() + (y * outWidth + x) * size, raster.data.data() + (sy * w + sx) * size, size);
    }
  }
  raster.width = static_cast<std::uint32_t>(outWidth);
  raster.height = static_cast<std::uint32_t>(outHeight);
  raster.data = std::move(out);
  return raster;
}

}  // namespace imagefield
