#include "array/npy_image.h"

#include <string>

#include "array/array_image.h"
#include "array/npy.h"

namespace imagefield {

Result<Raster> decodeNpyImage(const std::uint8_t* bytes, std::size_t size, const DecodeLimits& limits,
                              std::optional<Mode> mode, Layout layout) {
  if (size > limits.maxFileBytes) {
    return makeError(ErrorCode::TooLarge, "the file has " + std::to_string(size) + " bytes, above the limit of " +
                                              std::to_string(limits.maxFileBytes) + " (maxFileBytes)");
  }
  NpyLimits npyLimits;
  npyLimits.maxElements = limits.maxPixels * 4;
  auto array = parseNpy(bytes, size, npyLimits);
  if (!array) return array.error();
  const NpyArray& a = array.value();
  auto shape = resolveShape(a.shape, layout, a.length);
  if (!shape) return shape.error();
  const ImageShape& s = shape.value();
  const std::string dims = std::to_string(s.width) + "x" + std::to_string(s.height);
  if (s.width > limits.maxAxis || s.height > limits.maxAxis) {
    return makeError(ErrorCode::TooLarge, "the .npy image is " + dims + ", above the limit of " +
                                              std::to_string(limits.maxAxis) + " pixels per side (maxAxis)");
  }
  if (std::uint64_t(s.width) * s.height > limits.maxPixels) {
    return makeError(ErrorCode::TooLarge, "the .npy image is " + dims + ", above the limit of " +
                                              std::to_string(limits.maxPixels) + " pixels (maxPixels)");
  }
  ArrayImageOptions options;
  options.shape = a.shape;
  options.layout = layout;
  options.mode = mode;
  return rasterFromArray(a.view(), options);
}

}  // namespace imagefield
