// JPEG through libjpeg-turbo (Debian's 2.1.5, the library Pillow 9.4 links),
// with the settings of Pillow's decoder (JpegDecode.c and JpegImagePlugin.py):
// the accurate integer IDCT, fancy upsampling, libjpeg's own colour
// conversion, no draft scaling, corrupt-data warnings ignored, a file that
// ends before its pixels do refused. The result is Pillow's, byte for byte.
#pragma once
#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "base/mode.h"
#include "base/raster.h"
#include "decode/decode_budget.h"

namespace imagefield {

// A progressive file may hold any number of scans, each one a pass over the
// whole image; more than this many (libjpeg-turbo's own tools stop at the
// same count) is a file made to stall its decoder, not a photo.
constexpr int kMaxJpegScans = 500;

struct JpegFrame {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  Mode mode = Mode::RGB;  // L (1 component), RGB (3) or CMYK (4)
};

// Reads the markers up to the first scan. Every libjpeg allocation is charged
// to `budget`; when it runs out, budget.exceeded is set and the caller words
// the too_large error.
Result<JpegFrame> readJpegFrame(const std::uint8_t* bytes, std::size_t size, DecodeBudget& budget);

// Decodes the whole image in its frame's mode: grey as L, YCbCr and RGB
// files as RGB, CMYK and YCCK files as CMYK with Adobe's inverted polarity
// undone, as Pillow reads them ("CMYK;I"). The raster is charged to `budget`
// too, before it is allocated.
Result<Raster> decodeJpeg(const std::uint8_t* bytes, std::size_t size, DecodeBudget& budget);

}  // namespace imagefield
