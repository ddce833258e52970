#include "resize/resample_8bit.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace imagefield::kernels {
namespace {

using std::int32_t;
using std::size_t;
using std::int16_t;
using std::uint8_t;

constexpr int32_t kHalf = 1 << (kWeightBits - 1);

inline uint8_t clip8(int32_t sum) {
  const int32_t v = sum >> kWeightBits;  // arithmetic shift, as Pillow's table index
  return v < 0 ? 0 : v > 255 ? 255 : uint8_t(v);
}

// All bands of a pixel in one pass over the window, as Pillow does.
template <int C>
void horizontalRowScalarBands(const uint8_t* row, const FixedAxisWeights& w, uint8_t* out) {
  for (int xx = 0; xx < w.outSize; ++xx) {
    const int32_t* k = &w.weights[size_t(xx) * w.stride];
    const uint8_t* src = row + size_t(w.first[xx]) * C;
    const int n = w.count[xx];
    int32_t sum[C];
    for (int c = 0; c < C; ++c) sum[c] = kHalf;
    for (int x = 0; x < n; ++x) {
      for (int c = 0; c < C; ++c) sum[c] += int32_t(src[size_t(x) * C + c]) * k[x];
    }
    for (int c = 0; c < C; ++c) out[size_t(xx) * C + c] = clip8(sum[c]);
  }
}

void horizontalRowScalar(const uint8_t* row, int channels, const FixedAxisWeights& w, uint8_t* out) {
  switch (channels) {
    case 1: return horizontalRowScalarBands<1>(row, w, out);
    case 2: return horizontalRowScalarBands<2>(row, w, out);
    case 3: return horizontalRowScalarBands<3>(row, w, out);
    default: return horizontalRowScalarBands<4>(row, w, out);
  }
}

void verticalRangeScalar(const uint8_t* in, size_t rowBytes, const FixedAxisWeights& w, int yy, size_t from,
                         uint8_t* out) {
  const int32_t* k = &w.weights[size_t(yy) * w.stride];
  const uint8_t* top = in + size_t(w.first[yy]) * rowBytes;
  const int n = w.count[yy];
  for (size_t i = from; i < rowBytes; ++i) {
    int32_t sum = kHalf;
    for (int y = 0; y < n; ++y) sum += int32_t(top[size_t(y) * rowBytes + i]) * k[y];
    out[i] = clip8(sum);
  }
}

#if defined(__wasm_simd128__)
inline v128_t combineSplit(v128_t high, v128_t low) {
  return wasm_i32x4_add(wasm_i32x4_shl(high, kWeightSplitBits), low);
}

// Two taps per step: the bands of two neighbouring pixels as 16-bit pairs
// [b0 of x, b0 of x+1, b1 of x, b1 of x+1, ...], times the pair of split
// weights in one dot product per half.
template <int C>
v128_t pixelPairs(const uint8_t* p) {
  const v128_t zero = wasm_i32x4_splat(0);
  if constexpr (C == 4) {
    return wasm_i8x16_shuffle(wasm_v128_load64_zero(p), zero, 0, 16, 4, 16, 1, 16, 5, 16, 2, 16, 6, 16, 3, 16, 7, 16);
  } else if constexpr (C == 3) {
    return wasm_i8x16_shuffle(wasm_v128_load64_zero(p), zero, 0, 16, 3, 16, 1, 16, 4, 16, 2, 16, 5, 16, 16, 16, 16,
                              16);
  } else {
    return wasm_i8x16_shuffle(wasm_v128_load32_zero(p), zero, 0, 16, 2, 16, 1, 16, 3, 16, 16, 16, 16, 16, 16, 16, 16,
                              16);
  }
}

template <int C>
void horizontalRowSimdPairs(const uint8_t* row, const FixedAxisWeights& w, uint8_t* out) {
  const v128_t zero = wasm_i32x4_splat(0);
  for (int xx = 0; xx < w.outSize; ++xx) {
    const size_t offset = size_t(xx) * w.stride;
    const int16_t* high = &w.high[offset];
    const int16_t* low = &w.low[offset];
    const uint8_t* src = row + size_t(w.first[xx]) * C;
    const int n = w.count[xx];
    v128_t sumHigh = zero, sumLow = zero;
    int x = 0;
    for (; x + 1 < n; x += 2) {
      const v128_t pixels = pixelPairs<C>(src + size_t(x) * C);
      sumHigh = wasm_i32x4_add(sumHigh, wasm_i32x4_dot_i16x8(pixels, wasm_v128_load32_splat(high + x)));
      sumLow = wasm_i32x4_add(sumLow, wasm_i32x4_dot_i16x8(pixels, wasm_v128_load32_splat(low + x)));
    }
    int32_t sums[4];
    wasm_v128_store(sums, combineSplit(sumHigh, sumLow));
    uint8_t* dst = out + size_t(xx) * C;
    for (int c = 0; c < C; ++c) {
      int32_t sum = kHalf + sums[c];
      if (x < n) sum += int32_t(src[size_t(x) * C + c]) * w.weights[offset + size_t(x)];
      dst[c] = clip8(sum);
    }
  }
}

// One band: eight taps per step, eight split weights straight from the padded row.
void horizontalRowSimdGray(const uint8_t* row, const FixedAxisWeights& w, uint8_t* out) {
  const v128_t zero = wasm_i32x4_splat(0);
  for (int xx = 0; xx < w.outSize; ++xx) {
    const size_t offset = size_t(xx) * w.stride;
    const uint8_t* src = row + w.first[xx];
    const int n = w.count[xx];
    v128_t sumHigh = zero, sumLow = zero;
    int x = 0;
    for (; x + 8 <= n; x += 8) {
      const v128_t pixels = wasm_u16x8_load8x8(src + x);
      sumHigh = wasm_i32x4_add(sumHigh, wasm_i32x4_dot_i16x8(pixels, wasm_v128_load(&w.high[offset + size_t(x)])));
      sumLow = wasm_i32x4_add(sumLow, wasm_i32x4_dot_i16x8(pixels, wasm_v128_load(&w.low[offset + size_t(x)])));
    }
    const v128_t sums = combineSplit(sumHigh, sumLow);
    int32_t total = kHalf + wasm_i32x4_extract_lane(sums, 0) + wasm_i32x4_extract_lane(sums, 1) +
                    wasm_i32x4_extract_lane(sums, 2) + wasm_i32x4_extract_lane(sums, 3);
    for (; x < n; ++x) total += int32_t(src[x]) * w.weights[offset + size_t(x)];
    out[xx] = clip8(total);
  }
}
#endif

}  // namespace

void resampleHorizontal8Scalar(const uint8_t* in, int inWidth, int channels, int rows, const FixedAxisWeights& w,
                               uint8_t* out) {
  const size_t inRow = size_t(inWidth) * channels, outRow = size_t(w.outSize) * channels;
  for (int y = 0; y < rows; ++y) horizontalRowScalar(in + y * inRow, channels, w, out + y * outRow);
}

void resampleVertical8Scalar(const uint8_t* in, size_t rowBytes, const FixedAxisWeights& w, uint8_t* out) {
  for (int yy = 0; yy < w.outSize; ++yy) verticalRangeScalar(in, rowBytes, w, yy, 0, out + size_t(yy) * rowBytes);
}

void resampleHorizontal8(const uint8_t* in, const uint8_t* inEnd, int inWidth, int channels, int rows,
                         const FixedAxisWeights& w, uint8_t* out) {
#if defined(__wasm_simd128__)
  const size_t inRow = size_t(inWidth) * channels, outRow = size_t(w.outSize) * channels;
  for (int y = 0; y < rows; ++y) {
    const uint8_t* row = in + y * inRow;
    uint8_t* dst = out + y * outRow;
    // The 8-byte reads of two 3-byte pixels run two bytes past the second.
    const bool roomForWideReads = size_t(inEnd - row) >= inRow + 2;
    switch (channels) {
      case 1: horizontalRowSimdGray(row, w, dst); break;
      case 2: horizontalRowSimdPairs<2>(row, w, dst); break;
      case 3:
        if (roomForWideReads) horizontalRowSimdPairs<3>(row, w, dst);
        else horizontalRowScalar(row, channels, w, dst);
        break;
      default: horizontalRowSimdPairs<4>(row, w, dst); break;
    }
  }
#else
  (void)inEnd;
  resampleHorizontal8Scalar(in, inWidth, channels, rows, w, out);
#endif
}

void resampleVertical8(const uint8_t* in, size_t rowBytes, const FixedAxisWeights& w, uint8_t* out) {
#if defined(__wasm_simd128__)
  for (int yy = 0; yy < w.outSize; ++yy) {
    const int32_t* k = &w.weights[size_t(yy) * w.stride];
    const uint8_t* top = in + size_t(w.first[yy]) * rowBytes;
    const int n = w.count[yy];
    uint8_t* dst = out + size_t(yy) * rowBytes;
    size_t i = 0;
    for (; i + 16 <= rowBytes; i += 16) {
      v128_t s0 = wasm_i32x4_splat(kHalf), s1 = s0, s2 = s0, s3 = s0;
      for (int y = 0; y < n; ++y) {
        const v128_t bytes = wasm_v128_load(top + size_t(y) * rowBytes + i);
        const v128_t weight = wasm_i32x4_splat(k[y]);
        const v128_t lo = wasm_u16x8_extend_low_u8x16(bytes), hi = wasm_u16x8_extend_high_u8x16(bytes);
        s0 = wasm_i32x4_add(s0, wasm_i32x4_mul(wasm_u32x4_extend_low_u16x8(lo), weight));
        s1 = wasm_i32x4_add(s1, wasm_i32x4_mul(wasm_u32x4_extend_high_u16x8(lo), weight));
        s2 = wasm_i32x4_add(s2, wasm_i32x4_mul(wasm_u32x4_extend_low_u16x8(hi), weight));
        s3 = wasm_i32x4_add(s3, wasm_i32x4_mul(wasm_u32x4_extend_high_u16x8(hi), weight));
      }
      const v128_t w01 = wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(s0, kWeightBits), wasm_i32x4_shr(s1, kWeightBits));
      const v128_t w23 = wasm_i16x8_narrow_i32x4(wasm_i32x4_shr(s2, kWeightBits), wasm_i32x4_shr(s3, kWeightBits));
      wasm_v128_store(dst + i, wasm_u8x16_narrow_i16x8(w01, w23));
    }
    if (i < rowBytes) verticalRangeScalar(in, rowBytes, w, yy, i, dst);
  }
#else
  resampleVertical8Scalar(in, rowBytes, w, out);
#endif
}

}  // namespace imagefield::kernels
