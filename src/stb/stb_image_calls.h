// The stb_image calls the decoder makes, behind plain C++ signatures, so that
// only stb_image_impl.cpp sees stb's configuration macros.
#pragma once
#include <cstddef>
#include <cstdint>

#include "decode/format_sniff.h"

namespace imagefield::stb {

bool info(const std::uint8_t* bytes, std::size_t size, int* width, int* height, int* channels);
// Pixels in the file's own channel count, 8 bits per channel; release() them.
std::uint8_t* load(const std::uint8_t* bytes, std::size_t size, int* width, int* height, int* channels);
// 16 bits per channel (PNG keeps its samples; 8-bit files are scaled up).
std::uint16_t* load16(const std::uint8_t* bytes, std::size_t size, int* width, int* height, int* channels);
void release(std::uint8_t* pixels);
void release(std::uint16_t* samples);
// The decoder stb_image will pick for these bytes (it tries them in its own
// order, and e.g. accepts 0xFF fill bytes before a JPEG's SOI marker).
FileFormat readerFor(const std::uint8_t* bytes, std::size_t size);
const char* failureReason();

}  // namespace imagefield::stb
