// A raster as a model's input tensor: convert to RGB (or L), resize, crop,
// letterbox, scale, normalize, order channels and axes, in that order, with
// torchvision 0.14's semantics over Pillow-exact resizing.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "base/error.h"
#include "base/raster.h"
#include "tensor/tensor_geometry.h"
#include "tensor/tensor_options.h"

namespace imagefield {

struct Tensor {
  TensorDType type = TensorDType::Float32;
  std::vector<float> floats;        // type Float32
  std::vector<std::uint8_t> bytes;  // type Uint8
  std::vector<std::int64_t> dims;
  // Set when letterbox was asked for: box (x, y) in the tensor maps back to
  // ((x − left) / scaleX, (y − top) / scaleY) in the image letterbox received.
  std::optional<LetterboxPlacement> letterbox;
};

Result<Tensor> toTensor(const Raster& source, const TensorOptions& options);

}  // namespace imagefield
