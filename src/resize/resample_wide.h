// Pillow's convolution passes for the 32-bit modes: sums in double with the
// double weights; I rounds half away from zero (Pillow's ROUND_UP), F stores
// the sum as float.
#pragma once
#include <cstddef>
#include <cstdint>

#include "resize/resample_coefficients.h"

namespace imagefield {

// Pillow's ROUND_UP into int32: `(int)(v ± 0.5f)`; values outside int32 (and
// NaN) give INT32_MIN, what the x86 conversion Pillow runs on produces.
std::int32_t roundToInt32(double v);

void resampleHorizontalI(const std::int32_t* in, int inWidth, int rows, const AxisWeights& w, std::int32_t* out);
void resampleVerticalI(const std::int32_t* in, int width, const AxisWeights& w, std::int32_t* out);
void resampleHorizontalF(const float* in, int inWidth, int rows, const AxisWeights& w, float* out);
void resampleVerticalF(const float* in, int width, const AxisWeights& w, float* out);

}  // namespace imagefield
