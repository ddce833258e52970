// Pillow 9.4's Image.resize, byte for byte: every filter, the optional
// source box and reducing_gap, on every mode the core holds (1 and P are
// resized with nearest, as Pillow forces; LA and RGBA through premultiplied
// alpha for every other filter; LAB's a and b as Pillow holds them, offset
// by 128).
#pragma once
#include <array>
#include <cstdint>
#include <optional>

#include "base/error.h"
#include "base/raster.h"
#include "resize/resize_filter.h"

namespace imagefield {

struct ResizeOptions {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  ResizeFilter filter = ResizeFilter::Bicubic;
  // {left, top, right, bottom} of the source region, fractions allowed.
  std::optional<std::array<double, 4>> box;
  // Reduce by whole factors first (Image.reduce) while the remaining
  // resize still shrinks by at least this much; ≥ 1. Pillow ignores it for
  // LA and RGBA (it drops it on the premultiplied detour) and for nearest.
  std::optional<double> reducingGap;
};

Result<Raster> resize(const Raster& source, const ResizeOptions& options);

// The window {left, top, width, height} of resize(source, options): the
// same bytes as resizing and then cropping, computing only the window when
// the plain convolution path applies (each output pixel depends only on its
// own filter window), as when a centre crop follows a resize.
Result<Raster> resizeWindow(const Raster& source, const ResizeOptions& options, std::array<std::uint32_t, 4> window);

}  // namespace imagefield
