#include "tensor/tensor_values.h"

#include <array>

namespace imagefield {
namespace {

bool planar(TensorLayout layout) { return layout == TensorLayout::NCHW || layout == TensorLayout::CHW; }

// Output channel c reads this source channel (BGR swaps red and blue).
int sourceChannel(const CheckedTensorOptions& o, int c) { return o.channels == TensorChannels::BGR ? 2 - c : c; }

template <class T, class Lookup>
std::vector<T> arrange(const std::uint8_t* src, std::size_t pixels, int sourceChannels,
                       const CheckedTensorOptions& o, Lookup lookup) {
  const int channels = o.channelCount();
  std::vector<T> out(pixels * channels);
  if (planar(o.layout)) {
    for (int c = 0; c < channels; ++c) {
      const std::uint8_t* in = src + sourceChannel(o, c);
      T* plane = out.data() + std::size_t(c) * pixels;
      for (std::size_t i = 0; i < pixels; ++i) plane[i] = lookup(c, in[i * sourceChannels]);
    }
  } else {
    for (std::size_t i = 0; i < pixels; ++i) {
      for (int c = 0; c < channels; ++c) {
        out[i * channels + c] = lookup(c, src[i * sourceChannels + sourceChannel(o, c)]);
      }
    }
  }
  return out;
}

}  // namespace

std::vector<float> pixelsToFloatTensor(const std::uint8_t* source, std::size_t pixels, int sourceChannels,
                                       const CheckedTensorOptions& o) {
  std::vector<std::array<float, 256>> table(std::size_t(o.channelCount()));
  for (int c = 0; c < o.channelCount(); ++c) {
    for (int b = 0; b < 256; ++b) {
      float v = float(b);
      v = o.divisor ? v / *o.divisor : v * o.multiplier;
      if (!o.mean.empty()) v = v - o.mean[std::size_t(c)];
      if (!o.std.empty()) v = v / o.std[std::size_t(c)];
      table[std::size_t(c)][std::size_t(b)] = v;
    }
  }
  return arrange<float>(source, pixels, sourceChannels, o,
                        [&](int c, std::uint8_t b) { return table[std::size_t(c)][b]; });
}

std::vector<std::uint8_t> pixelsToByteTensor(const std::uint8_t* source, std::size_t pixels, int sourceChannels,
                                             const CheckedTensorOptions& o) {
  return arrange<std::uint8_t>(source, pixels, sourceChannels, o, [](int, std::uint8_t b) { return b; });
}

}  // namespace imagefield
