// Encoded image bytes → raster, with hard limits: JPEG through libjpeg-turbo
// (jpeg_decode.h), BMP through the core's own reader, the rest through stb_image.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>

#include "base/decode_limits.h"
#include "base/error.h"
#include "base/layout.h"
#include "base/raster.h"
#include "decode/format_sniff.h"

namespace imagefield {

// The allocation budget used when maxDecodeBytes is 0: generous for every
// decoder path (16-bit PNG, progressive JPEG, GIF history buffers), tiny next
// to what an inflation bomb asks for.
std::uint64_t derivedDecodeBudget(std::uint64_t pixels, std::size_t fileBytes);

struct ImageInfo {
  FileFormat format;
  std::uint32_t width;
  std::uint32_t height;
  int channels;
};

// Reads only the header: format, size and channel count, with the same limits.
Result<ImageInfo> probeImage(const std::uint8_t* bytes, std::size_t size, const DecodeLimits& limits = {});

// Without a mode the raster comes back in the file's own mode as Pillow
// opens it, where a raster can hold it: BMP as P (with its palette), L, 1, RGB
// or RGBA; 1-bit grey PNG as 1 and 16-bit grey PNG as I; otherwise L, LA, RGB
// or RGBA (16-bit colour reduced to 8 bits, palettes expanded, GIF's first
// frame in RGBA). With a mode, the 8-bit raster is converted to it. A .npy file is read as an
// array with `layout` and shown with the wandb rules (npy_image.h).
// `exifTranspose` turns a JPEG as its EXIF orientation says, as Pillow's
// ImageOps.exif_transpose and browsers do; otherwise the stored pixels come
// back, as Image.open gives them.
Result<Raster> decodeImage(const std::uint8_t* bytes, std::size_t size, const DecodeLimits& limits = {},
                           std::optional<Mode> mode = std::nullopt, Layout layout = Layout::HWC,
                           bool exifTranspose = false);

}  // namespace imagefield
