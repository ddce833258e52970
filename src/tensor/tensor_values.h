// Interleaved 8-bit pixels → tensor elements in the requested layout and
// channel order. Float values come from a 256-entry table per channel,
// filled with the float32 arithmetic torchvision performs ((byte / 255 −
// mean) / std), so every element is bit-identical to that arithmetic.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "tensor/tensor_options.h"

namespace imagefield {

// `source` holds `pixels` pixels of `sourceChannels` bytes (3 for RGB, 1 for L).
std::vector<float> pixelsToFloatTensor(const std::uint8_t* source, std::size_t pixels, int sourceChannels,
                                       const CheckedTensorOptions& options);
std::vector<std::uint8_t> pixelsToByteTensor(const std::uint8_t* source, std::size_t pixels, int sourceChannels,
                                             const CheckedTensorOptions& options);

}  // namespace imagefield
