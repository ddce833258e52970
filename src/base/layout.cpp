#include "base/layout.h"

#include "array/pixel_kernels.h"

namespace imagefield {
namespace {

Error shapeError(const std::vector<std::int64_t>& shape, const std::string& why) {
  return makeError(ErrorCode::InvalidShape, "shape " + describeShape(shape) + " " + why);
}

}  // namespace

std::optional<Layout> parseLayout(std::string_view name) {
  if (name == "hwc") return Layout::HWC;
  if (name == "chw") return Layout::CHW;
  return std::nullopt;
}

std::string describeShape(const std::vector<std::int64_t>& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) text += ",";
    text += std::to_string(shape[i]);
  }
  return text + "]";
}

Result<ImageShape> resolveShape(const std::vector<std::int64_t>& shape, Layout layout,
                                std::optional<std::size_t> dataLength) {
  const char* accepted = layout == Layout::HWC
                             ? "; accepted shapes are [H,W], [H,W,C] and [1,H,W,C] with C in 1..4"
                             : "; accepted shapes are [H,W], [C,H,W] and [1,C,H,W] with C in 1..4";
  std::vector<std::int64_t> dims = shape;
  if (dims.size() == 4) {
    if (dims[0] != 1) return shapeError(shape, "has a batch axis of " + std::to_string(dims[0]) + ", only 1 image can be shown" + accepted);
    dims.erase(dims.begin());
  }
  if (dims.size() < 2 || dims.size() > 3) return shapeError(shape, "is not an image shape" + std::string(accepted));
  // Bounded so the products below cannot overflow: no image axis comes near 2^31.
  constexpr std::int64_t kMaxDim = std::int64_t(1) << 31;
  for (std::int64_t d : dims) {
    if (d < 1) return shapeError(shape, "has an empty or negative dimension; every dimension must be at least 1");
    if (d > kMaxDim) return shapeError(shape, "has a dimension above 2^31");
  }

  ImageShape out{};
  out.layout = layout;
  if (dims.size() == 2) {
    out = {std::size_t(dims[0]), std::size_t(dims[1]), 1, layout};
  } else if (layout == Layout::HWC) {
    out = {std::size_t(dims[0]), std::size_t(dims[1]), std::size_t(dims[2]), layout};
  } else {
    out = {std::size_t(dims[1]), std::size_t(dims[2]), std::size_t(dims[0]), layout};
  }
  if (out.channels > 4) {
    std::string hint;
    if (layout == Layout::HWC && dims.size() == 3 && dims[0] >= 1 && dims[0] <= 4) hint = " (channels first? pass layout \"chw\")";
    if (layout == Layout::CHW && dims.size() == 3 && dims[2] >= 1 && dims[2] <= 4) hint = " (channels last? pass layout \"hwc\")";
    return shapeError(shape, "has " + std::to_string(out.channels) + " channels; 1, 2, 3 or 4 are accepted" + hint);
  }
  const std::uint64_t count = std::uint64_t(out.height) * out.width * out.channels;
  if (count > 0x7fffffffu) return shapeError(shape, "has more than 2^31-1 elements");
  if (dataLength && count != *dataLength) {
    return shapeError(shape, "needs " + std::to_string(count) + " elements but the data has " + std::to_string(*dataLength));
  }
  return out;
}

Mode guessMode(const ImageShape& shape, std::string_view fileType) {
  if (shape.channels == 4 && (fileType == "jpg" || fileType == "jpeg")) return Mode::RGB;
  return naturalMode(shape.channels).value_or(Mode::L);
}

std::vector<std::uint8_t> planarToInterleaved(const std::uint8_t* planes, const ImageShape& shape) {
  const std::size_t pixels = shape.height * shape.width;
  std::vector<std::uint8_t> out(pixels * shape.channels);
  kernels::interleavePlanes(planes, pixels, shape.channels, out.data());
  return out;
}

}  // namespace imagefield
