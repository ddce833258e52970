#include "resize/resample_8bit.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace imagefield::kernels {
namespace {

using std::int32_t;
using std::size_t;
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
inline v128_t widenLow4(v128_t bytes) { return wasm_u32x4_extend_low_u16x8(wasm_u16x8_extend_low_u8x16(bytes)); }

// Four sums → four clamped bytes in the low lanes.
inline v128_t clipLanes(v128_t sums) {
  const v128_t shifted = wasm_i32x4_shr(sums, kWeightBits);
  const v128_t words = wasm_i16x8_narrow_i32x4(shifted, shifted);
  return wasm_u8x16_narrow_i16x8(words, words);
}

inline int32_t loadPixel32(const uint8_t* p) {
  int32_t v;
  __builtin_memcpy(&v, p, 4);
  return v;
}

// One tap = one pixel of 3 or 4 bytes widened to 4 lanes, times its weight.
void horizontalRowSimdWide(const uint8_t* row, int channels, const FixedAxisWeights& w, uint8_t* out) {
  for (int xx = 0; xx < w.outSize; ++xx) {
    const int32_t* k = &w.weights[size_t(xx) * w.stride];
    const uint8_t* src = row + size_t(w.first[xx]) * channels;
    const int n = w.count[xx];
    v128_t sum = wasm_i32x4_splat(kHalf);
    int x = 0;
    for (; x + 1 < n; x += 2) {
      const v128_t a = widenLow4(wasm_i32x4_splat(loadPixel32(src + size_t(x) * channels)));
      const v128_t b = widenLow4(wasm_i32x4_splat(loadPixel32(src + size_t(x + 1) * channels)));
      sum = wasm_i32x4_add(sum, wasm_i32x4_mul(a, wasm_i32x4_splat(k[x])));
      sum = wasm_i32x4_add(sum, wasm_i32x4_mul(b, wasm_i32x4_splat(k[x + 1])));
    }
    if (x < n) {
      const v128_t a = widenLow4(wasm_i32x4_splat(loadPixel32(src + size_t(x) * channels)));
      sum = wasm_i32x4_add(sum, wasm_i32x4_mul(a, wasm_i32x4_splat(k[x])));
    }
    const int32_t bytes = wasm_i32x4_extract_lane(clipLanes(sum), 0);
    uint8_t* dst = out + size_t(xx) * channels;
    dst[0] = uint8_t(bytes);
    dst[1] = uint8_t(bytes >> 8);
    dst[2] = uint8_t(bytes >> 16);
    if (channels == 4) dst[3] = uint8_t(bytes >> 24);
  }
}

// One band: four taps at a time, the four weights from the padded row.
void horizontalRowSimdGray(const uint8_t* row, const FixedAxisWeights& w, uint8_t* out) {
  for (int xx = 0; xx < w.outSize; ++xx) {
    const int32_t* k = &w.weights[size_t(xx) * w.stride];
    const uint8_t* src = row + w.first[xx];
    const int n = w.count[xx];
    v128_t sum = wasm_i32x4_splat(0);
    int x = 0;
    for (; x + 4 <= n; x += 4) {
      const v128_t pixels = widenLow4(wasm_i32x4_splat(loadPixel32(src + x)));
      sum = wasm_i32x4_add(sum, wasm_i32x4_mul(pixels, wasm_v128_load(k + x)));
    }
    int32_t total = kHalf + wasm_i32x4_extract_lane(sum, 0) + wasm_i32x4_extract_lane(sum, 1) +
                    wasm_i32x4_extract_lane(sum, 2) + wasm_i32x4_extract_lane(sum, 3);
    for (; x < n; ++x) total += int32_t(src[x]) * k[x];
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
    // 4-byte reads of the last pixel run one byte past a 3-byte pixel.
    const bool roomForWideReads = size_t(inEnd - row) >= inRow + 1;
    if (channels == 1) {
      horizontalRowSimdGray(row, w, dst);
    } else if (channels == 4 || (channels == 3 && roomForWideReads)) {
      horizontalRowSimdWide(row, channels, w, dst);
    } else {
      horizontalRowScalar(row, channels, w, dst);
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
