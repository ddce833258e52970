#include "resize/resample_coefficients.h"

#include <cmath>

namespace imagefield {

AxisWeights axisWeights(int inSize, float in0, float in1, int outSize, ResizeFilter filter) {
  AxisWeights axis;
  axis.outSize = outSize;
  // The box width is a float subtraction before it becomes a double.
  const double scale = double(in1 - in0) / outSize;
  const double filterScale = scale < 1.0 ? 1.0 : scale;
  const double support = filterSupport(filter) * filterScale;
  axis.stride = int(std::ceil(support)) * 2 + 1;
  axis.first.resize(outSize);
  axis.count.resize(outSize);
  axis.weights.assign(std::size_t(outSize) * axis.stride, 0.0);
  const double inverse = 1.0 / filterScale;
  for (int xx = 0; xx < outSize; ++xx) {
    const double center = in0 + (xx + 0.5) * scale;
    // C truncation toward zero, then the clamp to the axis (Pillow's "round").
    int xmin = int(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    int xmax = int(center + support + 0.5);
    if (xmax > inSize) xmax = inSize;
    xmax -= xmin;
    double* k = &axis.weights[std::size_t(xx) * axis.stride];
    double total = 0.0;
    for (int x = 0; x < xmax; ++x) {
      const double w = filterWeight(filter, (x + xmin - center + 0.5) * inverse);
      k[x] = w;
      total += w;
    }
    if (total != 0.0) {
      for (int x = 0; x < xmax; ++x) k[x] /= total;
    }
    axis.first[xx] = xmin;
    axis.count[xx] = xmax < 0 ? 0 : xmax;
  }
  return axis;
}

FixedAxisWeights toFixedPoint(const AxisWeights& axis) {
  FixedAxisWeights fixed;
  fixed.outSize = axis.outSize;
  fixed.stride = (axis.stride + 7) & ~7;
  fixed.first = axis.first;
  fixed.count = axis.count;
  fixed.weights.assign(std::size_t(axis.outSize) * fixed.stride, 0);
  fixed.high.assign(fixed.weights.size(), 0);
  fixed.low.assign(fixed.weights.size(), 0);
  constexpr double one = double(1 << kWeightBits);
  for (int xx = 0; xx < axis.outSize; ++xx) {
    const double* k = &axis.weights[std::size_t(xx) * axis.stride];
    std::int32_t* out = &fixed.weights[std::size_t(xx) * fixed.stride];
    std::int16_t* high = &fixed.high[std::size_t(xx) * fixed.stride];
    std::int16_t* low = &fixed.low[std::size_t(xx) * fixed.stride];
    for (int x = 0; x < axis.stride; ++x) {
      out[x] = k[x] < 0 ? std::int32_t(-0.5 + k[x] * one) : std::int32_t(0.5 + k[x] * one);
      // Arithmetic shift: floor division, so the low part is never negative.
      high[x] = std::int16_t(out[x] >> kWeightSplitBits);
      low[x] = std::int16_t(out[x] - std::int32_t(high[x]) * (1 << kWeightSplitBits));
    }
  }
  return fixed;
}

}  // namespace imagefield
