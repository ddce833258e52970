// Array values → uint8 with the rules of wandb.Image (DESIGN §3).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace imagefield {

enum class DType { U8, I8, U16, I16, U32, I32, F32, F64 };

std::optional<DType> parseDType(std::string_view name);  // "uint8", "int8", ... "float64"
const char* dtypeName(DType dtype);

// A borrowed, read-only typed array: `length` elements of `dtype` at `data`.
struct TypedView {
  DType dtype;
  const void* data;
  std::size_t length;
};

// normalize = true: one rule for the whole array, chosen from its global min
// and max: [0,1] → v·255; [-1,1] → 127.5·(v+1); otherwise clip to [0,255].
// Any NaN selects clipping and NaN elements become 0. Float32 input is computed
// in float32, everything else in float64. normalize = false: clip only.
// Results are truncated toward zero, never rounded (0.5 → 127).
std::vector<std::uint8_t> toUint8(const TypedView& input, bool normalize);

// Which of the three rules normalize = true applies to this array; exposed
// so tests and callers can explain a result.
enum class NormalizeRule { ScaleUnit, ScaleSigned, Clip };
NormalizeRule chooseRule(const TypedView& input);

// Float32 CHW planes straight to interleaved HWC bytes in one pass, with the
// rules of toUint8 (the same bytes as toUint8 followed by interleaving).
std::vector<std::uint8_t> planarF32ToPixels(const float* planes, std::size_t pixels, std::size_t channels,
                                            bool normalize);

}  // namespace imagefield
