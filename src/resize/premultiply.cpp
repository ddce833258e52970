#include "resize/premultiply.h"

namespace imagefield {

void premultiplyAlpha(std::uint8_t* pixels, std::size_t count, int channels) {
  for (std::size_t i = 0; i < count; ++i, pixels += channels) {
    const unsigned alpha = pixels[channels - 1];
    for (int c = 0; c < channels - 1; ++c) {
      const unsigned t = pixels[c] * alpha + 128;
      pixels[c] = std::uint8_t(((t >> 8) + t) >> 8);
    }
  }
}

void unpremultiplyAlpha(std::uint8_t* pixels, std::size_t count, int channels) {
  for (std::size_t i = 0; i < count; ++i, pixels += channels) {
    const unsigned alpha = pixels[channels - 1];
    if (alpha == 0 || alpha == 255) continue;
    for (int c = 0; c < channels - 1; ++c) {
      const unsigned v = 255u * pixels[c] / alpha;
      pixels[c] = std::uint8_t(v > 255 ? 255 : v);
    }
  }
}

}  // namespace imagefield
