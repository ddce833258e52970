// The stb_image_write calls the encoder makes. Pixels are interleaved rows of
// 1–4 8-bit channels with no padding; results are appended to `out`.
#pragma once
#include <cstdint>
#include <vector>

namespace imagefield::stbw {

// stb_image_write's PNG writer with its own deflate, kept for comparison
// benchmarks (the core writes PNG with png_write).
bool writePngStbDeflate(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels);
bool writeBmp(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels);
bool writeTga(std::vector<std::uint8_t>& out, int w, int h, int channels, const std::uint8_t* pixels);

}  // namespace imagefield::stbw
