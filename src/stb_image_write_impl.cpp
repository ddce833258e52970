// The translation unit that compiles stb_image_write (Debian's libstb-dev)
// with libdeflate as its zlib compressor: stb's own deflate uses fixed
// Huffman codes only and leaves photos at ~93 % of their raw size.
// Output always goes to a callback: the core never touches a filesystem.
#include <cstdlib>

#include "zlib_deflate.h"

namespace {
// stb calls this with its global stbi_write_png_compression_level as
// `quality`; writePng sets that level just before each call.
unsigned char* deflateWithLibdeflate(unsigned char* data, int length, int* outLength, int level) {
  return imagefield::zlibCompressMalloc(data, length, outLength, level);
}
}  // namespace

#define STBIW_ZLIB_COMPRESS deflateWithLibdeflate
#include "stb_image_write_build.h"

#include "stb_image_write_calls.h"

namespace imagefield::stbw {

bool writePng(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels, int level) {
  // stb takes the level only through this (file-static) variable; the core
  // is single-threaded in Wasm, and native callers encode from one thread.
  stbi_write_png_compression_level = level;
  return stbi_write_png_to_func(appendToVector, &out, w, h, channels, pixels, w * channels) != 0;
}

bool writeJpeg(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels, int quality) {
  return stbi_write_jpg_to_func(appendToVector, &out, w, h, channels, pixels, quality) != 0;
}

bool writeBmp(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels) {
  return stbi_write_bmp_to_func(appendToVector, &out, w, h, channels, pixels) != 0;
}

bool writeTga(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels) {
  return stbi_write_tga_to_func(appendToVector, &out, w, h, channels, pixels) != 0;
}

}  // namespace imagefield::stbw
