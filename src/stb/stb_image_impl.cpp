// The one translation unit that compiles stb_image (from Debian's libstb-dev,
// patched at build time with patches/stb/). Only the formats the core decodes
// with it are compiled in: PNM, HDR and PIC have memory-safety bugs in
// stb_image 2.27 that no caller-side check fixes; BMP and JPEG have their own
// decoders (decode/bmp_decode.h, decode/jpeg_decode.h).
#include "decode/decode_budget.h"

#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_ONLY_PNG
#define STBI_ONLY_GIF
#define STBI_ONLY_TGA
#define STBI_ONLY_PSD
#define STBI_NO_THREAD_LOCALS
// A second line of defence behind the core's own per-axis limit.
#define STBI_MAX_DIMENSIONS (1 << 24)
#define STBI_MALLOC(size) ::imagefield::budgetMalloc(size)
#define STBI_REALLOC(block, size) ::imagefield::budgetRealloc(block, size)
#define STBI_FREE(block) ::imagefield::budgetFree(block)
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include "stb/stb_image_calls.h"

namespace imagefield::stb {

bool info(const std::uint8_t* bytes, std::size_t size, int* width, int* height, int* channels) {
  if (size > 0x7fffffff) return false;
  return stbi_info_from_memory(bytes, static_cast<int>(size), width, height, channels) != 0;
}

std::uint8_t* load(const std::uint8_t* bytes, std::size_t size, int* width, int* height, int* channels) {
  if (size > 0x7fffffff) return nullptr;
  return stbi_load_from_memory(bytes, static_cast<int>(size), width, height, channels, 0);
}

// The same order of tests as stbi__load_main, for the formats compiled in.
FileFormat readerFor(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0 || size > 0x7fffffff) return FileFormat::Unknown;
  stbi__context s;
  stbi__start_mem(&s, bytes, static_cast<int>(size));
  if (stbi__png_test(&s)) return FileFormat::PNG;
  if (stbi__gif_test(&s)) return FileFormat::GIF;
  if (stbi__psd_test(&s)) return FileFormat::PSD;
  if (stbi__tga_test(&s)) return FileFormat::TGA;
  return FileFormat::Unknown;
}

std::uint16_t* load16(const std::uint8_t* bytes, std::size_t size, int* width, int* height, int* channels) {
  if (size > 0x7fffffff) return nullptr;
  return stbi_load_16_from_memory(bytes, static_cast<int>(size), width, height, channels, 0);
}

void release(std::uint8_t* pixels) { stbi_image_free(pixels); }
void release(std::uint16_t* samples) { stbi_image_free(samples); }

const char* failureReason() {
  const char* reason = stbi_failure_reason();
  return reason && *reason ? reason : "no reason given by the decoder";
}

}  // namespace imagefield::stb
