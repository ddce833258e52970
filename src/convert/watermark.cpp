#include "convert/watermark.h"

#include <algorithm>
#include <string>

#include "convert/convert.h"

namespace imagefield {
namespace {

struct Origin {
  std::int64_t x;
  std::int64_t y;
};

Origin cornerOrigin(Anchor anchor, const Raster& base, const Raster& mark, std::int64_t margin) {
  const std::int64_t right = std::int64_t(base.width) - mark.width - margin;
  const std::int64_t bottom = std::int64_t(base.height) - mark.height - margin;
  switch (anchor) {
    case Anchor::TopLeft: return {margin, margin};
    case Anchor::TopRight: return {right, margin};
    case Anchor::BottomLeft: return {margin, bottom};
    default: return {right, bottom};
  }
}

Origin placeMark(const Raster& base, const Raster& mark, const WatermarkPlacement& p) {
  if (p.anchor == Anchor::Point) {
    const bool fits = p.x >= 0 && p.y >= 0 && p.x + mark.width <= base.width && p.y + mark.height <= base.height;
    if (fits) return {p.x, p.y};
    return cornerOrigin(Anchor::BottomRight, base, mark, p.margin);
  }
  Origin o = cornerOrigin(p.anchor, base, mark, p.margin);
  // A mark too big for the margin slides towards the edge instead of leaving the image.
  o.x = std::max<std::int64_t>(0, o.x);
  o.y = std::max<std::int64_t>(0, o.y);
  return o;
}

// Straight-alpha "over": a = ma + ba(1 − ma); c = (mc·ma + bc·ba(1 − ma)) / a,
// in integers with rounding to nearest.
inline void blendPixel(const std::uint8_t* m, std::uint8_t* b, int colorBands, bool baseAlpha) {
  const std::uint32_t ma = m[3];
  if (ma == 0) return;
  const std::uint32_t ba = baseAlpha ? b[colorBands] : 255;
  // Weights scaled by 255²; their sum is the output alpha scaled by 255².
  const std::uint32_t mWeight = ma * 255;
  const std::uint32_t bWeight = ba * (255 - ma);
  const std::uint32_t total = mWeight + bWeight;
  // Gray bases take the mark's luma in Pillow's fixed-point ITU-R 601-2 form.
  std::uint32_t markColor[3] = {m[0], m[1], m[2]};
  if (colorBands == 1) markColor[0] = (m[0] * 19595u + m[1] * 38470u + m[2] * 7471u + 0x8000u) >> 16;
  for (int c = 0; c < colorBands; ++c) {
    b[c] = static_cast<std::uint8_t>((markColor[c] * mWeight + b[c] * bWeight + total / 2) / total);
  }
  if (baseAlpha) b[colorBands] = static_cast<std::uint8_t>((total + 127) / 255);
}

}  // namespace

std::optional<Anchor> parseAnchor(std::string_view name) {
  if (name == "top-left") return Anchor::TopLeft;
  if (name == "top-right") return Anchor::TopRight;
  if (name == "bottom-left") return Anchor::BottomLeft;
  if (name == "bottom-right") return Anchor::BottomRight;
  return std::nullopt;
}

Result<Raster> applyWatermark(const Raster& base, const Raster& mark, const WatermarkPlacement& placement) {
  if (auto invalid = validateRaster(base)) return *invalid;
  if (auto invalid = validateRaster(mark)) return *invalid;
  const Mode mode = base.mode;
  if (mode != Mode::L && mode != Mode::LA && mode != Mode::RGB && mode != Mode::RGBA) {
    return makeError(ErrorCode::InvalidMode, std::string("cannot watermark a ") + modeName(mode) +
                                                 " image; convert it to L, LA, RGB or RGBA first");
  }
  if (placement.margin < 0) {
    return makeError(ErrorCode::InvalidArgument,
                     "watermark margin " + std::to_string(placement.margin) + " is negative; use 0 or more");
  }
  Raster rgbaMark;
  const Raster* markRgba = &mark;
  if (mark.mode != Mode::RGBA) {
    auto converted = convert(mark, Mode::RGBA);
    if (!converted) return converted.error();
    rgbaMark = std::move(converted).value();
    markRgba = &rgbaMark;
  }

  Raster out = base;
  const Origin origin = placeMark(base, *markRgba, placement);
  const int colorBands = (mode == Mode::L || mode == Mode::LA) ? 1 : 3;
  const bool baseAlpha = mode == Mode::LA || mode == Mode::RGBA;
  const std::size_t bpp = bytesPerPixel(mode);
  const std::int64_t x0 = std::max<std::int64_t>(0, origin.x);
  const std::int64_t y0 = std::max<std::int64_t>(0, origin.y);
  const std::int64_t x1 = std::min<std::int64_t>(base.width, origin.x + markRgba->width);
  const std::int64_t y1 = std::min<std::int64_t>(base.height, origin.y + markRgba->height);
  for (std::int64_t y = y0; y < y1; ++y) {
    const std::uint8_t* markRow = markRgba->data.data() + std::size_t(y - origin.y) * markRgba->width * 4;
    std::uint8_t* baseRow = out.data.data() + std::size_t(y) * base.width * bpp;
    for (std::int64_t x = x0; x < x1; ++x) {
      blendPixel(markRow + std::size_t(x - origin.x) * 4, baseRow + std::size_t(x) * bpp, colorBands, baseAlpha);
    }
  }
  return out;
}

}  // namespace imagefield
