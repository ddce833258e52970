#include "tensor/tensor_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace imagefield {
namespace {

// Python's round() of d / 2 for d ≥ 0: halves go to the even neighbour.
std::int64_t halfRoundedEven(std::int64_t d) {
  const std::int64_t q = d / 2;
  if (d % 2 == 0) return q;
  return (q % 2 == 0) ? q : q + 1;
}

// Offset of the crop window along one axis (negative: padding before).
std::int64_t cropOffset(std::uint32_t size, std::uint32_t crop) {
  if (crop > size) return -std::int64_t((crop - size) / 2);
  return halfRoundedEven(std::int64_t(size) - crop);
}

}  // namespace

std::array<std::uint32_t, 2> shorterSideSize(std::uint32_t width, std::uint32_t height, std::uint32_t shorter) {
  const bool portrait = width <= height;
  const std::uint64_t shortSide = portrait ? width : height;
  const std::uint64_t longSide = portrait ? height : width;
  // Python: int(size * long / short), a true division of exact integers.
  const auto longer = std::uint32_t(std::trunc(double(std::uint64_t(shorter) * longSide) / double(shortSide)));
  return portrait ? std::array<std::uint32_t, 2>{longer, shorter} : std::array<std::uint32_t, 2>{shorter, longer};
}

std::array<std::uint32_t, 2> centerCropCorner(std::uint32_t inWidth, std::uint32_t inHeight, std::uint32_t height,
                                              std::uint32_t width) {
  return {std::uint32_t(cropOffset(inWidth, width)), std::uint32_t(cropOffset(inHeight, height))};
}

Raster centerCrop(const Raster& in, std::uint32_t height, std::uint32_t width) {
  const std::size_t bpp = bytesPerPixel(in.mode);
  Raster out;
  out.mode = in.mode;
  out.palette = in.palette;
  out.width = width;
  out.height = height;
  out.data.assign(std::size_t(width) * height * bpp, 0);
  const std::int64_t top = cropOffset(in.height, height), left = cropOffset(in.width, width);
  const std::int64_t x0 = std::max<std::int64_t>(0, -left);
  const std::int64_t x1 = std::min<std::int64_t>(width, std::int64_t(in.width) - left);
  if (x1 <= x0) return out;
  for (std::int64_t y = 0; y < height; ++y) {
    const std::int64_t sy = y + top;
    if (sy < 0 || sy >= std::int64_t(in.height)) continue;
    std::memcpy(out.data.data() + (std::size_t(y) * width + std::size_t(x0)) * bpp,
                in.data.data() + (std::size_t(sy) * in.width + std::size_t(x0 + left)) * bpp,
                std::size_t(x1 - x0) * bpp);
  }
  return out;
}

LetterboxPlacement letterboxPlacement(std::uint32_t inWidth, std::uint32_t inHeight, std::uint32_t height,
                                      std::uint32_t width) {
  LetterboxPlacement p;
  p.scale = std::min(double(height) / inHeight, double(width) / inWidth);
  p.width = std::uint32_t(std::clamp<double>(std::round(inWidth * p.scale), 1, width));
  p.height = std::uint32_t(std::clamp<double>(std::round(inHeight * p.scale), 1, height));
  p.scaleX = double(p.width) / inWidth;
  p.scaleY = double(p.height) / inHeight;
  p.left = (width - p.width) / 2;
  p.top = (height - p.height) / 2;
  return p;
}

Raster letterboxCanvas(const Raster& placed, const LetterboxPlacement& p, std::uint32_t height, std::uint32_t width,
                       const std::array<std::uint8_t, 3>& color) {
  const std::size_t bpp = bytesPerPixel(placed.mode);
  Raster out;
  out.mode = placed.mode;
  out.width = width;
  out.height = height;
  out.data.resize(std::size_t(width) * height * bpp);
  for (std::size_t i = 0; i < out.data.size(); i += bpp) {
    for (std::size_t c = 0; c < bpp; ++c) out.data[i + c] = color[std::min<std::size_t>(c, 2)];
  }
  for (std::uint32_t y = 0; y < p.height; ++y) {
    std::memcpy(out.data.data() + (std::size_t(y + p.top) * width + p.left) * bpp,
                placed.data.data() + std::size_t(y) * placed.width * bpp, std::size_t(placed.width) * bpp);
  }
  return out;
}

}  // namespace imagefield
