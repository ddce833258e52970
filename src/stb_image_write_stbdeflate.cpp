// stb_image_write compiled a second time with its own fixed-Huffman deflate,
// only so benchmarks can compare it with libdeflate in the same run. Every
// stb symbol is file-static, so the two copies do not collide.
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include "stb_image_write_calls.h"

namespace imagefield::stbw {
namespace {

void append(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(context);
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

bool writePngStbDeflate(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels) {
  return stbi_write_png_to_func(append, &out, w, h, channels, pixels, w * channels) != 0;
}

}  // namespace imagefield::stbw
