// The premultiplied-alpha round trip Pillow puts around resampling LA and
// RGBA: colour × alpha / 255 rounded (MULDIV255), and back with
// 255 · colour / alpha truncated and clipped (alpha 0 and 255 unchanged).
#pragma once
#include <cstddef>
#include <cstdint>

namespace imagefield {

// `channels` is 2 (LA) or 4 (RGBA); alpha is the last byte of each pixel.
void premultiplyAlpha(std::uint8_t* pixels, std::size_t count, int channels);
void unpremultiplyAlpha(std::uint8_t* pixels, std::size_t count, int channels);

}  // namespace imagefield
