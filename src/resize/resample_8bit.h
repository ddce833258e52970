// Pillow's 8-bit convolution passes: accumulator starting at 2^21, 22-bit
// weights, >> 22 and clamp to [0,255]. A portable scalar body and, when
// built with -msimd128, a Wasm SIMD body giving the same bytes (the
// arithmetic is integer, so the order of the sums cannot change them).
#pragma once
#include <cstddef>
#include <cstdint>

#include "resize/resample_coefficients.h"

namespace imagefield::kernels {

// `rows` rows of `inWidth` pixels of `channels` bytes starting at `in` →
// rows of weights.outSize pixels. `inEnd` is the end of the readable memory
// after `in` (the SIMD body reads whole 4-byte groups where it is allowed to).
void resampleHorizontal8(const std::uint8_t* in, const std::uint8_t* inEnd, int inWidth, int channels, int rows,
                         const FixedAxisWeights& weights, std::uint8_t* out);

// Rows of `rowBytes` bytes (channel-blind) → weights.outSize rows.
void resampleVertical8(const std::uint8_t* in, std::size_t rowBytes, const FixedAxisWeights& weights,
                       std::uint8_t* out);

// The scalar bodies alone, for the tests that compare them with the SIMD ones.
void resampleHorizontal8Scalar(const std::uint8_t* in, int inWidth, int channels, int rows,
                               const FixedAxisWeights& weights, std::uint8_t* out);
void resampleVertical8Scalar(const std::uint8_t* in, std::size_t rowBytes, const FixedAxisWeights& weights,
                             std::uint8_t* out);

}  // namespace imagefield::kernels
