#include "resize/resize_filter.h"

#include <cmath>

namespace imagefield {
namespace {

constexpr double kPi = 3.14159265358979323846;

double sinc(double x) {
  if (x == 0.0) return 1.0;
  x = x * kPi;
  return std::sin(x) / x;
}

}  // namespace

std::optional<ResizeFilter> parseResizeFilter(std::string_view name) {
  if (name == "nearest") return ResizeFilter::Nearest;
  if (name == "box") return ResizeFilter::Box;
  if (name == "bilinear") return ResizeFilter::Bilinear;
  if (name == "hamming") return ResizeFilter::Hamming;
  if (name == "bicubic") return ResizeFilter::Bicubic;
  if (name == "lanczos") return ResizeFilter::Lanczos;
  return std::nullopt;
}

const char* resizeFilterName(ResizeFilter filter) {
  switch (filter) {
    case ResizeFilter::Nearest: return "nearest";
    case ResizeFilter::Box: return "box";
    case ResizeFilter::Bilinear: return "bilinear";
    case ResizeFilter::Hamming: return "hamming";
    case ResizeFilter::Bicubic: return "bicubic";
    case ResizeFilter::Lanczos: return "lanczos";
  }
  return "?";
}

const char* resizeFilterList() { return "nearest, box, bilinear, hamming, bicubic, lanczos"; }

double filterSupport(ResizeFilter filter) {
  switch (filter) {
    case ResizeFilter::Box: return 0.5;
    case ResizeFilter::Bilinear: return 1.0;
    case ResizeFilter::Hamming: return 1.0;
    case ResizeFilter::Bicubic: return 2.0;
    case ResizeFilter::Lanczos: return 3.0;
    case ResizeFilter::Nearest: return 0.0;
  }
  return 0.0;
}

double filterWeight(ResizeFilter filter, double x) {
  switch (filter) {
    case ResizeFilter::Box:
      return (x > -0.5 && x <= 0.5) ? 1.0 : 0.0;
    case ResizeFilter::Bilinear:
      if (x < 0.0) x = -x;
      return x < 1.0 ? 1.0 - x : 0.0;
    case ResizeFilter::Hamming: {
      if (x < 0.0) x = -x;
      if (x == 0.0) return 1.0;
      if (x >= 1.0) return 0.0;
      x = x * kPi;
      // Pillow writes the window's constants as float literals; their float
      // values (not 0.54 and 0.46) are what its weights are made of.
      return std::sin(x) / x * (double(0.54f) + double(0.46f) * std::cos(x));
    }
    case ResizeFilter::Bicubic: {
      constexpr double a = -0.5;
      if (x < 0.0) x = -x;
      if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
      if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
      return 0.0;
    }
    case ResizeFilter::Lanczos:
      return (-3.0 <= x && x < 3.0) ? sinc(x) * sinc(x / 3) : 0.0;
    case ResizeFilter::Nearest:
      return 0.0;
  }
  return 0.0;
}

}  // namespace imagefield
