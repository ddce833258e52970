#include "array/pixel_kernels.h"

#include <cstring>
#include <limits>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace imagefield::kernels {
namespace {

using std::size_t;
using std::uint8_t;

// Clip to [0,255] and truncate; NaN → 0 (the comparison is false for NaN).
inline uint8_t clipToByte(float v) {
  if (!(v > 0.0f)) return 0;
  if (v >= 255.0f) return 255;
  return static_cast<uint8_t>(v);
}

template <F32Rule R>
inline float applyRule(float v) {
  if constexpr (R == F32Rule::Scale255) return v * 255.0f;
  if constexpr (R == F32Rule::ShiftSigned) return 127.5f * (v + 1.0f);
  return v;
}

inline uint8_t luma(const uint8_t* p) {
  return static_cast<uint8_t>((p[0] * 19595u + p[1] * 38470u + p[2] * 7471u + 0x8000u) >> 16);
}

#if defined(__wasm_simd128__)
// Shuffle indices are computed at compile time from the output lane k (and a
// template parameter J, the output vector): each macro below names the source
// byte of lane k, 0..15 from the first operand and 16..31 from the second.
#define IF_SHUFFLE16(a, b, F)                                                                                   \
  wasm_i8x16_shuffle(a, b, F(0), F(1), F(2), F(3), F(4), F(5), F(6), F(7), F(8), F(9), F(10), F(11), F(12), \
                     F(13), F(14), F(15))

// Truncation of v in [0, 255] without i32x4.trunc_sat (several instructions
// on x64): floor(v) + 2^23 is exact and its bit pattern is 0x4B000000 + floor(v).
inline v128_t smallFloatToInt(v128_t v) {
  return wasm_i32x4_sub(wasm_f32x4_add(wasm_f32x4_floor(v), wasm_f32x4_splat(8388608.0f)),
                        wasm_i32x4_splat(0x4B000000));
}

// Pillow's comparisons, lane-wise: pmin(a, b) = b < a ? b : a, so NaN never
// replaces an accumulator, exactly as in the scalar `v < lo ? v : lo`.
// Scale255 and ShiftSigned are only ever chosen for values in [0,1] and
// [-1,1], which they map into [0, 255] (-0 included: floor(-0) + 2^23 is 2^23),
// so only Clip needs the clamp; other values give unspecified bytes.
template <F32Rule R>
inline v128_t bytesOf4(v128_t v) {
  if constexpr (R == F32Rule::Scale255) v = wasm_f32x4_mul(v, wasm_f32x4_splat(255.0f));
  if constexpr (R == F32Rule::ShiftSigned) {
    v = wasm_f32x4_mul(wasm_f32x4_splat(127.5f), wasm_f32x4_add(v, wasm_f32x4_splat(1.0f)));
  }
  if constexpr (R == F32Rule::Clip) {
    v = wasm_f32x4_pmax(wasm_f32x4_splat(0.0f), v);    // 0 < v ? v : 0  (NaN, -0 → 0)
    v = wasm_f32x4_pmin(wasm_f32x4_splat(255.0f), v);  // v < 255 ? v : 255
  }
  return smallFloatToInt(v);
}

// 3-plane → RGB: output byte q = 16J + k is channel q % 3 of pixel q / 3.
#define Q3(k) (16 * J + (k))
#define RG_OF_RGB(k) (Q3(k) % 3 == 0 ? Q3(k) / 3 : Q3(k) % 3 == 1 ? 16 + Q3(k) / 3 : 0)
#define B_OF_RGB(k) (Q3(k) % 3 == 2 ? 16 + Q3(k) / 3 : (k))
template <int J>
inline v128_t planesToRgb(v128_t r, v128_t g, v128_t b) {
  const v128_t rg = IF_SHUFFLE16(r, g, RG_OF_RGB);
  return IF_SHUFFLE16(rg, b, B_OF_RGB);
}

// RGB → one plane: lane k of channel C is byte 3k + C of 48.
#define D3(k) (3 * (k) + C)
#define FROM_V01(k) (D3(k) < 32 ? D3(k) : 0)
#define FROM_V2(k) (D3(k) < 32 ? (k) : 16 + D3(k) - 32)
template <int C>
inline v128_t planeOfRgb(v128_t v0, v128_t v1, v128_t v2) {
  const v128_t t = IF_SHUFFLE16(v0, v1, FROM_V01);
  return IF_SHUFFLE16(t, v2, FROM_V2);
}

// RGB → RGBA: output vector J holds pixels 4J..4J+3; source byte 3p + c,
// read from the pair of input vectors starting at BASE.
#define RGBA_SRC(k) ((k) % 4 == 3 ? 0 : 3 * (4 * J + (k) / 4) + (k) % 4 - BASE)
template <int J, int BASE>
inline v128_t rgbaFromRgb(v128_t a, v128_t b) {
  return IF_SHUFFLE16(a, b, RGBA_SRC);
}

// RGBA → RGB: output byte q = 16J + k is byte 4(q/3) + q%3 of the input.
#define RGB_SRC(k) (4 * ((16 * J + (k)) / 3) + (16 * J + (k)) % 3 - BASE)
template <int J, int BASE>
inline v128_t rgbFromRgba(v128_t a, v128_t b) {
  return IF_SHUFFLE16(a, b, RGB_SRC);
}

// L → RGBA and L → RGB: grey byte of the pixel each output byte belongs to.
#define GREY4(k) (4 * J + (k) / 4)
#define GREY3(k) ((16 * J + (k)) / 3)
template <int J>
inline v128_t rgbaFromGrey(v128_t l) {
  return IF_SHUFFLE16(l, l, GREY4);
}
template <int J>
inline v128_t rgbFromGrey(v128_t l) {
  return IF_SHUFFLE16(l, l, GREY3);
}

inline v128_t alphaMask() { return wasm_u32x4_splat(0xff000000u); }

inline v128_t load(const void* p) { return wasm_v128_load(p); }
inline void store(void* p, v128_t v) { wasm_v128_store(p, v); }

// 16 pixels from 16 bytes of each channel: 48 bytes of RGB, 64 of RGBA.
inline void storeRgb(uint8_t* o, v128_t r, v128_t g, v128_t b) {
  store(o, planesToRgb<0>(r, g, b));
  store(o + 16, planesToRgb<1>(r, g, b));
  store(o + 32, planesToRgb<2>(r, g, b));
}

inline void storeRgba(uint8_t* o, v128_t r, v128_t g, v128_t b, v128_t a) {
  const v128_t rgLo = wasm_i8x16_shuffle(r, g, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
  const v128_t rgHi = wasm_i8x16_shuffle(r, g, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
  const v128_t baLo = wasm_i8x16_shuffle(b, a, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
  const v128_t baHi = wasm_i8x16_shuffle(b, a, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
  store(o, wasm_i16x8_shuffle(rgLo, baLo, 0, 8, 1, 9, 2, 10, 3, 11));
  store(o + 16, wasm_i16x8_shuffle(rgLo, baLo, 4, 12, 5, 13, 6, 14, 7, 15));
  store(o + 32, wasm_i16x8_shuffle(rgHi, baHi, 0, 8, 1, 9, 2, 10, 3, 11));
  store(o + 48, wasm_i16x8_shuffle(rgHi, baHi, 4, 12, 5, 13, 6, 14, 7, 15));
}
#endif

// What a converting kernel checks about the values it reads, so that a caller
// that had to guess the rule learns in the same pass whether the guess holds:
// nothing (NoCheck), or that every value lies where the rule is exact
// (InRange). The check works on the bits: for a float whose sign bit is clear
// the bits order like the values, so "bits ≤ bits of 1.0f" means 0 ≤ v ≤ 1,
// NaN excluded; with the sign bit masked off it means |v| ≤ 1. One unsigned
// max per vector (two with the mask). -0 fails the [0,1] test though the rule
// takes it: a false alarm only costs the caller a scan, never a wrong byte.
struct NoCheck {
  void add(float) {}
#if defined(__wasm_simd128__)
  void add(v128_t, v128_t, v128_t, v128_t) {}
#endif
  bool holds() const { return true; }
};

template <bool kSigned>
struct InRange {
  static constexpr std::uint32_t kOne = 0x3F800000u;  // bits of 1.0f
  static constexpr std::uint32_t kMask = kSigned ? 0x7FFFFFFFu : 0xFFFFFFFFu;
  std::uint32_t most = 0;
#if defined(__wasm_simd128__)
  v128_t most4 = wasm_i32x4_splat(0);
  // Four vectors at a time, reduced as a tree so the accumulator's dependency
  // chain grows by one step per 16 values.
  void add(v128_t a, v128_t b, v128_t c, v128_t d) {
    if constexpr (kSigned) {
      const v128_t mask = wasm_u32x4_splat(kMask);
      a = wasm_v128_and(a, mask);
      b = wasm_v128_and(b, mask);
      c = wasm_v128_and(c, mask);
      d = wasm_v128_and(d, mask);
    }
    most4 = wasm_u32x4_max(most4, wasm_u32x4_max(wasm_u32x4_max(a, b), wasm_u32x4_max(c, d)));
  }
#endif
  void add(float v) {
    std::uint32_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    bits &= kMask;
    most = bits > most ? bits : most;
  }
  bool holds() const {
    std::uint32_t m = most;
#if defined(__wasm_simd128__)
    alignas(16) std::uint32_t lanes[4];
    wasm_v128_store(lanes, most4);
    for (const std::uint32_t lane : lanes) m = lane > m ? lane : m;
#endif
    return m <= kOne;
  }
};

#if defined(__wasm_simd128__)
template <F32Rule R, class Check>
inline v128_t bytesOf16(const float* p, Check& range) {
  const v128_t va = load(p), vb = load(p + 4), vc = load(p + 8), vd = load(p + 12);
  range.add(va, vb, vc, vd);
  const v128_t a = bytesOf4<R>(va), b = bytesOf4<R>(vb), c = bytesOf4<R>(vc), d = bytesOf4<R>(vd);
  return wasm_u8x16_narrow_i16x8(wasm_i16x8_narrow_i32x4(a, b), wasm_i16x8_narrow_i32x4(c, d));
}
#endif

template <F32Rule R, class Check>
void f32ToBytesWith(const float* in, size_t n, uint8_t* out, Check& range) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 16 <= n; i += 16) store(out + i, bytesOf16<R>(in + i, range));
#endif
  for (; i < n; ++i) {
    range.add(in[i]);
    out[i] = clipToByte(applyRule<R>(in[i]));
  }
}

template <F32Rule R, class Check>
void f32PlanesToPixelsWith(const float* planes, size_t n, size_t channels, uint8_t* out, Check& range) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  const float* p0 = planes;
  const float* p1 = planes + n;
  const float* p2 = planes + 2 * n;
  const float* p3 = planes + 3 * n;
  if (channels == 3) {
    for (; i + 16 <= n; i += 16) {
      const v128_t r = bytesOf16<R>(p0 + i, range), g = bytesOf16<R>(p1 + i, range);
      const v128_t b = bytesOf16<R>(p2 + i, range);
      storeRgb(out + 3 * i, r, g, b);
    }
  } else if (channels == 4) {
    for (; i + 16 <= n; i += 16) {
      const v128_t r = bytesOf16<R>(p0 + i, range), g = bytesOf16<R>(p1 + i, range);
      const v128_t b = bytesOf16<R>(p2 + i, range), a = bytesOf16<R>(p3 + i, range);
      storeRgba(out + 4 * i, r, g, b, a);
    }
  }
#endif
  for (size_t c = 0; c < channels; ++c) {
    const float* plane = planes + c * n;
    for (size_t k = i; k < n; ++k) {
      range.add(plane[k]);
      out[k * channels + c] = clipToByte(applyRule<R>(plane[k]));
    }
  }
}

template <class Check>
void f32PlanesToPixelsBy(const float* planes, size_t n, size_t channels, F32Rule rule, uint8_t* out, Check& range) {
  switch (rule) {
    case F32Rule::Scale255: return f32PlanesToPixelsWith<F32Rule::Scale255>(planes, n, channels, out, range);
    case F32Rule::ShiftSigned: return f32PlanesToPixelsWith<F32Rule::ShiftSigned>(planes, n, channels, out, range);
    case F32Rule::Clip: return f32PlanesToPixelsWith<F32Rule::Clip>(planes, n, channels, out, range);
  }
}

template <class Check>
void f32ToBytesBy(const float* in, size_t n, F32Rule rule, uint8_t* out, Check& range) {
  switch (rule) {
    case F32Rule::Scale255: return f32ToBytesWith<F32Rule::Scale255>(in, n, out, range);
    case F32Rule::ShiftSigned: return f32ToBytesWith<F32Rule::ShiftSigned>(in, n, out, range);
    case F32Rule::Clip: return f32ToBytesWith<F32Rule::Clip>(in, n, out, range);
  }
}

}  // namespace

void f32PlanesToPixels(const float* planes, size_t n, size_t channels, F32Rule rule, uint8_t* out) {
  NoCheck none;
  f32PlanesToPixelsBy(planes, n, channels, rule, out, none);
}

void f32ToBytes(const float* in, size_t n, F32Rule rule, uint8_t* out) {
  NoCheck none;
  f32ToBytesBy(in, n, rule, out, none);
}

namespace {

// Runs `convert` with the check its rule needs: Scale255 is exact on [0,1],
// ShiftSigned on [-1,1], Clip everywhere.
template <class Convert>
bool withCheckFor(F32Rule rule, Convert&& convert) {
  if (rule == F32Rule::Scale255) {
    InRange<false> check;
    convert(check);
    return check.holds();
  }
  if (rule == F32Rule::ShiftSigned) {
    InRange<true> check;
    convert(check);
    return check.holds();
  }
  NoCheck none;
  convert(none);
  return true;
}

}  // namespace

bool f32PlanesToPixelsChecked(const float* planes, size_t n, size_t channels, F32Rule rule, uint8_t* out) {
  return withCheckFor(rule, [&](auto& check) { f32PlanesToPixelsBy(planes, n, channels, rule, out, check); });
}

bool f32ToBytesChecked(const float* in, size_t n, F32Rule rule, uint8_t* out) {
  return withCheckFor(rule, [&](auto& check) { f32ToBytesBy(in, n, rule, out, check); });
}

void floorF32ToBytes(const float* in, size_t n, uint8_t* out) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 16 <= n; i += 16) {
    // The cheapest conversion the kernels use; the floor needs only the memory
    // traffic, so values outside [0, 255] may give arbitrary bytes.
    const v128_t a = smallFloatToInt(load(in + i)), b = smallFloatToInt(load(in + i + 4));
    const v128_t c = smallFloatToInt(load(in + i + 8)), d = smallFloatToInt(load(in + i + 12));
    store(out + i, wasm_u8x16_narrow_i16x8(wasm_i16x8_narrow_i32x4(a, b), wasm_i16x8_narrow_i32x4(c, d)));
  }
#endif
  for (; i < n; ++i) out[i] = in[i] > 0.0f ? (in[i] < 255.0f ? static_cast<uint8_t>(in[i]) : 255) : 0;
}

bool simdEnabled() {
#if defined(__wasm_simd128__)
  return true;
#else
  return false;
#endif
}

FloatRange scanF32(const float* values, size_t n) {
  float lo = std::numeric_limits<float>::infinity();
  float hi = -std::numeric_limits<float>::infinity();
  bool nan = false;
  size_t i = 0;
#if defined(__wasm_simd128__)
  if (n >= 16) {
    v128_t lo4[4], hi4[4];
    v128_t nan4 = wasm_i32x4_splat(0);
    for (int k = 0; k < 4; ++k) {
      lo4[k] = wasm_f32x4_splat(lo);
      hi4[k] = wasm_f32x4_splat(hi);
    }
    for (; i + 16 <= n; i += 16) {
      for (int k = 0; k < 4; ++k) {
        const v128_t v = load(values + i + 4 * k);
        nan4 = wasm_v128_or(nan4, wasm_f32x4_ne(v, v));
        lo4[k] = wasm_f32x4_pmin(lo4[k], v);  // v < lo ? v : lo
        hi4[k] = wasm_f32x4_pmax(hi4[k], v);  // hi < v ? v : hi
      }
    }
    nan = wasm_v128_any_true(nan4);
    // Lanes hold no NaN, so the order of this reduction cannot change the result.
    alignas(16) float l[16], h[16];
    for (int k = 0; k < 4; ++k) {
      wasm_v128_store(l + 4 * k, lo4[k]);
      wasm_v128_store(h + 4 * k, hi4[k]);
    }
    for (int k = 0; k < 16; ++k) {
      lo = l[k] < lo ? l[k] : lo;
      hi = h[k] > hi ? h[k] : hi;
    }
  }
#endif
  for (; i < n; ++i) {
    const float v = values[i];
    if (v != v) {
      nan = true;
      continue;
    }
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
  }
  return {lo, hi, nan};
}


void interleavePlanes(const uint8_t* planes, size_t n, size_t channels, uint8_t* out) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  const uint8_t* p0 = planes;
  const uint8_t* p1 = planes + n;
  const uint8_t* p2 = planes + 2 * n;
  const uint8_t* p3 = planes + 3 * n;
  if (channels == 2) {
    for (; i + 16 <= n; i += 16) {
      const v128_t l = load(p0 + i), a = load(p1 + i);
      store(out + 2 * i, wasm_i8x16_shuffle(l, a, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23));
      store(out + 2 * i + 16,
            wasm_i8x16_shuffle(l, a, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31));
    }
  } else if (channels == 3) {
    for (; i + 16 <= n; i += 16) {
      const v128_t r = load(p0 + i), g = load(p1 + i), b = load(p2 + i);
      storeRgb(out + 3 * i, r, g, b);
    }
  } else if (channels == 4) {
    for (; i + 16 <= n; i += 16) {
      const v128_t r = load(p0 + i), g = load(p1 + i), b = load(p2 + i), a = load(p3 + i);
      storeRgba(out + 4 * i, r, g, b, a);
    }
  }
#endif
  for (size_t c = 0; c < channels; ++c) {
    const uint8_t* plane = planes + c * n;
    for (size_t k = i; k < n; ++k) out[k * channels + c] = plane[k];
  }
}

void rgbToL(const uint8_t* rgb, size_t n, uint8_t* out) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  const v128_t kr = wasm_i16x8_splat(19595), kg = wasm_i16x8_splat(static_cast<std::int16_t>(38470)),
               kb = wasm_i16x8_splat(7471), half = wasm_i32x4_splat(0x8000);
  auto weigh = [&](v128_t r, v128_t g, v128_t b, bool high) {
    const v128_t rr = high ? wasm_u32x4_extmul_high_u16x8(r, kr) : wasm_u32x4_extmul_low_u16x8(r, kr);
    const v128_t gg = high ? wasm_u32x4_extmul_high_u16x8(g, kg) : wasm_u32x4_extmul_low_u16x8(g, kg);
    const v128_t bb = high ? wasm_u32x4_extmul_high_u16x8(b, kb) : wasm_u32x4_extmul_low_u16x8(b, kb);
    return wasm_u32x4_shr(wasm_i32x4_add(wasm_i32x4_add(rr, gg), wasm_i32x4_add(bb, half)), 16);
  };
  for (; i + 16 <= n; i += 16) {
    const uint8_t* p = rgb + 3 * i;
    const v128_t v0 = load(p), v1 = load(p + 16), v2 = load(p + 32);
    const v128_t r = planeOfRgb<0>(v0, v1, v2), g = planeOfRgb<1>(v0, v1, v2), b = planeOfRgb<2>(v0, v1, v2);
    const v128_t rl = wasm_u16x8_extend_low_u8x16(r), rh = wasm_u16x8_extend_high_u8x16(r);
    const v128_t gl = wasm_u16x8_extend_low_u8x16(g), gh = wasm_u16x8_extend_high_u8x16(g);
    const v128_t bl = wasm_u16x8_extend_low_u8x16(b), bh = wasm_u16x8_extend_high_u8x16(b);
    const v128_t lo = wasm_u16x8_narrow_i32x4(weigh(rl, gl, bl, false), weigh(rl, gl, bl, true));
    const v128_t hi = wasm_u16x8_narrow_i32x4(weigh(rh, gh, bh, false), weigh(rh, gh, bh, true));
    store(out + i, wasm_u8x16_narrow_i16x8(lo, hi));
  }
#endif
  for (; i < n; ++i) out[i] = luma(rgb + 3 * i);
}

void rgbToRgba(const uint8_t* rgb, size_t n, uint8_t* out) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 16 <= n; i += 16) {
    const uint8_t* p = rgb + 3 * i;
    const v128_t v0 = load(p), v1 = load(p + 16), v2 = load(p + 32);
    uint8_t* o = out + 4 * i;
    store(o, wasm_v128_or(rgbaFromRgb<0, 0>(v0, v1), alphaMask()));
    store(o + 16, wasm_v128_or(rgbaFromRgb<1, 0>(v0, v1), alphaMask()));
    store(o + 32, wasm_v128_or(rgbaFromRgb<2, 16>(v1, v2), alphaMask()));
    store(o + 48, wasm_v128_or(rgbaFromRgb<3, 32>(v2, v2), alphaMask()));
  }
#endif
  for (; i < n; ++i) {
    out[4 * i] = rgb[3 * i];
    out[4 * i + 1] = rgb[3 * i + 1];
    out[4 * i + 2] = rgb[3 * i + 2];
    out[4 * i + 3] = 255;
  }
}

void rgbaToRgb(const uint8_t* rgba, size_t n, uint8_t* out) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 16 <= n; i += 16) {
    const uint8_t* p = rgba + 4 * i;
    const v128_t v0 = load(p), v1 = load(p + 16), v2 = load(p + 32), v3 = load(p + 48);
    uint8_t* o = out + 3 * i;
    store(o, rgbFromRgba<0, 0>(v0, v1));
    store(o + 16, rgbFromRgba<1, 16>(v1, v2));
    store(o + 32, rgbFromRgba<2, 32>(v2, v3));
  }
#endif
  for (; i < n; ++i) {
    out[3 * i] = rgba[4 * i];
    out[3 * i + 1] = rgba[4 * i + 1];
    out[3 * i + 2] = rgba[4 * i + 2];
  }
}

void lToRgba(const uint8_t* l, size_t n, uint8_t* out) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 16 <= n; i += 16) {
    const v128_t g = load(l + i);
    uint8_t* o = out + 4 * i;
    store(o, wasm_v128_or(rgbaFromGrey<0>(g), alphaMask()));
    store(o + 16, wasm_v128_or(rgbaFromGrey<1>(g), alphaMask()));
    store(o + 32, wasm_v128_or(rgbaFromGrey<2>(g), alphaMask()));
    store(o + 48, wasm_v128_or(rgbaFromGrey<3>(g), alphaMask()));
  }
#endif
  for (; i < n; ++i) {
    out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = l[i];
    out[4 * i + 3] = 255;
  }
}

void lToRgb(const uint8_t* l, size_t n, uint8_t* out) {
  size_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 16 <= n; i += 16) {
    const v128_t g = load(l + i);
    uint8_t* o = out + 3 * i;
    store(o, rgbFromGrey<0>(g));
    store(o + 16, rgbFromGrey<1>(g));
    store(o + 32, rgbFromGrey<2>(g));
  }
#endif
  for (; i < n; ++i) out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = l[i];
}

}  // namespace imagefield::kernels
