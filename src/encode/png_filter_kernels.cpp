#include "encode/png_filter_kernels.h"

#include <algorithm>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace imagefield::png {
namespace {

using std::size_t;
using std::uint8_t;

// |r| of a residual read as a signed byte: 0..128.
inline unsigned absSigned(uint8_t r) { return r < 128 ? r : 256u - r; }

inline uint8_t paethPredict(uint8_t a, uint8_t b, uint8_t c) {
  // p = a + b - c; the distances |p - a|, |p - b|, |p - c| without p.
  const int pa = b > c ? b - c : c - b;
  const int pb = a > c ? a - c : c - a;
  const int sum = int(a) + int(b) - 2 * int(c);
  const int pc = sum < 0 ? -sum : sum;
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// Bytes [from, to) of the row; a and c are 0 left of the first pixel.
void scalarCosts(const uint8_t* row, const uint8_t* above, size_t from, size_t to, size_t bpp,
                 std::uint64_t* cost) {
  for (size_t x = from; x < to; ++x) {
    const uint8_t v = row[x], b = above[x];
    const uint8_t a = x >= bpp ? row[x - bpp] : 0, c = x >= bpp ? above[x - bpp] : 0;
    cost[0] += absSigned(v);
    cost[1] += absSigned(uint8_t(v - a));
    cost[2] += absSigned(uint8_t(v - b));
    cost[3] += absSigned(uint8_t(v - ((a + b) >> 1)));
    cost[4] += absSigned(uint8_t(v - paethPredict(a, b, c)));
  }
}

void scalarFilter(Filter filter, const uint8_t* row, const uint8_t* above, size_t from, size_t to, size_t bpp,
                  uint8_t* out) {
  for (size_t x = from; x < to; ++x) {
    const uint8_t v = row[x], b = above[x];
    const uint8_t a = x >= bpp ? row[x - bpp] : 0, c = x >= bpp ? above[x - bpp] : 0;
    uint8_t predicted = 0;
    switch (filter) {
      case Filter::None: break;
      case Filter::Sub: predicted = a; break;
      case Filter::Up: predicted = b; break;
      case Filter::Average: predicted = uint8_t((a + b) >> 1); break;
      case Filter::Paeth: predicted = paethPredict(a, b, c); break;
    }
    out[x] = uint8_t(v - predicted);
  }
}

#if defined(__wasm_simd128__)
// floor((a + b) / 2): avgr rounds up, so take back the odd bit.
inline v128_t averagePredict(v128_t a, v128_t b) {
  return wasm_i8x16_sub(wasm_u8x16_avgr(a, b), wasm_v128_and(wasm_v128_xor(a, b), wasm_i8x16_splat(1)));
}

inline v128_t paethPredict(v128_t a, v128_t b, v128_t c) {
  const v128_t pa = wasm_i8x16_sub(wasm_u8x16_max(b, c), wasm_u8x16_min(b, c));
  const v128_t pb = wasm_i8x16_sub(wasm_u8x16_max(a, c), wasm_u8x16_min(a, c));
  // |a + b - 2c| reaches 510, so it is computed in 16 bits and saturated to
  // 255 on the way back: pa and pb never exceed 255, so every comparison
  // with pc comes out the same as with the exact value.
  const v128_t lo = wasm_i16x8_abs(
      wasm_i16x8_sub(wasm_i16x8_add(wasm_u16x8_extend_low_u8x16(a), wasm_u16x8_extend_low_u8x16(b)),
                     wasm_i16x8_shl(wasm_u16x8_extend_low_u8x16(c), 1)));
  const v128_t hi = wasm_i16x8_abs(
      wasm_i16x8_sub(wasm_i16x8_add(wasm_u16x8_extend_high_u8x16(a), wasm_u16x8_extend_high_u8x16(b)),
                     wasm_i16x8_shl(wasm_u16x8_extend_high_u8x16(c), 1)));
  const v128_t pc = wasm_u8x16_narrow_i16x8(lo, hi);
  const v128_t useA = wasm_v128_and(wasm_u8x16_le(pa, pb), wasm_u8x16_le(pa, pc));
  const v128_t useB = wasm_u8x16_le(pb, pc);
  return wasm_v128_bitselect(a, wasm_v128_bitselect(b, c, useB), useA);
}

// 16-bit lanes gain at most 2·128 per vector: 255 vectors fit before a flush.
constexpr int kVectorsPerFlush = 255;

inline v128_t addAbs(v128_t sums, v128_t residual) {
  return wasm_i16x8_add(sums, wasm_u16x8_extadd_pairwise_u8x16(wasm_i8x16_abs(residual)));
}

inline std::uint64_t laneSum(v128_t sums16) {
  const v128_t sums32 = wasm_u32x4_extadd_pairwise_u16x8(sums16);
  return std::uint64_t(wasm_u32x4_extract_lane(sums32, 0)) + wasm_u32x4_extract_lane(sums32, 1) +
         wasm_u32x4_extract_lane(sums32, 2) + wasm_u32x4_extract_lane(sums32, 3);
}
#endif

}  // namespace

FilterCosts filterCosts(const uint8_t* row, const uint8_t* above, size_t n, int bpp) {
  FilterCosts costs{};
  const size_t step = size_t(bpp);
  size_t x = std::min(step, n);
  scalarCosts(row, above, 0, x, step, costs.cost);
#if defined(__wasm_simd128__)
  while (x + 16 <= n) {
    v128_t none = wasm_i16x8_splat(0), sub = none, up = none, average = none, paeth = none;
    for (int k = 0; k < kVectorsPerFlush && x + 16 <= n; ++k, x += 16) {
      const v128_t v = wasm_v128_load(row + x), a = wasm_v128_load(row + x - step);
      const v128_t b = wasm_v128_load(above + x), c = wasm_v128_load(above + x - step);
      none = addAbs(none, v);
      sub = addAbs(sub, wasm_i8x16_sub(v, a));
      up = addAbs(up, wasm_i8x16_sub(v, b));
      average = addAbs(average, wasm_i8x16_sub(v, averagePredict(a, b)));
      paeth = addAbs(paeth, wasm_i8x16_sub(v, paethPredict(a, b, c)));
    }
    costs.cost[0] += laneSum(none);
    costs.cost[1] += laneSum(sub);
    costs.cost[2] += laneSum(up);
    costs.cost[3] += laneSum(average);
    costs.cost[4] += laneSum(paeth);
  }
#endif
  scalarCosts(row, above, x, n, step, costs.cost);
  return costs;
}

void filterRow(Filter filter, const uint8_t* row, const uint8_t* above, size_t n, int bpp, uint8_t* out) {
  if (filter == Filter::None) {
    if (n) std::memcpy(out, row, n);
    return;
  }
  const size_t step = size_t(bpp);
  size_t x = std::min(step, n);
  scalarFilter(filter, row, above, 0, x, step, out);
#if defined(__wasm_simd128__)
  for (; x + 16 <= n; x += 16) {
    const v128_t v = wasm_v128_load(row + x), a = wasm_v128_load(row + x - step);
    const v128_t b = wasm_v128_load(above + x);
    v128_t predicted;
    switch (filter) {
      case Filter::Sub: predicted = a; break;
      case Filter::Up: predicted = b; break;
      case Filter::Average: predicted = averagePredict(a, b); break;
      default: predicted = paethPredict(a, b, wasm_v128_load(above + x - step)); break;
    }
    wasm_v128_store(out + x, wasm_i8x16_sub(v, predicted));
  }
#endif
  scalarFilter(filter, row, above, x, n, step, out);
}

Filter cheapestFilter(const FilterCosts& costs) {
  int best = 0;
  for (int f = 1; f < kFilterCount; ++f) {
    if (costs.cost[f] < costs.cost[best]) best = f;
  }
  return static_cast<Filter>(best);
}

}  // namespace imagefield::png
