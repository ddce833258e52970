// Stamping a mark (a logo, a "generated" badge) onto an image.
#pragma once
#include <cstdint>
#include <string_view>

#include "base/error.h"
#include "base/raster.h"

namespace imagefield {

enum class Anchor { TopLeft, TopRight, BottomLeft, BottomRight, Point };

struct WatermarkPlacement {
  Anchor anchor = Anchor::BottomRight;
  std::int64_t x = 0;  // Anchor::Point only: top-left corner of the mark
  std::int64_t y = 0;
  std::int64_t margin = 10;  // distance from the edges for the corner anchors
};

// "top-left", "top-right", "bottom-left", "bottom-right"; nullopt otherwise.
std::optional<Anchor> parseAnchor(std::string_view name);

// Composites `mark` over `base` ("over" operator, straight alpha), never
// resizing it. A mark that does not fit whole at a Point falls back to the
// bottom-right corner; a mark larger than the image is clipped at its edges.
// The result keeps base's mode; base must be L, LA, RGB or RGBA (convert other
// modes first); the mark may be any mode convertible to RGBA.
Result<Raster> applyWatermark(const Raster& base, const Raster& mark, const WatermarkPlacement& placement = {});

}  // namespace imagefield
