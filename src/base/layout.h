// Array shapes and axis order: which dimension is height, width and channels.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "base/mode.h"

namespace imagefield {

// hwc: numpy convention, channels last. chw: torch convention, channels first.
enum class Layout { HWC, CHW };

std::optional<Layout> parseLayout(std::string_view name);

struct ImageShape {
  std::size_t height;
  std::size_t width;
  std::size_t channels;  // 1..4
  Layout layout;
  std::size_t elementCount() const { return height * width * channels; }
};

// Accepted: [H,W] (either layout); hwc [H,W,C] or [1,H,W,C]; chw [C,H,W] or
// [1,C,H,W]; every dimension ≥ 1, C in 1..4 and, when dataLength is given,
// H·W·C == dataLength. Otherwise invalid_shape naming the shape.
Result<ImageShape> resolveShape(const std::vector<std::int64_t>& shape, Layout layout,
                                std::optional<std::size_t> dataLength = std::nullopt);

std::string describeShape(const std::vector<std::int64_t>& shape);

// 1 → L, 2 → LA, 3 → RGB, 4 → RGBA; 4 channels with fileType jpg/jpeg → RGB
// because JPEG has no alpha. fileType is not validated here.
Mode guessMode(const ImageShape& shape, std::string_view fileType);

// Planar (C,H,W) bytes → interleaved (H,W,C) bytes.
std::vector<std::uint8_t> planarToInterleaved(const std::uint8_t* planes, const ImageShape& shape);

}  // namespace imagefield
