// A .npy file shown as an image with the wandb rules (DESIGN §3).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>

#include "base/decode_limits.h"
#include "base/error.h"
#include "base/layout.h"
#include "base/mode.h"
#include "base/raster.h"

namespace imagefield {

// The array's shape is read with `layout` (hwc or chw), normalized, its mode
// guessed (or converted to `mode`), and checked against the decode limits.
Result<Raster> decodeNpyImage(const std::uint8_t* bytes, std::size_t size, const DecodeLimits& limits,
                              std::optional<Mode> mode, Layout layout);

}  // namespace imagefield
