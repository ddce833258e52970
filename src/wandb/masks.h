// wandb's segmentation mask layers ("mask"): one class id 0–255 per pixel.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "array/normalize.h"
#include "base/error.h"
#include "wandb/json_limits.h"

namespace imagefield {

struct MaskLayer {
  std::vector<std::uint8_t> values;  // height × width class ids, row by row
  std::vector<std::uint8_t> png;     // the layer's file: an 8-bit grayscale PNG of the ids
  std::string classLabelsJson;       // the given labels, or class_<id> for each id present
};

// `data` with `shape` [H, W] must be whole numbers in 0..255 and match the
// image (width × height). classLabelsJson is an object {id: name}, or empty
// for the defaults. Errors are invalid_mask naming the layer.
Result<MaskLayer> prepareMaskLayer(std::string_view layerName, const TypedView& data,
                                   const std::vector<std::int64_t>& shape, std::string_view classLabelsJson,
                                   std::uint32_t width, std::uint32_t height, const JsonLimits& limits = {});

// The same from a layer's PNG file, as written by prepareMaskLayer.
Result<MaskLayer> readMaskFile(std::string_view layerName, const std::uint8_t* bytes, std::size_t size,
                               std::string_view classLabelsJson, std::uint32_t width, std::uint32_t height,
                               const JsonLimits& limits = {});

}  // namespace imagefield
