#pragma once
// The orientation (1–8) a JPEG's EXIF block gives: tag 0x0112 of IFD0 in the
// APP1 "Exif" segment before the first scan. 1 when there is none, or when
// the block is cut short or malformed (nothing is read outside `bytes`).
#include <cstddef>
#include <cstdint>

namespace imagefield {

int jpegExifOrientation(const std::uint8_t* bytes, std::size_t size);

}  // namespace imagefield
