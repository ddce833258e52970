// JPEG through libjpeg-turbo's compressor (Debian's 2.1.5, the library Pillow
// 9.4 links), with the settings of Pillow's encoder when only a quality is
// given (JpegImagePlugin.py's _save, JpegEncode.c): jpeg_set_defaults, then
// jpeg_set_quality(q, force_baseline), libjpeg's default chroma subsampling
// (4:2:0 for colour), one baseline scan with the standard Huffman tables, the
// JFIF header libjpeg writes by default (no density), no EXIF, ICC or comment.
// The file is Pillow's, byte for byte.
#pragma once
#include <cstdint>
#include <vector>

#include "base/error.h"
#include "base/raster.h"

namespace imagefield {

// The raster as Pillow saves its mode: L as a greyscale JPEG, RGB as YCbCr,
// YCbCr as it is, CMYK inverted with an Adobe marker ("CMYK;I", Photoshop's
// convention). Two modes Pillow refuses are written as Pillow writes them
// without their alpha band: LA as L, RGBA as RGB. Any other mode is
// invalid_mode (the caller converts first); `quality` is 1..100 and each side
// at most kMaxJpegSide (the caller checks both). Running out of memory is
// too_large.
Result<std::vector<std::uint8_t>> encodeJpeg(const Raster& raster, int quality);

// libjpeg's JPEG_MAX_DIMENSION: it refuses to write a wider or taller image.
constexpr std::uint32_t kMaxJpegSide = 65500;

}  // namespace imagefield
