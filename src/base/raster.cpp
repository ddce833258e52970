#include "base/raster.h"

#include <string>

namespace imagefield {

std::uint64_t expectedByteSize(std::uint32_t width, std::uint32_t height, Mode mode) {
  // 32-bit dimensions times a bytes-per-pixel of at most 4 cannot overflow 64 bits.
  return static_cast<std::uint64_t>(width) * height * bytesPerPixel(mode);
}

std::optional<Error> validateRaster(const Raster& raster) {
  if (raster.width == 0 || raster.height == 0) {
    return makeError(ErrorCode::InvalidShape,
                     "raster is " + std::to_string(raster.width) + "x" + std::to_string(raster.height) +
                         "; width and height must both be at least 1");
  }
  const std::uint64_t expected = expectedByteSize(raster.width, raster.height, raster.mode);
  if (raster.data.size() != expected) {
    return makeError(ErrorCode::InvalidShape,
                     "raster data has " + std::to_string(raster.data.size()) + " bytes but a " +
                         std::to_string(raster.width) + "x" + std::to_string(raster.height) + " " +
                         modeName(raster.mode) + " raster needs " + std::to_string(expected));
  }
  if (raster.mode == Mode::P) {
    if (raster.palette.empty() || raster.palette.size() % 3 != 0 || raster.palette.size() > 768) {
      return makeError(ErrorCode::InvalidArgument,
                       "a P raster needs a palette of 1 to 256 RGB triplets (3 to 768 bytes); got " +
                           std::to_string(raster.palette.size()) + " bytes");
    }
  } else if (!raster.palette.empty()) {
    return makeError(ErrorCode::InvalidArgument,
                     std::string("only P rasters carry a palette; this one is ") + modeName(raster.mode));
  }
  return std::nullopt;
}

}  // namespace imagefield
