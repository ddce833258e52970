#include "array/normalize.h"

#include "array/pixel_kernels.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

namespace imagefield {
namespace {

// Float32 arrays are computed in float32 (as numpy does for float32 arrays);
// integers and float64 in float64, where every value of those types is exact
// enough for the comparisons and products involved.
template <class T>
using Compute = std::conditional_t<std::is_same_v<T, float>, float, double>;

struct Range {
  double min;
  double max;
  bool hasNaN;
};

template <class T>
Range scanRange(const T* values, std::size_t n) {
  if (n == 0) return {0, 0, false};
  if constexpr (std::is_same_v<T, float>) {
    const kernels::FloatRange r = kernels::scanF32(values, n);
    return {static_cast<double>(r.min), static_cast<double>(r.max), r.hasNaN};
  } else if constexpr (std::is_floating_point_v<T>) {
    T lo = std::numeric_limits<T>::infinity();
    T hi = -std::numeric_limits<T>::infinity();
    bool nan = false;
    for (std::size_t i = 0; i < n; ++i) {
      const T v = values[i];
      if (v != v) {
        nan = true;
        continue;
      }
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    return {static_cast<double>(lo), static_cast<double>(hi), nan};
  } else {
    T lo = values[0];
    T hi = values[0];
    for (std::size_t i = 1; i < n; ++i) {
      lo = values[i] < lo ? values[i] : lo;
      hi = values[i] > hi ? values[i] : hi;
    }
    return {static_cast<double>(lo), static_cast<double>(hi), false};
  }
}

NormalizeRule ruleFor(const Range& r) {
  if (r.hasNaN) return NormalizeRule::Clip;
  if (r.min >= 0 && r.max <= 1) return NormalizeRule::ScaleUnit;
  if (r.min >= -1 && r.max <= 1) return NormalizeRule::ScaleSigned;
  return NormalizeRule::Clip;
}

// Clip to [0,255] and truncate; NaN → 0. After clipping every value is
// non-negative, so truncation toward zero is a plain cast.
template <class C>
inline std::uint8_t clipToByte(C v) {
  if (!(v > C(0))) return 0;  // also catches NaN
  if (v >= C(255)) return 255;
  return static_cast<std::uint8_t>(v);
}

kernels::F32Rule f32Rule(NormalizeRule rule) {
  return rule == NormalizeRule::ScaleUnit     ? kernels::F32Rule::Scale255
         : rule == NormalizeRule::ScaleSigned ? kernels::F32Rule::ShiftSigned
                                              : kernels::F32Rule::Clip;
}

template <class T>
void convertValues(const T* in, std::size_t n, NormalizeRule rule, std::uint8_t* out) {
  using C = Compute<T>;
  if constexpr (std::is_same_v<T, float>) {
    kernels::f32ToBytes(in, n, f32Rule(rule), out);
    return;
  }
  switch (rule) {
    case NormalizeRule::ScaleUnit:
      for (std::size_t i = 0; i < n; ++i) out[i] = clipToByte(static_cast<C>(in[i]) * C(255));
      break;
    case NormalizeRule::ScaleSigned:
      for (std::size_t i = 0; i < n; ++i) out[i] = clipToByte(C(127.5) * (static_cast<C>(in[i]) + C(1)));
      break;
    case NormalizeRule::Clip:
      for (std::size_t i = 0; i < n; ++i) out[i] = clipToByte(static_cast<C>(in[i]));
      break;
  }
}

// The rule of a float32 array, guessed from a sample: 64 runs of 64 values
// spread over the array. Cheap, and right for nearly every model output.
NormalizeRule guessRuleF32(const float* values, std::size_t n) {
  constexpr std::size_t kRuns = 64, kRun = 64;
  if (n <= kRuns * kRun) return ruleFor(scanRange(values, n));
  Range sample{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(), false};
  const std::size_t stride = (n - kRun) / (kRuns - 1);
  for (std::size_t k = 0; k < kRuns; ++k) {
    const Range r = scanRange(values + k * stride, kRun);
    sample = {std::min(sample.min, r.min), std::max(sample.max, r.max), sample.hasNaN || r.hasNaN};
  }
  return ruleFor(sample);
}

// Float32 normalization in one pass over the floats in the common case:
// convert with the rule a sample suggests while checking that every value
// lies where that rule is exact. A guess of [-1,1] comes from a sample holding
// a negative value, so the whole array has one too and the check completes
// the proof; a guess of clip comes from a sample that already decides it. When
// the check fails, a scan finds the rule and the conversion runs again if it
// differs. The bytes are those of scan-then-convert either way.
template <class ConvertChecked, class Convert>
void convertF32Guessing(const float* values, std::size_t n, ConvertChecked&& convertChecked, Convert&& convert) {
  const NormalizeRule guess = guessRuleF32(values, n);
  if (convertChecked(f32Rule(guess))) return;
  const NormalizeRule rule = ruleFor(scanRange(values, n));
  if (rule != guess) convert(f32Rule(rule));
}

template <class T>
std::vector<std::uint8_t> toUint8Typed(const T* values, std::size_t n, bool normalize) {
  std::vector<std::uint8_t> out(n);
  if constexpr (std::is_same_v<T, float>) {
    if (normalize) {
      convertF32Guessing(
          values, n, [&](kernels::F32Rule rule) { return kernels::f32ToBytesChecked(values, n, rule, out.data()); },
          [&](kernels::F32Rule rule) { kernels::f32ToBytes(values, n, rule, out.data()); });
      return out;
    }
  }
  const NormalizeRule rule = normalize ? ruleFor(scanRange(values, n)) : NormalizeRule::Clip;
  convertValues(values, n, rule, out.data());
  return out;
}

template <class F>
auto dispatch(const TypedView& input, F&& f) {
  switch (input.dtype) {
    case DType::U8: return f(static_cast<const std::uint8_t*>(input.data));
    case DType::I8: return f(static_cast<const std::int8_t*>(input.data));
    case DType::U16: return f(static_cast<const std::uint16_t*>(input.data));
    case DType::I16: return f(static_cast<const std::int16_t*>(input.data));
    case DType::U32: return f(static_cast<const std::uint32_t*>(input.data));
    case DType::I32: return f(static_cast<const std::int32_t*>(input.data));
    case DType::F32: return f(static_cast<const float*>(input.data));
    case DType::F64: return f(static_cast<const double*>(input.data));
  }
  return f(static_cast<const std::uint8_t*>(input.data));
}

struct DTypeName {
  DType dtype;
  const char* name;
};
constexpr DTypeName kDTypeNames[] = {
    {DType::U8, "uint8"},   {DType::I8, "int8"},   {DType::U16, "uint16"},  {DType::I16, "int16"},
    {DType::U32, "uint32"}, {DType::I32, "int32"}, {DType::F32, "float32"}, {DType::F64, "float64"},
};

}  // namespace

std::optional<DType> parseDType(std::string_view name) {
  for (const auto& entry : kDTypeNames) {
    if (name == entry.name) return entry.dtype;
  }
  return std::nullopt;
}

const char* dtypeName(DType dtype) {
  for (const auto& entry : kDTypeNames) {
    if (entry.dtype == dtype) return entry.name;
  }
  return "uint8";
}

std::vector<std::uint8_t> toUint8(const TypedView& input, bool normalize) {
  return dispatch(input, [&](auto* values) { return toUint8Typed(values, input.length, normalize); });
}

std::vector<std::uint8_t> planarF32ToPixels(const float* planes, std::size_t pixels, std::size_t channels,
                                            bool normalize) {
  const std::size_t n = pixels * channels;
  std::vector<std::uint8_t> out(n);
  if (!normalize) {
    kernels::f32PlanesToPixels(planes, pixels, channels, kernels::F32Rule::Clip, out.data());
    return out;
  }
  convertF32Guessing(
      planes, n,
      [&](kernels::F32Rule rule) {
        return kernels::f32PlanesToPixelsChecked(planes, pixels, channels, rule, out.data());
      },
      [&](kernels::F32Rule rule) { kernels::f32PlanesToPixels(planes, pixels, channels, rule, out.data()); });
  return out;
}

NormalizeRule chooseRule(const TypedView& input) {
  return dispatch(input, [&](auto* values) { return ruleFor(scanRange(values, input.length)); });
}

}  // namespace imagefield
