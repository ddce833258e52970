#include "resize/nearest.h"

#include <cstring>
#include <vector>

namespace imagefield {
namespace {

// Pillow's COORD: negative positions are outside, the rest truncate.
inline int coordinate(double v) { return v < 0.0 ? -1 : int(v); }

}  // namespace

Raster resizeNearest(const Raster& source, int width, int height, std::array<float, 4> box) {
  const std::size_t bpp = bytesPerPixel(source.mode);
  Raster out;
  out.mode = source.mode;
  out.palette = source.palette;
  out.width = std::uint32_t(width);
  out.height = std::uint32_t(height);
  out.data.assign(std::size_t(width) * height * bpp, 0);

  const double stepX = double(box[2] - box[0]) / width;
  const double stepY = double(box[3] - box[1]) / height;
  std::vector<int> column(std::size_t(width), 0);
  int xmin = width, xmax = 0;
  double xo = double(box[0]) + stepX * 0.5;
  for (int x = 0; x < width; ++x) {
    const int xin = coordinate(xo);
    if (xin >= 0 && xin < int(source.width)) {
      xmax = x + 1;
      if (x < xmin) xmin = x;
      column[std::size_t(x)] = xin;
    }
    xo += stepX;
  }
  double yo = double(box[1]) + stepY * 0.5;
  const std::size_t inRow = std::size_t(source.width) * bpp, outRow = std::size_t(width) * bpp;
  for (int y = 0; y < height; ++y) {
    const int yin = coordinate(yo);
    if (yin >= 0 && yin < int(source.height)) {
      const std::uint8_t* in = source.data.data() + std::size_t(yin) * inRow;
      std::uint8_t* dst = out.data.data() + std::size_t(y) * outRow;
      for (int x = xmin; x < xmax; ++x) std::memcpy(dst + std::size_t(x) * bpp, in + std::size_t(column[x]) * bpp, bpp);
    }
    yo += stepY;
  }
  return out;
}

}  // namespace imagefield
