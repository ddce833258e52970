// BMP files, read the way Pillow reads them (BmpImagePlugin), without
// stb_image: every header Pillow knows (OS/2 v1 and v2, Windows v3 to v5),
// top-down rows, RLE8/RLE4 (with deltas), bitfields, and Pillow's natural
// modes: P with the file's palette, L for a grey-ramp palette, 1 for a
// black-and-white 1-bit file, RGB, or RGBA when the bitfields name an alpha
// channel. Two places follow the BMP specification where Pillow 9.4 misreads
// it: an RLE delta escape takes 2 bytes (Pillow reads 4), and an RLE4 run of
// an odd number of absolute pixels reads its last nibble (Pillow drops it).
#pragma once
#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "base/mode.h"
#include "base/raster.h"

namespace imagefield {

struct BmpInfo {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  Mode mode = Mode::RGB;  // the natural mode decodeBmp returns
};

// Reads and validates the headers (and palette) only.
Result<BmpInfo> readBmpInfo(const std::uint8_t* bytes, std::size_t size);

// The whole image in its natural mode. Every byte of the result comes from the
// file or is index 0 (pixels an RLE stream skips, as in Pillow); a stream that
// ends before the image is complete and without an end-of-bitmap escape is
// refused as truncated.
Result<Raster> decodeBmp(const std::uint8_t* bytes, std::size_t size);

}  // namespace imagefield
