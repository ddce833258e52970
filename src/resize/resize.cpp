#include "resize/resize.h"

#include <cmath>
#include <cstring>
#include <string>

#include "resize/nearest.h"
#include "resize/number_text.h"
#include "resize/premultiply.h"
#include "resize/reduce.h"
#include "resize/resample_8bit.h"
#include "resize/resample_coefficients.h"
#include "resize/resample_wide.h"

namespace imagefield {
namespace {

using std::size_t;

Error invalid(const std::string& message) { return makeError(ErrorCode::InvalidArgument, message); }

std::string number(double v) { return numberText(v); }

Raster crop(const Raster& in, int left, int top, int width, int height) {
  const size_t bpp = bytesPerPixel(in.mode);
  Raster out;
  out.mode = in.mode;
  out.palette = in.palette;
  out.width = std::uint32_t(width);
  out.height = std::uint32_t(height);
  out.data.resize(size_t(width) * height * bpp);
  for (int y = 0; y < height; ++y) {
    std::memcpy(out.data.data() + size_t(y) * width * bpp,
                in.data.data() + (size_t(top + y) * in.width + size_t(left)) * bpp, size_t(width) * bpp);
  }
  return out;
}

bool changesWidth(const Raster& in, int width, const std::array<float, 4>& box) {
  return width != int(in.width) || box[0] != 0 || box[2] != float(width);
}
bool changesHeight(const Raster& in, int height, const std::array<float, 4>& box) {
  return height != int(in.height) || box[1] != 0 || box[3] != float(height);
}

// Output pixels [from, from + count) of an axis.
AxisWeights slice(const AxisWeights& axis, int from, int count) {
  AxisWeights part;
  part.outSize = count;
  part.stride = axis.stride;
  part.first.assign(axis.first.begin() + from, axis.first.begin() + from + count);
  part.count.assign(axis.count.begin() + from, axis.count.begin() + from + count);
  part.weights.assign(axis.weights.begin() + std::ptrdiff_t(from) * axis.stride,
                      axis.weights.begin() + std::ptrdiff_t(from + count) * axis.stride);
  return part;
}

// Pillow's ImagingResampleInner: a horizontal pass over just the rows the
// vertical pass reads, then the vertical pass, each only when its axis changes.
// With a window {left, top, width, height}, only those output pixels are
// computed, from the full-size weights.
Raster convolve(const Raster& in, int width, int height, ResizeFilter filter, const std::array<float, 4>& box,
                const std::array<int, 4>* window = nullptr) {
  const bool horizontal = changesWidth(in, width, box);
  const bool vertical = changesHeight(in, height, box);
  AxisWeights axisX = axisWeights(int(in.width), box[0], box[2], width, filter);
  AxisWeights axisY = axisWeights(int(in.height), box[1], box[3], height, filter);
  if (window) {
    axisX = slice(axisX, (*window)[0], (*window)[2]);
    axisY = slice(axisY, (*window)[1], (*window)[3]);
    width = (*window)[2];
    height = (*window)[3];
  }
  const int firstRow = axisY.first[0];
  const int lastRow = axisY.first[height - 1] + axisY.count[height - 1];
  const bool wide = in.mode == Mode::I || in.mode == Mode::F;
  const int channels = wide ? 1 : bandCount(in.mode);
  const size_t bpp = bytesPerPixel(in.mode);

  Raster pass1;
  const Raster* current = &in;
  if (horizontal) {
    for (int& first : axisY.first) first -= firstRow;
    Raster pass;
    pass.mode = in.mode;
    pass.width = std::uint32_t(width);
    pass.height = std::uint32_t(lastRow - firstRow);
    pass.data.resize(size_t(width) * pass.height * bpp);
    const std::uint8_t* rows = in.data.data() + size_t(firstRow) * in.width * bpp;
    if (in.mode == Mode::I) {
      resampleHorizontalI(reinterpret_cast<const std::int32_t*>(rows), int(in.width), int(pass.height), axisX,
                          reinterpret_cast<std::int32_t*>(pass.data.data()));
    } else if (in.mode == Mode::F) {
      resampleHorizontalF(reinterpret_cast<const float*>(rows), int(in.width), int(pass.height), axisX,
                          reinterpret_cast<float*>(pass.data.data()));
    } else {
      kernels::resampleHorizontal8(rows, in.data.data() + in.data.size(), int(in.width), channels,
                                   int(pass.height), toFixedPoint(axisX), pass.data.data());
    }
    pass1 = std::move(pass);
    current = &pass1;
  }
  if (!vertical) {
    if (current == &pass1) {
      pass1.palette = in.palette;
      return pass1;
    }
    Raster out = *current;
    out.palette = in.palette;
    return out;
  }
  {
    Raster pass;
    pass.mode = in.mode;
    pass.width = current->width;
    pass.height = std::uint32_t(height);
    pass.data.resize(size_t(current->width) * height * bpp);
    if (in.mode == Mode::I) {
      resampleVerticalI(reinterpret_cast<const std::int32_t*>(current->data.data()), int(current->width), axisY,
                        reinterpret_cast<std::int32_t*>(pass.data.data()));
    } else if (in.mode == Mode::F) {
      resampleVerticalF(reinterpret_cast<const float*>(current->data.data()), int(current->width), axisY,
                        reinterpret_cast<float*>(pass.data.data()));
    } else {
      kernels::resampleVertical8(current->data.data(), size_t(current->width) * channels, toFixedPoint(axisY),
                                 pass.data.data());
    }
    pass.palette = in.palette;
    return pass;
  }
}

void flipLabSign(Raster& lab) {
  for (size_t i = 0; i < lab.data.size(); i += 3) {
    lab.data[i + 1] ^= 0x80;
    lab.data[i + 2] ^= 0x80;
  }
}

// Pillow copies the box instead of resampling when it sits on whole pixels
// and has the output's size.
bool cropsOnly(const std::array<float, 4>& b, int width, int height) {
  return b[0] - float(int(b[0])) == 0 && b[2] - b[0] == float(width) && b[1] - float(int(b[1])) == 0 &&
         b[3] - b[1] == float(height);
}

// Pillow's C-level resize: the box travels as C floats from here on.
Raster resizeWithBox(const Raster& in, int width, int height, ResizeFilter filter, const std::array<double, 4>& box) {
  const std::array<float, 4> b = {float(box[0]), float(box[1]), float(box[2]), float(box[3])};
  if (cropsOnly(b, width, height)) {
    return crop(in, int(b[0]), int(b[1]), width, height);
  }
  if (filter == ResizeFilter::Nearest) return resizeNearest(in, width, height, b);
  return convolve(in, width, height, filter, b);
}

// Image._get_safe_box: the box grown by the filter's reach, in whole pixels.
std::array<int, 4> safeBox(const Raster& in, int width, int height, ResizeFilter filter,
                           const std::array<double, 4>& box) {
  const double support = filterSupport(filter) - 0.5;
  const double supportX = support * ((box[2] - box[0]) / width);
  const double supportY = support * ((box[3] - box[1]) / height);
  return {std::max(0, int(std::trunc(box[0] - supportX))), std::max(0, int(std::trunc(box[1] - supportY))),
          std::min(int(in.width), int(std::ceil(box[2] + supportX))),
          std::min(int(in.height), int(std::ceil(box[3] + supportY)))};
}

Result<Raster> resizeOpaque(const Raster& in, int width, int height, ResizeFilter filter, std::array<double, 4> box,
                            std::optional<double> reducingGap) {
  if (reducingGap && filter != ResizeFilter::Nearest) {
    const int factorX = std::max(1, int(std::trunc((box[2] - box[0]) / width / *reducingGap)));
    const int factorY = std::max(1, int(std::trunc((box[3] - box[1]) / height / *reducingGap)));
    if (factorX > 1 || factorY > 1) {
      const std::array<int, 4> reduceBox = safeBox(in, width, height, filter, box);
      auto reduced = reduceRaster(in, factorX, factorY, reduceBox);
      if (!reduced) return reduced.error();
      box = {(box[0] - reduceBox[0]) / factorX, (box[1] - reduceBox[1]) / factorY,
             (box[2] - reduceBox[0]) / factorX, (box[3] - reduceBox[1]) / factorY};
      return resizeWithBox(reduced.value(), width, height, filter, box);
    }
  }
  return resizeWithBox(in, width, height, filter, box);
}

std::optional<Error> checkOptions(const Raster& source, const ResizeOptions& options, std::array<double, 4>& box);

}  // namespace

Result<Raster> resize(const Raster& source, const ResizeOptions& options) {
  std::array<double, 4> box{};
  if (auto bad = checkOptions(source, options, box)) return *bad;
  const int width = int(options.width), height = int(options.height);
  if (options.width == source.width && options.height == source.height && box[0] == 0 && box[1] == 0 &&
      box[2] == source.width && box[3] == source.height) {
    return source;
  }
  ResizeFilter filter = options.filter;
  if (source.mode == Mode::One || source.mode == Mode::P) filter = ResizeFilter::Nearest;
  if ((source.mode == Mode::LA || source.mode == Mode::RGBA) && filter != ResizeFilter::Nearest) {
    const int channels = bandCount(source.mode);
    Raster premultiplied = source;
    premultiplyAlpha(premultiplied.data.data(), size_t(source.width) * source.height, channels);
    Raster out = resizeWithBox(premultiplied, width, height, filter, box);
    unpremultiplyAlpha(out.data.data(), size_t(out.width) * out.height, channels);
    return out;
  }
  if (source.mode == Mode::LAB) {
    // Pillow holds a and b offset by 128 (its raw LAB is signed outside,
    // unsigned inside) and resamples those; the raster holds the raw bytes.
    Raster shifted = source;
    flipLabSign(shifted);
    auto out = resizeOpaque(shifted, width, height, filter, box, options.reducingGap);
    if (out) flipLabSign(out.value());
    return out;
  }
  return resizeOpaque(source, width, height, filter, box, options.reducingGap);
}

Result<Raster> resizeWindow(const Raster& source, const ResizeOptions& options, std::array<std::uint32_t, 4> window) {
  std::array<double, 4> box{};
  if (auto bad = checkOptions(source, options, box)) return *bad;
  if (window[2] < 1 || window[3] < 1 || window[0] + window[2] > options.width ||
      window[1] + window[3] > options.height) {
    return invalid("resize window must lie inside the " + std::to_string(options.width) + "x" +
                   std::to_string(options.height) + " result");
  }
  const int width = int(options.width), height = int(options.height);
  const std::array<float, 4> b = {float(box[0]), float(box[1]), float(box[2]), float(box[3])};
  const bool plainConvolution = options.filter != ResizeFilter::Nearest && !options.reducingGap &&
                                source.mode != Mode::One && source.mode != Mode::P && source.mode != Mode::LA &&
                                source.mode != Mode::RGBA && source.mode != Mode::LAB && !cropsOnly(b, width, height) &&
                                changesWidth(source, width, b) &&
                                changesHeight(source, height, b);
  if (plainConvolution) {
    const std::array<int, 4> w = {int(window[0]), int(window[1]), int(window[2]), int(window[3])};
    return convolve(source, width, height, options.filter, b, &w);
  }
  auto whole = resize(source, options);
  if (!whole) return whole;
  return crop(whole.value(), int(window[0]), int(window[1]), int(window[2]), int(window[3]));
}

namespace {

std::optional<Error> checkOptions(const Raster& source, const ResizeOptions& options, std::array<double, 4>& box) {
  if (auto bad = validateRaster(source)) return *bad;
  if (options.width < 1 || options.height < 1 || options.width > 0x7fffffffu || options.height > 0x7fffffffu) {
    return invalid("resize width and height must be positive integers, got " + std::to_string(options.width) + "x" +
                   std::to_string(options.height));
  }
  if (options.reducingGap && !(*options.reducingGap >= 1.0 && std::isfinite(*options.reducingGap))) {
    return invalid("reducingGap must be a number of at least 1.0, got " + number(*options.reducingGap));
  }
  box = {0, 0, double(source.width), double(source.height)};
  if (options.box) {
    box = *options.box;
    for (double v : box) {
      if (!std::isfinite(v)) return invalid("box values must be finite numbers");
    }
    if (box[0] < 0 || box[1] < 0 || box[2] > source.width || box[3] > source.height || box[2] <= box[0] ||
        box[3] <= box[1]) {
      return invalid("box [" + number(box[0]) + ", " + number(box[1]) + ", " + number(box[2]) + ", " +
                     number(box[3]) + "] must be [left, top, right, bottom] with left < right ≤ " +
                     std::to_string(source.width) + " and top < bottom ≤ " + std::to_string(source.height) +
                     ", none negative");
    }
  }
  return std::nullopt;
}

}  // namespace

}  // namespace imagefield
