// Per-output-pixel filter windows along one axis, as Pillow's resampler
// computes them: double weights normalized by their sum, and the same
// weights in 8-bit fixed point for the 8-bit passes.
#pragma once
#include <cstdint>
#include <vector>

#include "resize/resize_filter.h"

namespace imagefield {

struct AxisWeights {
  int outSize = 0;
  int stride = 0;               // coefficients reserved per output pixel (≥ the widest window)
  std::vector<int> first;       // first input pixel of each window
  std::vector<int> count;       // window length
  std::vector<double> weights;  // outSize × stride, zero past count
};

// Fractional bits of the fixed-point weights (32 − 8 − 2 in Pillow).
constexpr int kWeightBits = 22;

// The axis window for mapping [in0, in1) of an inSize-pixel axis onto outSize
// pixels. in0/in1 are float, as Pillow passes the box through C floats.
AxisWeights axisWeights(int inSize, float in0, float in1, int outSize, ResizeFilter filter);

// Weights × 2^22 rounded half away from zero, same layout; `stride` is padded
// to a multiple of 8 with zeros so vector code may read whole groups.
// Each weight is also split as high · 2^11 + low (low in [0, 2047]), both
// fitting int16, for 16-bit dot products that sum to the same integers.
constexpr int kWeightSplitBits = 11;
struct FixedAxisWeights {
  int outSize = 0;
  int stride = 0;
  std::vector<int> first;
  std::vector<int> count;
  std::vector<std::int32_t> weights;
  std::vector<std::int16_t> high;
  std::vector<std::int16_t> low;
};
FixedAxisWeights toFixedPoint(const AxisWeights& axis);

}  // namespace imagefield
