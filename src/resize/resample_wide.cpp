#include "resize/resample_wide.h"

#include <limits>

namespace imagefield {
namespace {

using std::size_t;

std::int32_t store(double v, std::int32_t*) { return roundToInt32(v); }
float store(double v, float*) { return float(v); }

template <class T>
void horizontal(const T* in, int inWidth, int rows, const AxisWeights& w, T* out) {
  for (int y = 0; y < rows; ++y) {
    const T* row = in + size_t(y) * inWidth;
    T* dst = out + size_t(y) * w.outSize;
    for (int xx = 0; xx < w.outSize; ++xx) {
      const double* k = &w.weights[size_t(xx) * w.stride];
      const T* src = row + w.first[xx];
      double sum = 0.0;
      for (int x = 0; x < w.count[xx]; ++x) sum += src[x] * k[x];
      dst[xx] = store(sum, dst);
    }
  }
}

template <class T>
void vertical(const T* in, int width, const AxisWeights& w, T* out) {
  for (int yy = 0; yy < w.outSize; ++yy) {
    const double* k = &w.weights[size_t(yy) * w.stride];
    const T* top = in + size_t(w.first[yy]) * width;
    T* dst = out + size_t(yy) * width;
    for (int xx = 0; xx < width; ++xx) {
      double sum = 0.0;
      for (int y = 0; y < w.count[yy]; ++y) sum += top[size_t(y) * width + xx] * k[y];
      dst[xx] = store(sum, dst);
    }
  }
}

}  // namespace

std::int32_t roundToInt32(double v) {
  const double r = v >= 0.0 ? v + double(0.5f) : v - double(0.5f);
  if (!(r > -2147483649.0 && r < 2147483648.0)) return std::numeric_limits<std::int32_t>::min();
  return std::int32_t(r);
}

void resampleHorizontalI(const std::int32_t* in, int inWidth, int rows, const AxisWeights& w, std::int32_t* out) {
  horizontal(in, inWidth, rows, w, out);
}
void resampleVerticalI(const std::int32_t* in, int width, const AxisWeights& w, std::int32_t* out) {
  vertical(in, width, w, out);
}
void resampleHorizontalF(const float* in, int inWidth, int rows, const AxisWeights& w, float* out) {
  horizontal(in, inWidth, rows, w, out);
}
void resampleVerticalF(const float* in, int width, const AxisWeights& w, float* out) {
  vertical(in, width, w, out);
}

}  // namespace imagefield
