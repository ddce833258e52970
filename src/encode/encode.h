// Raster → encoded file bytes: PNG through the core's own writer (png_write),
// JPEG through libjpeg-turbo as Pillow writes it (jpeg_write), BMP and TGA
// through stb_image_write.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/raster.h"
#include "encode/encode_format.h"
#include "encode/zlib_deflate.h"

namespace imagefield {

struct EncodeOptions {
  std::string format = "png";  // png, jpg, jpeg, bmp, tga
  int quality = 75;            // JPEG only, 1..100 (75 is PIL's and wandb's default)
  // PNG only: libdeflate level 0 (stored) .. 12 (smallest, slowest).
  int compression = kDefaultCompressionLevel;
  // PNG only: stb_image_write's PNG writer with its own fixed-Huffman
  // deflate, no palette; for comparison benchmarks.
  bool stbDeflate = false;
  // PNG only: write a palette PNG when the image has at most 256 colours.
  bool palette = true;
};

// L, LA, RGB and RGBA are written as they are, except that an RGB or RGBA
// PNG with at most 256 colours is written as a palette PNG (lossless). JPEG
// also writes CMYK and YCbCr as they are, as Pillow does. Other modes are
// converted first: 1 → L, I and F → L (as Pillow clamps them), P, HSV, LAB
// (and CMYK, YCbCr for PNG, BMP, TGA) → RGB. JPEG drops alpha (it has none)
// and BMP/TGA keep it. Anything whose pixel bytes exceed 2^31−1 is refused
// with too_large.
// too_large when a width×height image of `channels` 8-bit bands cannot be
// written in `format`: pixel bytes above 2^31−1 (stb_image_write counts in
// int), a side above 65500 for JPEG (libjpeg's limit) or above 65535 for TGA
// (16-bit header fields).
std::optional<Error> checkEncodeSize(std::uint32_t width, std::uint32_t height, int channels, EncodeFormat format);

Result<std::vector<std::uint8_t>> encodeImage(const Raster& raster, const EncodeOptions& options = {});

}  // namespace imagefield
