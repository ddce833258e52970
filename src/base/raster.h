// The one image type of the core: interleaved rows, no padding.
#pragma once
#include <cstdint>
#include <vector>

#include "base/mode.h"

namespace imagefield {

struct Raster {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  Mode mode = Mode::RGB;
  std::vector<std::uint8_t> data;  // width * height * bytesPerPixel(mode) bytes
  // Mode P only: RGB triplets, one per palette index (at most 256 entries).
  std::vector<std::uint8_t> palette;
};

// Byte size a raster of these dimensions must have; 0 if it would overflow.
std::uint64_t expectedByteSize(std::uint32_t width, std::uint32_t height, Mode mode);

}  // namespace imagefield

#include <optional>
#include "base/error.h"

namespace imagefield {

// Checks dimensions, data length and (for P) the palette; nullopt when valid.
std::optional<Error> validateRaster(const Raster& raster);

}  // namespace imagefield
