// The one configuration of stb_image_write (Debian's libstb-dev) for every
// translation unit that compiles it: memory output only, file-static symbols
// (so two copies may coexist), stb's warnings silenced. A TU may define
// STBIW_ZLIB_COMPRESS before including this header.
#pragma once
#include <cstdint>
#include <vector>

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

namespace imagefield::stbw {
namespace {

// stb_image_write's output callback: append to the std::vector in `context`.
void appendToVector(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(context);
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace
}  // namespace imagefield::stbw
