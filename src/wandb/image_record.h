// The file behind a wandb.Image: encoded bytes, their digest, and the pixels
// a reader of that file sees.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/layout.h"
#include "decode/decode.h"
#include "encode/encode_format.h"

namespace imagefield {

// wandb.Image's file_type: png, jpg, jpeg or bmp; checked before anything else.
Result<EncodeFormat> parseImageFileType(std::string_view name);

struct ImageFile {
  std::vector<std::uint8_t> bytes;
  std::string format;  // the file extension: png, jpg, jpeg, bmp (gif, tga, psd for files given as such)
  std::string sha256;  // hex digest of `bytes`
  Raster raster;       // the pixels decoded from `bytes`, as wandb reloads them from its file
};

// Encodes with fileType (JPEG quality 75; JPEG drops alpha), then reads the
// file back so `raster` is what the file holds.
Result<ImageFile> imageFileFromRaster(const Raster& raster, std::string_view fileType);

// Encoded image bytes are kept as they are (sniffed and decoded for their
// size and pixels); .npy bytes are an array, shown with the wandb rules in
// `layout` and encoded with fileType.
Result<ImageFile> imageFileFromBytes(const std::uint8_t* bytes, std::size_t size, const DecodeLimits& limits,
                                     Layout layout, std::string_view fileType);

}  // namespace imagefield
