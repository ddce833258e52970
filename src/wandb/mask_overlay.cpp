#include "wandb/mask_overlay.h"

#include <cstring>
#include <string>

namespace imagefield {

Result<Raster> maskOverlay(const std::uint8_t* ids, std::size_t idCount, std::uint32_t width, std::uint32_t height,
                           const std::uint8_t* colors, std::size_t colorBytes) {
  if (colorBytes != kMaskColorTableBytes) {
    return makeError(ErrorCode::InvalidArgument, "the mask colour table must hold 256 RGBA entries (1024 bytes), got " +
                                                     std::to_string(colorBytes) + " bytes");
  }
  const std::uint64_t pixels = std::uint64_t(width) * height;
  if (width == 0 || height == 0 || pixels != idCount) {
    return makeError(ErrorCode::InvalidMask, "the mask has " + std::to_string(idCount) + " class ids, but " +
                                                 std::to_string(width) + "×" + std::to_string(height) +
                                                 " needs one per pixel");
  }
  Raster out;
  out.width = width;
  out.height = height;
  out.mode = Mode::RGBA;
  out.data.resize(idCount * 4);
  std::uint8_t* dst = out.data.data();
  for (std::size_t i = 0; i < idCount; ++i) std::memcpy(dst + i * 4, colors + std::size_t(ids[i]) * 4, 4);
  return out;
}

}  // namespace imagefield
