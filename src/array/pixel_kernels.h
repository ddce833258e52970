// The hot loops of normalization and mode conversion, each with a portable
// scalar body (the reference, and all a native build compiles) and, when the
// core is compiled with -msimd128, a Wasm SIMD body for the bulk of the data
// that must produce the same bytes. Plain pointers in and out; `n` counts
// pixels (or elements for the float kernels); pointers need no alignment.
#pragma once
#include <cstddef>
#include <cstdint>

namespace imagefield::kernels {

// Whether this build runs the Wasm SIMD bodies.
bool simdEnabled();

// Global min and max of float32 values, ignoring NaN; hasNaN reports any.
// With no non-NaN value min = +inf and max = -inf.
struct FloatRange {
  float min;
  float max;
  bool hasNaN;
};
FloatRange scanF32(const float* values, std::size_t n);

// Float32 → uint8 in float32 arithmetic, then clip to [0,255] and truncate
// (NaN → 0): scale = v·255, shift = 127.5·(v+1), clip = v. Scale255 is exact
// for values in [0,1] and ShiftSigned for values in [-1,1] (the ranges the
// normalization rules choose them for); other values give unspecified bytes.
enum class F32Rule { Scale255, ShiftSigned, Clip };
void f32ToBytes(const float* in, std::size_t n, F32Rule rule, std::uint8_t* out);

// f32ToBytes and interleavePlanes in one pass: `channels` float32 planes of
// `n` values each (CHW) → n interleaved pixels (HWC), no byte planes between.
void f32PlanesToPixels(const float* planes, std::size_t n, std::size_t channels, F32Rule rule, std::uint8_t* out);

// The same conversions, also telling whether every value read lies where
// the rule is exact ([0,1] for Scale255, [-1,1] for ShiftSigned; Clip: always
// true): a caller that guessed the rule checks the guess without a second
// pass over the floats. False may also mean a -0 under Scale255 (harmless).
bool f32ToBytesChecked(const float* in, std::size_t n, F32Rule rule, std::uint8_t* out);
bool f32PlanesToPixelsChecked(const float* planes, std::size_t n, std::size_t channels, F32Rule rule,
                              std::uint8_t* out);

// The least work any float32 → uint8 pass must do (read each float once,
// convert it with the kernels' cheapest conversion, write each byte once):
// the benchmark's floor. Only values in [0, 255] give meaningful bytes.
void floorF32ToBytes(const float* in, std::size_t n, std::uint8_t* out);

// `channels` planes of `n` bytes each, one after another → n interleaved pixels.
void interleavePlanes(const std::uint8_t* planes, std::size_t n, std::size_t channels, std::uint8_t* out);

// Pillow's conversions for the modes a canvas and a model use most.
void rgbToL(const std::uint8_t* rgb, std::size_t n, std::uint8_t* out);  // ITU-R 601-2, PIL fixed point
void rgbToRgba(const std::uint8_t* rgb, std::size_t n, std::uint8_t* out);  // alpha 255
void rgbaToRgb(const std::uint8_t* rgba, std::size_t n, std::uint8_t* out);  // alpha dropped
void lToRgba(const std::uint8_t* l, std::size_t n, std::uint8_t* out);  // grey, alpha 255
void lToRgb(const std::uint8_t* l, std::size_t n, std::uint8_t* out);

}  // namespace imagefield::kernels
