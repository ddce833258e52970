#include "tensor/tensor_options.h"

#include <cmath>
#include <limits>

#include "resize/number_text.h"

namespace imagefield {
namespace {

Error invalid(const std::string& message) { return makeError(ErrorCode::InvalidArgument, message); }

constexpr std::int64_t kMaxSide = 1 << 20;

std::string pair(const std::array<std::int64_t, 2>& v) {
  return "[" + std::to_string(v[0]) + ", " + std::to_string(v[1]) + "]";
}

std::optional<Error> checkSize(const char* name, const std::optional<std::array<std::int64_t, 2>>& given,
                               std::optional<std::array<std::uint32_t, 2>>& out) {
  if (!given) return std::nullopt;
  const auto& v = *given;
  if (v[0] < 1 || v[1] < 1 || v[0] > kMaxSide || v[1] > kMaxSide) {
    return invalid(std::string(name) + " must be [height, width] of positive integers up to " +
                   std::to_string(kMaxSide) + ", got " + pair(v));
  }
  out = std::array<std::uint32_t, 2>{std::uint32_t(v[0]), std::uint32_t(v[1])};
  return std::nullopt;
}

std::optional<Error> checkStats(const char* name, const std::vector<double>& given, int channels,
                                const std::string& channelName, bool forbidZero, std::vector<float>& out) {
  if (given.empty()) return std::nullopt;
  if (int(given.size()) != channels) {
    return invalid(std::string(name) + " has " + std::to_string(given.size()) + " values but channels \"" +
                   channelName + "\" has " + std::to_string(channels) + "; give one value per channel");
  }
  for (double v : given) {
    if (!std::isfinite(v)) return invalid(std::string(name) + " values must be finite numbers");
    const float f = float(v);
    if (forbidZero && f == 0.0f) {
      return invalid(std::string(name) + " values must not be 0 (they divide); a std of 1 leaves values as they are");
    }
    out.push_back(f);
  }
  return std::nullopt;
}

}  // namespace

Result<CheckedTensorOptions> checkTensorOptions(const TensorOptions& o) {
  CheckedTensorOptions c;
  if (o.resizeShorter && o.resizeTo) {
    return invalid("resize is either the shorter side (a number) or [height, width], not both");
  }
  if (o.resizeShorter) {
    if (*o.resizeShorter < 1 || *o.resizeShorter > kMaxSide) {
      return invalid("resize must be a positive integer (the shorter side) or [height, width], got " +
                     std::to_string(*o.resizeShorter));
    }
    c.resizeShorter = std::uint32_t(*o.resizeShorter);
  }
  if (auto e = checkSize("resize", o.resizeTo, c.resizeTo)) return *e;
  if (auto e = checkSize("crop", o.crop, c.crop)) return *e;
  if (auto e = checkSize("letterbox", o.letterbox, c.letterbox)) return *e;

  const auto filter = parseResizeFilter(o.filter);
  if (!filter) return invalid("filter \"" + o.filter + "\" is not one of " + resizeFilterList());
  c.filter = *filter;

  if (o.channels == "RGB") c.channels = TensorChannels::RGB;
  else if (o.channels == "BGR") c.channels = TensorChannels::BGR;
  else if (o.channels == "L") c.channels = TensorChannels::L;
  else return invalid("channels \"" + o.channels + "\" is not one of RGB, BGR, L");

  if (o.layout == "nchw") c.layout = TensorLayout::NCHW;
  else if (o.layout == "nhwc") c.layout = TensorLayout::NHWC;
  else if (o.layout == "chw") c.layout = TensorLayout::CHW;
  else if (o.layout == "hwc") c.layout = TensorLayout::HWC;
  else return invalid("layout \"" + o.layout + "\" is not one of nchw, nhwc, chw, hwc");

  if (o.dtype == "float32") c.dtype = TensorDType::Float32;
  else if (o.dtype == "uint8") c.dtype = TensorDType::Uint8;
  else return invalid("dtype \"" + o.dtype + "\" is not one of float32, uint8");

  const int channels = c.channelCount();
  if (!o.letterboxColor.empty()) {
    if (o.letterboxColor.size() != 1 && int(o.letterboxColor.size()) != channels) {
      return invalid("letterboxColor has " + std::to_string(o.letterboxColor.size()) +
                     " values; give one grey value or one per channel (" + std::to_string(channels) + ")");
    }
    for (std::size_t i = 0; i < 3; ++i) {
      const double v = o.letterboxColor[o.letterboxColor.size() == 1 ? 0 : std::min(i, o.letterboxColor.size() - 1)];
      if (!(v >= 0 && v <= 255) || v != std::floor(v)) {
        return invalid("letterboxColor values must be integers from 0 to 255");
      }
      c.letterboxColor[i] = std::uint8_t(v);
    }
  }

  if (c.dtype == TensorDType::Uint8 && (o.scale || !o.mean.empty() || !o.std.empty())) {
    return invalid("dtype \"uint8\" gives the pixel bytes as they are; scale, mean and std apply to float32 only");
  }
  if (o.scale) {
    const double s = *o.scale;
    if (!std::isfinite(s) || s <= 0) {
      return invalid("scale must be a positive finite number (default 1/255), got " + numberText(s));
    }
    // ToTensor divides by 255; a scale of 1/n is taken as that division so
    // 1/255 reproduces it to the bit, where × float(1/255) would not.
    const double n = std::round(1.0 / s);
    if (n >= 1 && std::fabs(1.0 / s - n) <= 1e-9 * n) {
      c.divisor = float(n);
    } else {
      c.divisor.reset();
      c.multiplier = float(s);
    }
  }
  const std::string channelName = o.channels;
  if (auto e = checkStats("mean", o.mean, channels, channelName, false, c.mean)) return *e;
  if (auto e = checkStats("std", o.std, channels, channelName, true, c.std)) return *e;
  return c;
}

}  // namespace imagefield
