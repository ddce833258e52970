// RGB ↔ LAB as Pillow 9.4 does it in Image.convert(): through ImageCms, i.e.
// a LittleCMS 2 transform between its built-in sRGB profile and its built-in
// D50 Lab (v2) profile, perceptual intent, 8 bits per channel.
//
// The bytes depend on how LittleCMS evaluates that transform, so this
// reproduces its steps (as of lcms 2.14, the version Pillow 9.4 is built with
// on Debian 12):
//  1. the profiles link into a float pipeline: for RGB→Lab the sRGB tone
//     curve, a 3×3 matrix to PCS XYZ and XYZ→Lab; for Lab→RGB the reverse,
//     with the analytically inverted tone curve;
//  2. the optimiser samples that pipeline on a 33×33×33 grid of 16-bit
//     inputs into a 16-bit lookup table (and pins the RGB white node to Lab
//     white);
//  3. each pixel is widened to 16 bits (x * 257), interpolated
//     tetrahedrally in fixed point and narrowed back to 8 bits.
// Every rounding step below mirrors one in LittleCMS.
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "convert/convert_internal.h"

namespace imagefield {
namespace convert_detail {
namespace {

using std::uint16_t;
using std::uint8_t;

constexpr int kGrid = 33;  // lcms's default grid for 3-channel colour spaces
constexpr int kNodes = kGrid * kGrid * kGrid;
using Table = std::vector<uint16_t>;  // kNodes × 3 outputs, first input varying slowest

// ---------------------------------------------------------------------------
// LittleCMS's integer conversions

uint16_t widen8(uint8_t v) { return static_cast<uint16_t>(v << 8 | v); }
uint8_t narrow16(uint16_t v) { return static_cast<uint8_t>(((v * 65281u + 8388608u) >> 24) & 0xFF); }

// _cmsQuickSaturateWord: round half up, clamp to 0..65535. lcms floors with a
// "magic number" addition, which first rounds the value to a multiple of
// 2^-16; the same addition is done here so edge cases round alike.
uint16_t saturateWord(double d) {
  d += 0.5;
  if (d <= 0) return 0;
  if (d >= 65535.0) return 0xFFFF;
  constexpr double kMagic = 68719476736.0 * 1.5;
  const double onGrid = ((d - 32767.0) + kMagic) - kMagic;
  return static_cast<uint16_t>(static_cast<int>(std::floor(onGrid)) + 32767);
}

// ---------------------------------------------------------------------------
// Colour science, in the same operation order as lcms (doubles, with float
// between pipeline stages).

using Mat3 = std::array<std::array<double, 3>, 3>;

Mat3 multiply(const Mat3& a, const Mat3& b) {
  Mat3 r{};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
  }
  return r;
}

std::array<double, 3> apply(const Mat3& a, const std::array<double, 3>& v) {
  std::array<double, 3> r{};
  for (int i = 0; i < 3; ++i) r[i] = a[i][0] * v[0] + a[i][1] * v[1] + a[i][2] * v[2];
  return r;
}

// _cmsMAT3inverse (cofactors over the determinant); the matrices here are
// never singular.
Mat3 inverse(const Mat3& a) {
  const double c0 = a[1][1] * a[2][2] - a[1][2] * a[2][1];
  const double c1 = -a[1][0] * a[2][2] + a[1][2] * a[2][0];
  const double c2 = a[1][0] * a[2][1] - a[1][1] * a[2][0];
  const double det = a[0][0] * c0 + a[0][1] * c1 + a[0][2] * c2;
  Mat3 b{};
  b[0][0] = c0 / det;
  b[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) / det;
  b[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) / det;
  b[1][0] = c1 / det;
  b[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) / det;
  b[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) / det;
  b[2][0] = c2 / det;
  b[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) / det;
  b[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) / det;
  return b;
}

constexpr std::array<double, 3> kD50 = {0.9642, 1.0, 0.8249};
// PCS XYZ is encoded in 1.15 fixed point, hence lcms's scale factor.
constexpr double kMaxXyz = 1.0 + 32767.0 / 32768.0;

std::array<double, 3> xyYToXyz(double x, double y) { return {(x / y) * 1.0, 1.0, ((1 - x - y) / y) * 1.0}; }

// Bradford adaptation from `from` to `to` (_cmsAdaptationMatrix).
Mat3 bradford(const std::array<double, 3>& from, const std::array<double, 3>& to) {
  const Mat3 cone = {{{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}};
  const auto src = apply(cone, from), dst = apply(cone, to);
  const Mat3 scale = {{{dst[0] / src[0], 0.0, 0.0}, {0.0, dst[1] / src[1], 0.0}, {0.0, 0.0, dst[2] / src[2]}}};
  return multiply(inverse(cone), multiply(scale, cone));
}

// The built-in sRGB profile's colorants: Rec. 709 primaries and D65 white,
// adapted to D50 (cmsCreate_sRGBProfile → _cmsBuildRGB2XYZtransferMatrix).
Mat3 srgbToXyzD50() {
  const double xw = 0.3127, yw = 0.3290;
  const double xr = 0.64, yr = 0.33, xg = 0.30, yg = 0.60, xb = 0.15, yb = 0.06;
  const Mat3 primaries = {{{xr, xg, xb}, {yr, yg, yb}, {(1 - xr - yr), (1 - xg - yg), (1 - xb - yb)}}};
  const auto coef = apply(inverse(primaries), {xw / yw, 1.0, (1.0 - xw - yw) / yw});
  const Mat3 rgbToXyz = {{{coef[0] * xr, coef[1] * xg, coef[2] * xb},
                          {coef[0] * yr, coef[1] * yg, coef[2] * yb},
                          {coef[0] * (1.0 - xr - yr), coef[1] * (1.0 - xg - yg), coef[2] * (1.0 - xb - yb)}}};
  return multiply(bradford(xyYToXyz(xw, yw), kD50), rgbToXyz);
}

Mat3 scaled(Mat3 m, double factor) {
  for (auto& row : m) {
    for (double& v : row) v *= factor;
  }
  return m;
}

// sRGB transfer function as lcms parametric curve type 4 and its analytic
// inverse (type -4), parameters from Build_sRGBGamma.
constexpr double kGamma = 2.4, kA = 1. / 1.055, kB = 0.055 / 1.055, kC = 1. / 12.92, kD = 0.04045;

double decode(double r) {
  if (r >= kD) {
    const double e = kA * r + kB;
    return e > 0 ? std::pow(e, kGamma) : 0;
  }
  return r * kC;
}

double encode(double r) {
  const double e = kA * kD + kB;
  const double disc = e < 0 ? 0 : std::pow(e, kGamma);
  if (r >= disc) return (std::pow(r, 1.0 / kGamma) - kB) / kA;
  return r / kC;
}

// lcms evaluates segmented curves only inside (-1e22, 1e22].
float curve(double (*fn)(double), float v) {
  const double r = v;
  if (!(r > static_cast<double>(-1e22f) && r <= static_cast<double>(1e22f))) return -1e22f;
  return static_cast<float>(fn(r));
}

void matrixStage(const Mat3& m, const float in[3], float out[3]) {
  for (int i = 0; i < 3; ++i) {
    double sum = 0;
    for (int j = 0; j < 3; ++j) sum += in[j] * m[i][j];
    out[i] = static_cast<float>(sum);
  }
}

double labF(double t) {
  const double limit = (24.0 / 116.0) * (24.0 / 116.0) * (24.0 / 116.0);
  return t <= limit ? (841.0 / 108.0) * t + (16.0 / 116.0) : std::pow(t, 1.0 / 3.0);
}

double labFInverse(double t) {
  const double limit = 24.0 / 116.0;
  return t <= limit ? (108.0 / 841.0) * (t - (16.0 / 116.0)) : t * t * t;
}

// Pipeline values are 0..1; Lab is encoded L/100 and (a + 128)/255 (lcms "v4").
void xyzToLabStage(const float in[3], float out[3]) {
  const double fx = labF(in[0] * kMaxXyz / kD50[0]);
  const double fy = labF(in[1] * kMaxXyz / kD50[1]);
  const double fz = labF(in[2] * kMaxXyz / kD50[2]);
  const double l = 116.0 * fy - 16.0, a = 500.0 * (fx - fy), b = 200.0 * (fy - fz);
  out[0] = static_cast<float>(l / 100.0);
  out[1] = static_cast<float>((a + 128.0) / 255.0);
  out[2] = static_cast<float>((b + 128.0) / 255.0);
}

void labToXyzStage(const float in[3], float out[3]) {
  const double l = in[0] * 100.0, a = in[1] * 255.0 - 128.0, b = in[2] * 255.0 - 128.0;
  const double y = (l + 16.0) / 116.0;
  const double x = y + 0.002 * a;
  const double z = y - 0.005 * b;
  const double xyz[3] = {labFInverse(x) * kD50[0], labFInverse(y) * kD50[1], labFInverse(z) * kD50[2]};
  for (int i = 0; i < 3; ++i) out[i] = static_cast<float>(xyz[i] / kMaxXyz);
}

// ---------------------------------------------------------------------------
// Resampling and interpolation

template <class Pipeline>
Table sample(Pipeline&& pipeline) {
  Table table(static_cast<std::size_t>(kNodes) * 3);
  for (int node = 0; node < kNodes; ++node) {
    const int index[3] = {node / (kGrid * kGrid), (node / kGrid) % kGrid, node % kGrid};
    float in[3], out[3];
    for (int c = 0; c < 3; ++c) {
      const uint16_t quantised = saturateWord(index[c] * 65535. / (kGrid - 1));
      in[c] = static_cast<float>(quantised / 65535.0);
    }
    pipeline(in, out);
    for (int c = 0; c < 3; ++c) table[node * 3 + c] = saturateWord(out[c] * 65535.0);
  }
  return table;
}

// Two's complement wrap-around and arithmetic shift, which lcms's int32
// arithmetic relies on.
std::int32_t wrap(std::uint32_t v) {
  return v <= 0x7FFFFFFFu ? static_cast<std::int32_t>(v) : -static_cast<std::int32_t>(~v) - 1;
}
std::int32_t shiftRight16(std::int32_t v) {
  return v >= 0 ? v >> 16 : static_cast<std::int32_t>(-((-static_cast<std::int64_t>(v) + 0xFFFF) >> 16));
}

// TetrahedralInterp16 from lcms's cmsintrp.c. Its products may exceed int32
// in principle; lcms lets them wrap, and so does the arithmetic here.
void interpolate(const Table& table, const uint16_t input[3], uint16_t output[3]) {
  constexpr int kOpta[3] = {3 * kGrid * kGrid, 3 * kGrid, 3};  // strides for inputs 0, 1, 2
  int base = 0, step[3], rest[3];
  for (int c = 0; c < 3; ++c) {
    const int v = input[c] * (kGrid - 1);
    const int fixed = v + (v + 0x7FFF) / 0xFFFF;  // _cmsToFixedDomain
    base += kOpta[c] * (fixed >> 16);
    rest[c] = fixed & 0xFFFF;
    step[c] = input[c] == 0xFFFF ? 0 : kOpta[c];
  }
  const int rx = rest[0], ry = rest[1], rz = rest[2];
  // The three further corners of the tetrahedron holding the point, as
  // offsets from the base corner, and which weight goes with which edge.
  int o1, o2, o3;  // cumulative offsets of the corners reached after 1, 2, 3 steps
  int w1, w2, w3;  // weights of those steps
  const auto order = [&](int a, int b, int c) {
    o1 = step[a];
    o2 = o1 + step[b];
    o3 = o2 + step[c];
    w1 = rest[a];
    w2 = rest[b];
    w3 = rest[c];
  };
  if (rx >= ry) {
    if (ry >= rz) {
      order(0, 1, 2);
    } else if (rz >= rx) {
      order(2, 0, 1);
    } else {
      order(0, 2, 1);
    }
  } else {
    if (rx >= rz) {
      order(1, 0, 2);
    } else if (ry >= rz) {
      order(1, 2, 0);
    } else {
      order(2, 1, 0);
    }
  }
  for (int c = 0; c < 3; ++c) {
    const int c0 = table[base + c];
    const int d1 = table[base + o1 + c] - c0;
    const int d2 = table[base + o2 + c] - table[base + o1 + c];
    const int d3 = table[base + o3 + c] - table[base + o2 + c];
    const std::int32_t sum = wrap(std::uint32_t(d1) * std::uint32_t(w1) + std::uint32_t(d2) * std::uint32_t(w2) +
                                  std::uint32_t(d3) * std::uint32_t(w3) + 0x8001u);
    // Rounds sum / 0xFFFF (off by one at two values, as in lcms).
    const std::int32_t rounded = shiftRight16(wrap(std::uint32_t(sum) + std::uint32_t(shiftRight16(sum))));
    output[c] = static_cast<uint16_t>(c0 + rounded);
  }
}

const Table& rgbToLabTable() {
  static const Table table = [] {
    const Mat3 toXyz = scaled(srgbToXyzD50(), 1.0 / kMaxXyz);
    Table t = sample([&](const float in[3], float out[3]) {
      float linear[3], xyz[3];
      for (int c = 0; c < 3; ++c) linear[c] = curve(decode, in[c]);
      matrixStage(toXyz, linear, xyz);
      xyzToLabStage(xyz, out);
    });
    // lcms pins the node of RGB white to Lab white (L=100, a=b=0) unless it
    // is wildly off, to avoid a tinted white.
    const uint16_t white[3] = {0xFFFF, 0x8080, 0x8080};
    uint16_t* node = &t[static_cast<std::size_t>(kNodes - 1) * 3];
    bool equal = true;
    for (int c = 0; c < 3 && equal; ++c) {
      if (std::abs(white[c] - node[c]) > 0xF000) break;
      equal = white[c] == node[c];
    }
    if (!equal) std::memcpy(node, white, sizeof white);
    return t;
  }();
  return table;
}

// Lab white does not fall on a grid node, so lcms leaves this table as sampled.
const Table& labToRgbTable() {
  static const Table table = [] {
    const Mat3 fromXyz = scaled(inverse(srgbToXyzD50()), kMaxXyz);
    return sample([&](const float in[3], float out[3]) {
      float xyz[3], linear[3];
      labToXyzStage(in, xyz);
      matrixStage(fromXyz, xyz, linear);
      for (int c = 0; c < 3; ++c) out[c] = curve(encode, linear[c]);
    });
  }();
  return table;
}

// Pillow keeps a and b offset by 128 internally and hands them out as signed
// bytes (Image.tobytes()), which is what the raster holds.
constexpr uint8_t kSignFlip = 0x80;

}  // namespace

Raster rgbToLab(const Raster& rgb) {
  const Table& table = rgbToLabTable();
  const std::size_t n = static_cast<std::size_t>(rgb.width) * rgb.height;
  const std::size_t stride = bytesPerPixel(rgb.mode);
  Raster out;
  out.width = rgb.width;
  out.height = rgb.height;
  out.mode = Mode::LAB;
  out.data.resize(n * 3);
  for (std::size_t i = 0; i < n; ++i) {
    const uint8_t* p = &rgb.data[i * stride];
    const uint16_t in[3] = {widen8(p[0]), widen8(p[1]), widen8(p[2])};
    uint16_t lab[3];
    interpolate(table, in, lab);
    out.data[i * 3 + 0] = narrow16(lab[0]);
    out.data[i * 3 + 1] = narrow16(lab[1]) ^ kSignFlip;
    out.data[i * 3 + 2] = narrow16(lab[2]) ^ kSignFlip;
  }
  return out;
}

Raster labToRgb(const Raster& lab, Mode target) {
  const Table& table = labToRgbTable();
  const std::size_t n = static_cast<std::size_t>(lab.width) * lab.height;
  const std::size_t stride = bytesPerPixel(target);
  Raster out;
  out.width = lab.width;
  out.height = lab.height;
  out.mode = target;
  out.data.resize(n * stride);
  for (std::size_t i = 0; i < n; ++i) {
    const uint8_t* p = &lab.data[i * 3];
    const uint16_t in[3] = {widen8(p[0]), widen8(p[1] ^ kSignFlip), widen8(p[2] ^ kSignFlip)};
    uint16_t rgb[3];
    interpolate(table, in, rgb);
    uint8_t* o = &out.data[i * stride];
    for (int c = 0; c < 3; ++c) o[c] = narrow16(rgb[c]);
    // Pillow copies LAB's hidden fourth byte, 255 for any LAB image built
    // from data, into the alpha channel.
    if (target == Mode::RGBA) o[3] = 255;
  }
  return out;
}

}  // namespace convert_detail
}  // namespace imagefield
