// stb_image_write compiled a second time with its own fixed-Huffman deflate,
// only so benchmarks can compare it with libdeflate in the same run. Every
// stb symbol is file-static, so the two copies do not collide.
#include "stb/stb_image_write_build.h"

#include "stb/stb_image_write_calls.h"

namespace imagefield::stbw {

bool writePngStbDeflate(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels) {
  return stbi_write_png_to_func(appendToVector, &out, w, h, channels, pixels, w * channels) != 0;
}

}  // namespace imagefield::stbw
