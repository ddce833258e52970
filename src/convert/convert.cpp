// Mode conversion as Pillow 9.4's Image.convert(mode) does it.
//
// Pillow has two layers and both matter for the bytes:
//  - the C converter (libImaging/Convert.c) knows a fixed table of direct
//    pairs, plus palette, dithering and quantising special cases;
//  - Image.convert() in Python routes RGBA→P to quantize(), LAB↔RGB(A) to
//    LittleCMS, and when the C layer refuses a pair retries it through the
//    source's base mode (e.g. CMYK→L becomes CMYK→RGB→L) without dithering the
//    first step.
// This file mirrors that structure; the per-pixel formulas below are the ones
// those C converters use, including their integer rounding quirks.
#include "convert/convert.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "array/pixel_kernels.h"
#include "convert/convert_internal.h"

namespace imagefield {
namespace {

using std::uint8_t;

// ---------------------------------------------------------------------------
// Scalar helpers

std::int32_t loadI32(const uint8_t* p) {
  const std::uint32_t u = std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
                          std::uint32_t{p[3]} << 24;
  std::int32_t v;
  std::memcpy(&v, &u, sizeof v);
  return v;
}

void storeI32(uint8_t* p, std::int32_t v) {
  std::uint32_t u;
  std::memcpy(&u, &v, sizeof u);
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(u >> (8 * i));
}

float loadF32(const uint8_t* p) {
  const std::int32_t bits = loadI32(p);
  float v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

void storeF32(uint8_t* p, float v) {
  std::int32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  storeI32(p, bits);
}

uint8_t clip8(int v) { return static_cast<uint8_t>(v <= 0 ? 0 : v >= 255 ? 255 : v); }

// ITU-R 601-2 luma in Pillow's two integer forms: rounded 16.16 fixed point
// for L/I/LA, and a ×1000 sum used (truncated or divided) for 1 and F.
uint8_t luma24(const uint8_t* rgb) {
  return static_cast<uint8_t>((rgb[0] * 19595 + rgb[1] * 38470 + rgb[2] * 7471 + 0x8000) >> 16);
}
int luma1000(const uint8_t* rgb) { return rgb[0] * 299 + rgb[1] * 587 + rgb[2] * 114; }

// (a * b) / 255 rounded, Pillow's MULDIV255.
int mulDiv255(int a, int b) {
  const int t = a * b + 128;
  return ((t >> 8) + t) >> 8;
}

// Pillow's I→8-bit and F→8-bit clamp by comparison and then truncate. NaN
// fails both comparisons and its (UINT8) cast is undefined in C; x86 builds
// of Pillow produce 0, which is what we return.
uint8_t intToByte(std::int32_t v) { return static_cast<uint8_t>(v <= 0 ? 0 : v >= 255 ? 255 : v); }
uint8_t floatToByte(float v) {
  if (v <= 0.0f) return 0;
  if (v >= 255.0f) return 255;
  if (std::isnan(v)) return 0;
  return static_cast<uint8_t>(v);
}

// F→I is a plain C cast in Pillow, undefined outside the int32 range; x86
// yields INT32_MIN there (and for NaN), so we do the same rather than trap
// as a Wasm truncation would.
std::int32_t floatToInt(float v) {
  if (!(v >= -2147483648.0f && v < 2147483648.0f)) return std::numeric_limits<std::int32_t>::min();
  return static_cast<std::int32_t>(v);
}

// rgb2hsv_row from Convert.c (after Python's colorsys). The mix of float
// variables and double literals is deliberate: it decides the last bit.
void rgbToHsv(const uint8_t* in, uint8_t* out) {
  const uint8_t r = in[0], g = in[1], b = in[2];
  const uint8_t maxc = r > g ? (r > b ? r : b) : (g > b ? g : b);
  const uint8_t minc = r < g ? (r < b ? r : b) : (g < b ? g : b);
  uint8_t uh = 0, us = 0;
  if (minc != maxc) {
    const float cr = static_cast<float>(maxc - minc);
    const float s = cr / static_cast<float>(maxc);
    const float rc = static_cast<float>(maxc - r) / cr;
    const float gc = static_cast<float>(maxc - g) / cr;
    const float bc = static_cast<float>(maxc - b) / cr;
    float h;
    if (r == maxc) {
      h = bc - gc;
    } else if (g == maxc) {
      h = static_cast<float>(2.0 + rc - bc);
    } else {
      h = static_cast<float>(4.0 + gc - rc);
    }
    h = static_cast<float>(std::fmod(h / 6.0 + 1.0, 1.0));
    uh = clip8(static_cast<int>(h * 255.0));
    us = clip8(static_cast<int>(s * 255.0));
  }
  out[0] = uh;
  out[1] = us;
  out[2] = maxc;
}

// hsv2rgb from Convert.c, same remark about float vs double.
void hsvToRgb(const uint8_t* in, uint8_t* out) {
  const uint8_t h = in[0], s = in[1], v = in[2];
  if (s == 0) {
    out[0] = out[1] = out[2] = v;
    return;
  }
  const int i = static_cast<int>(std::floor(static_cast<float>(h) * 6.0 / 255.0));
  const float f = static_cast<float>(static_cast<float>(h) * 6.0 / 255.0 - static_cast<float>(i));
  const float fs = static_cast<float>(static_cast<float>(s) / 255.0);
  const uint8_t p = clip8(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs))));
  const uint8_t q = clip8(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs * f))));
  const uint8_t t = clip8(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs * (1.0 - f)))));
  const uint8_t rgb[6][3] = {{v, t, p}, {q, v, p}, {p, v, t}, {p, q, v}, {t, p, v}, {v, p, q}};
  std::memcpy(out, rgb[i % 6], 3);
}

// ConvertYCbCr.c uses fixed-point tables (6 fractional bits). Its entries are
// (int)(x * coefficient * 64 + 0.5) in double, so we rebuild them that way.
// The 0.5 table serves as both Cb's blue and Cr's red term, as in Pillow.
struct YccTable {
  std::int16_t v[256];
};
constexpr YccTable yccTable(double coefficient, int offset) {
  YccTable t{};
  for (int i = 0; i < 256; ++i) t.v[i] = static_cast<std::int16_t>((i - offset) * coefficient * 64 + 0.5);
  return t;
}
constexpr YccTable kYR = yccTable(0.299, 0), kYG = yccTable(0.587, 0), kYB = yccTable(0.114, 0);
constexpr YccTable kCbR = yccTable(-0.16874, 0), kCbG = yccTable(-0.33126, 0), kHalf = yccTable(0.5, 0);
constexpr YccTable kCrG = yccTable(-0.41869, 0), kCrB = yccTable(-0.08131, 0);
constexpr YccTable kRCr = yccTable(1.402, 128), kGCb = yccTable(-0.34414, 128);
constexpr YccTable kGCr = yccTable(-0.71414, 128), kBCb = yccTable(1.772, 128);

void rgbToYcc(const uint8_t* in, uint8_t* out) {
  const int r = in[0], g = in[1], b = in[2];
  out[0] = static_cast<uint8_t>((kYR.v[r] + kYG.v[g] + kYB.v[b]) >> 6);
  out[1] = static_cast<uint8_t>(((kCbR.v[r] + kCbG.v[g] + kHalf.v[b]) >> 6) + 128);
  out[2] = static_cast<uint8_t>(((kHalf.v[r] + kCrG.v[g] + kCrB.v[b]) >> 6) + 128);
}

void yccToRgb(const uint8_t* in, uint8_t* out) {
  const int y = in[0], cb = in[1], cr = in[2];
  out[0] = clip8(y + (kRCr.v[cr] >> 6));
  out[1] = clip8(y + ((kGCb.v[cb] + kGCr.v[cr]) >> 6));
  out[2] = clip8(y + (kBCb.v[cb] >> 6));
}

void cmykToRgb(const uint8_t* in, uint8_t* out) {
  const int nk = 255 - in[3];
  for (int c = 0; c < 3; ++c) out[c] = clip8(nk - mulDiv255(in[c], nk));
}

void put2(uint8_t* out, uint8_t a, uint8_t b) {
  out[0] = a;
  out[1] = b;
}
void put3(uint8_t* out, uint8_t a, uint8_t b, uint8_t c) {
  put2(out, a, b);
  out[2] = c;
}
void put4(uint8_t* out, uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
  put3(out, a, b, c);
  out[3] = d;
}

// ---------------------------------------------------------------------------
// The C converter's table of direct pairs, on packed pixels. Entries that
// Pillow shares between targets (e.g. one function for 1→RGB and 1→RGBA,
// whose 4th byte only RGBA shows) are spelled out per target here.

using PixelFn = void (*)(const uint8_t* in, uint8_t* out);

struct Direct {
  Mode from;
  Mode to;
  PixelFn fn;
};

uint8_t bit(const uint8_t* in) { return in[0] != 0 ? 255 : 0; }

const Direct kDirect[] = {
    {Mode::One, Mode::L, [](const uint8_t* in, uint8_t* out) { out[0] = bit(in); }},
    {Mode::One, Mode::RGB, [](const uint8_t* in, uint8_t* out) { put3(out, bit(in), bit(in), bit(in)); }},
    {Mode::One, Mode::RGBA, [](const uint8_t* in, uint8_t* out) { put4(out, bit(in), bit(in), bit(in), 255); }},
    {Mode::One, Mode::CMYK, [](const uint8_t* in, uint8_t* out) { put4(out, 0, 0, 0, in[0] != 0 ? 0 : 255); }},
    {Mode::One, Mode::YCbCr, [](const uint8_t* in, uint8_t* out) { put3(out, bit(in), 128, 128); }},
    {Mode::One, Mode::HSV, [](const uint8_t* in, uint8_t* out) { put3(out, 0, 0, bit(in)); }},
    {Mode::One, Mode::I, [](const uint8_t* in, uint8_t* out) { storeI32(out, bit(in)); }},
    {Mode::One, Mode::F, [](const uint8_t* in, uint8_t* out) { storeF32(out, bit(in)); }},

    {Mode::L, Mode::LA, [](const uint8_t* in, uint8_t* out) { put2(out, in[0], 255); }},
    {Mode::L, Mode::RGB, [](const uint8_t* in, uint8_t* out) { put3(out, in[0], in[0], in[0]); }},
    {Mode::L, Mode::RGBA, [](const uint8_t* in, uint8_t* out) { put4(out, in[0], in[0], in[0], 255); }},
    {Mode::L, Mode::CMYK, [](const uint8_t* in, uint8_t* out) { put4(out, 0, 0, 0, 255 - in[0]); }},
    {Mode::L, Mode::YCbCr, [](const uint8_t* in, uint8_t* out) { put3(out, in[0], 128, 128); }},
    {Mode::L, Mode::HSV, [](const uint8_t* in, uint8_t* out) { put3(out, 0, 0, in[0]); }},
    {Mode::L, Mode::I, [](const uint8_t* in, uint8_t* out) { storeI32(out, in[0]); }},
    {Mode::L, Mode::F, [](const uint8_t* in, uint8_t* out) { storeF32(out, in[0]); }},

    {Mode::LA, Mode::L, [](const uint8_t* in, uint8_t* out) { out[0] = in[0]; }},
    {Mode::LA, Mode::RGB, [](const uint8_t* in, uint8_t* out) { put3(out, in[0], in[0], in[0]); }},
    {Mode::LA, Mode::RGBA, [](const uint8_t* in, uint8_t* out) { put4(out, in[0], in[0], in[0], in[1]); }},
    {Mode::LA, Mode::CMYK, [](const uint8_t* in, uint8_t* out) { put4(out, 0, 0, 0, 255 - in[0]); }},
    {Mode::LA, Mode::YCbCr, [](const uint8_t* in, uint8_t* out) { put3(out, in[0], 128, 128); }},
    {Mode::LA, Mode::HSV, [](const uint8_t* in, uint8_t* out) { put3(out, 0, 0, in[0]); }},

    // RGB→1 uses this threshold only when not dithering, i.e. for P sources
    // (palette colours go through these same RGB formulas).
    {Mode::RGB, Mode::One, [](const uint8_t* in, uint8_t* out) { out[0] = luma1000(in) >= 128000 ? 255 : 0; }},
    {Mode::RGB, Mode::L, [](const uint8_t* in, uint8_t* out) { out[0] = luma24(in); }},
    {Mode::RGB, Mode::LA, [](const uint8_t* in, uint8_t* out) { put2(out, luma24(in), 255); }},
    {Mode::RGB, Mode::I, [](const uint8_t* in, uint8_t* out) { storeI32(out, luma24(in)); }},
    {Mode::RGB, Mode::F,
     [](const uint8_t* in, uint8_t* out) { storeF32(out, static_cast<float>(luma1000(in)) / 1000.0f); }},
    {Mode::RGB, Mode::RGBA, [](const uint8_t* in, uint8_t* out) { put4(out, in[0], in[1], in[2], 255); }},
    {Mode::RGB, Mode::CMYK,
     [](const uint8_t* in, uint8_t* out) { put4(out, 255 - in[0], 255 - in[1], 255 - in[2], 0); }},
    {Mode::RGB, Mode::YCbCr, rgbToYcc},
    {Mode::RGB, Mode::HSV, rgbToHsv},

    {Mode::RGBA, Mode::L, [](const uint8_t* in, uint8_t* out) { out[0] = luma24(in); }},
    {Mode::RGBA, Mode::LA, [](const uint8_t* in, uint8_t* out) { put2(out, luma24(in), in[3]); }},
    {Mode::RGBA, Mode::I, [](const uint8_t* in, uint8_t* out) { storeI32(out, luma24(in)); }},
    {Mode::RGBA, Mode::F,
     [](const uint8_t* in, uint8_t* out) { storeF32(out, static_cast<float>(luma1000(in)) / 1000.0f); }},
    {Mode::RGBA, Mode::RGB, [](const uint8_t* in, uint8_t* out) { put3(out, in[0], in[1], in[2]); }},
    {Mode::RGBA, Mode::CMYK,
     [](const uint8_t* in, uint8_t* out) { put4(out, 255 - in[0], 255 - in[1], 255 - in[2], 0); }},
    {Mode::RGBA, Mode::YCbCr, rgbToYcc},
    {Mode::RGBA, Mode::HSV, rgbToHsv},

    {Mode::CMYK, Mode::RGB, cmykToRgb},
    {Mode::CMYK, Mode::RGBA,
     [](const uint8_t* in, uint8_t* out) {
       cmykToRgb(in, out);
       out[3] = 255;
     }},
    {Mode::CMYK, Mode::HSV,
     [](const uint8_t* in, uint8_t* out) {
       uint8_t rgb[3];
       cmykToRgb(in, rgb);
       rgbToHsv(rgb, out);
     }},

    {Mode::YCbCr, Mode::L, [](const uint8_t* in, uint8_t* out) { out[0] = in[0]; }},
    {Mode::YCbCr, Mode::LA, [](const uint8_t* in, uint8_t* out) { put2(out, in[0], 255); }},
    {Mode::YCbCr, Mode::RGB, yccToRgb},

    {Mode::HSV, Mode::RGB, hsvToRgb},

    {Mode::I, Mode::L, [](const uint8_t* in, uint8_t* out) { out[0] = intToByte(loadI32(in)); }},
    {Mode::I, Mode::F, [](const uint8_t* in, uint8_t* out) { storeF32(out, static_cast<float>(loadI32(in))); }},
    {Mode::I, Mode::RGB,
     [](const uint8_t* in, uint8_t* out) {
       const uint8_t v = intToByte(loadI32(in));
       put3(out, v, v, v);
     }},
    {Mode::I, Mode::RGBA,
     [](const uint8_t* in, uint8_t* out) {
       const uint8_t v = intToByte(loadI32(in));
       put4(out, v, v, v, 255);
     }},
    {Mode::I, Mode::HSV, [](const uint8_t* in, uint8_t* out) { put3(out, 0, 0, intToByte(loadI32(in))); }},

    {Mode::F, Mode::L, [](const uint8_t* in, uint8_t* out) { out[0] = floatToByte(loadF32(in)); }},
    {Mode::F, Mode::I, [](const uint8_t* in, uint8_t* out) { storeI32(out, floatToInt(loadF32(in))); }},
};

// The pairs a canvas and a model use most run as whole-image kernels (SIMD
// in the Wasm SIMD build); they give the same bytes as the table above.
using BulkFn = void (*)(const uint8_t* in, std::size_t pixels, uint8_t* out);

struct Bulk {
  Mode from;
  Mode to;
  BulkFn fn;
};

const Bulk kBulk[] = {
    {Mode::RGB, Mode::L, kernels::rgbToL},     {Mode::RGB, Mode::RGBA, kernels::rgbToRgba},
    {Mode::RGBA, Mode::RGB, kernels::rgbaToRgb}, {Mode::L, Mode::RGBA, kernels::lToRgba},
    {Mode::L, Mode::RGB, kernels::lToRgb},
};

BulkFn findBulk(Mode from, Mode to) {
  for (const Bulk& b : kBulk) {
    if (b.from == from && b.to == to) return b.fn;
  }
  return nullptr;
}

PixelFn findDirect(Mode from, Mode to) {
  for (const Direct& d : kDirect) {
    if (d.from == from && d.to == to) return d.fn;
  }
  return nullptr;
}

Raster mapPixels(const Raster& src, Mode to, PixelFn fn) {
  Raster out;
  out.width = src.width;
  out.height = src.height;
  out.mode = to;
  const std::size_t n = static_cast<std::size_t>(src.width) * src.height;
  const std::size_t inSize = bytesPerPixel(src.mode), outSize = bytesPerPixel(to);
  out.data.resize(n * outSize);
  for (std::size_t i = 0; i < n; ++i) fn(&src.data[i * inSize], &out.data[i * outSize]);
  return out;
}

// A P pixel's colour: entries past the palette's end are the grey ramp
// Pillow 9.4 initialises every palette with.
Raster paletteToRgb(const Raster& src) {
  Raster out;
  out.width = src.width;
  out.height = src.height;
  out.mode = Mode::RGB;
  const std::size_t entries = src.palette.size() / 3;
  out.data.resize(src.data.size() * 3);
  for (std::size_t i = 0; i < src.data.size(); ++i) {
    const uint8_t index = src.data[i];
    for (int c = 0; c < 3; ++c) out.data[i * 3 + c] = index < entries ? src.palette[index * 3 + c] : index;
  }
  return out;
}

Raster greyToPalette(const Raster& grey) {
  Raster out = grey;
  out.mode = Mode::P;
  out.palette.resize(768);
  for (int i = 0; i < 768; ++i) out.palette[i] = static_cast<uint8_t>(i / 3);
  return out;
}

Raster bilevelFrom(const Raster& src) {
  const std::size_t n = static_cast<std::size_t>(src.width) * src.height;
  std::vector<int> levels(n);
  for (std::size_t i = 0; i < n; ++i) {
    // The RGB ditherer uses the truncated ×1000 luma, not the rounded one L uses.
    levels[i] = src.mode == Mode::L ? src.data[i] : luma1000(&src.data[i * 3]) / 1000;
  }
  Raster out;
  out.width = src.width;
  out.height = src.height;
  out.mode = Mode::One;
  out.data = convert_detail::ditherToBilevel(levels, src.width, src.height);
  return out;
}

// Pillow's ImagingConvert(im, mode, dither): nullopt where it raises.
std::optional<Raster> convertC(const Raster& src, Mode to, bool dither) {
  if (src.mode == to) return src;
  if (src.mode == Mode::P) {
    if (to == Mode::LAB) return std::nullopt;
    const Raster rgb = paletteToRgb(src);
    return to == Mode::RGB ? rgb : mapPixels(rgb, to, findDirect(Mode::RGB, to));
  }
  if (to == Mode::P) {
    if (src.mode == Mode::L) return greyToPalette(src);
    if (src.mode == Mode::RGB) return convert_detail::rgbToWebPalette(src);
    // RGBA→P never gets here: Image.convert() hands it to quantize() first.
    return std::nullopt;
  }
  if (to == Mode::One && dither) {
    if (src.mode != Mode::L && src.mode != Mode::RGB) return std::nullopt;
    return bilevelFrom(src);
  }
  if (const BulkFn bulk = findBulk(src.mode, to)) {
    Raster out;
    out.width = src.width;
    out.height = src.height;
    out.mode = to;
    const std::size_t n = static_cast<std::size_t>(src.width) * src.height;
    out.data.resize(n * bytesPerPixel(to));
    bulk(src.data.data(), n, out.data.data());
    return out;
  }
  const PixelFn fn = findDirect(src.mode, to);
  if (fn == nullptr) return std::nullopt;
  return mapPixels(src, to, fn);
}

// Image.getmodebase().
Mode baseMode(Mode mode) {
  switch (mode) {
    case Mode::One:
    case Mode::L:
    case Mode::LA:
    case Mode::I:
    case Mode::F:
      return Mode::L;
    case Mode::P:
      return Mode::P;
    default:
      return Mode::RGB;
  }
}

Error refusal(Mode from, Mode to) {
  std::string message = std::string("cannot convert ") + modeName(from) + " to " + modeName(to) + ": ";
  if (from == Mode::LAB) {
    message += "Pillow converts LAB only to RGB or RGBA; convert LAB to RGB first, then RGB to " +
               std::string(modeName(to));
  } else {
    message += "Pillow converts to LAB only from RGB or RGBA; convert " + std::string(modeName(from)) +
               " to RGB first, then RGB to LAB";
  }
  return makeError(ErrorCode::InvalidMode, message);
}

}  // namespace

Result<Raster> convert(const Raster& source, Mode target) {
  if (auto error = validateRaster(source)) return *error;
  if (source.mode == target) return source;

  if (source.mode == Mode::RGBA && target == Mode::P) return convert_detail::rgbaToOctreePalette(source);
  if (target == Mode::LAB && (source.mode == Mode::RGB || source.mode == Mode::RGBA)) {
    return convert_detail::rgbToLab(source);
  }
  if (source.mode == Mode::LAB && (target == Mode::RGB || target == Mode::RGBA)) {
    return convert_detail::labToRgb(source, target);
  }

  if (auto direct = convertC(source, target, true)) return *std::move(direct);
  const Mode base = baseMode(source.mode);
  if (base != source.mode) {
    if (auto intermediate = convertC(source, base, false)) {
      if (auto result = convertC(*intermediate, target, true)) return *std::move(result);
    }
  }
  return refusal(source.mode, target);
}

}  // namespace imagefield
