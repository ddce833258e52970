// The translation unit that compiles stb_image_write (Debian's libstb-dev)
// for BMP and TGA; PNG and JPEG have their own writers (png_write,
// jpeg_write), and stb's unused static writers are dropped by the compiler. Output always
// goes to a callback: the core never touches a filesystem.
#include "stb/stb_image_write_build.h"

#include "stb/stb_image_write_calls.h"

namespace imagefield::stbw {

bool writeBmp(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels) {
  return stbi_write_bmp_to_func(appendToVector, &out, w, h, channels, pixels) != 0;
}

bool writeTga(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels) {
  return stbi_write_tga_to_func(appendToVector, &out, w, h, channels, pixels) != 0;
}

}  // namespace imagefield::stbw
