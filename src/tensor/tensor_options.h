// What toTensor is asked to do, as given (sizes signed so that bad values
// can be named), and the checked form the pipeline runs on.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "resize/resize_filter.h"

namespace imagefield {

struct TensorOptions {
  // Resize first: the shorter side to this many pixels (torchvision's
  // Resize(int)), or to exactly [height, width].
  std::optional<std::int64_t> resizeShorter;
  std::optional<std::array<std::int64_t, 2>> resizeTo;
  std::string filter = "bilinear";
  std::optional<std::array<std::int64_t, 2>> crop;       // [height, width], centred
  std::optional<std::array<std::int64_t, 2>> letterbox;  // [height, width], aspect kept, padded
  std::vector<double> letterboxColor;                    // 1 value, or one per channel; default 114
  std::optional<double> scale;                           // default: ToTensor's x / 255
  std::vector<double> mean;
  std::vector<double> std;
  std::string channels = "RGB";  // RGB, BGR, L
  std::string layout = "nchw";   // nchw, nhwc, chw, hwc
  std::string dtype = "float32";  // float32, uint8
};

enum class TensorChannels { RGB, BGR, L };
enum class TensorLayout { NCHW, NHWC, CHW, HWC };
enum class TensorDType { Float32, Uint8 };

struct CheckedTensorOptions {
  std::optional<std::uint32_t> resizeShorter;
  std::optional<std::array<std::uint32_t, 2>> resizeTo;
  ResizeFilter filter = ResizeFilter::Bilinear;
  std::optional<std::array<std::uint32_t, 2>> crop;
  std::optional<std::array<std::uint32_t, 2>> letterbox;
  std::array<std::uint8_t, 3> letterboxColor = {114, 114, 114};
  // value = byte / divisor, or byte × multiplier when the scale is not 1/n.
  std::optional<float> divisor = 255.0f;
  float multiplier = 1.0f;
  std::vector<float> mean;  // empty, or one per channel (float32, as torch holds them)
  std::vector<float> std;
  TensorChannels channels = TensorChannels::RGB;
  TensorLayout layout = TensorLayout::NCHW;
  TensorDType dtype = TensorDType::Float32;
  int channelCount() const { return channels == TensorChannels::L ? 1 : 3; }
};

// invalid_argument naming the option and what it accepts.
Result<CheckedTensorOptions> checkTensorOptions(const TensorOptions& options);

}  // namespace imagefield
