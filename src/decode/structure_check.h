// Container-level checks run before a decoder sees the bytes. stb_image reads
// past the end of its input as zeros, so a truncated GIF, BMP, TGA or PSD
// would otherwise decode "successfully" into partly blank pixels; for JPEG
// (libjpeg-turbo) the check names what is missing, where libjpeg would only
// say the data ended.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>

#include "base/error.h"
#include "decode/format_sniff.h"

namespace imagefield {

// nullopt when the file's structure is complete (every segment/chunk/block it
// declares lies inside the buffer and the pixel data it needs is present);
// otherwise decode_failed saying what is missing or malformed.
std::optional<Error> checkStructure(FileFormat format, const std::uint8_t* bytes, std::size_t size);

}  // namespace imagefield
