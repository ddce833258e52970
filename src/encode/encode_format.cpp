#include "encode/encode_format.h"

#include <string>

namespace imagefield {

Result<EncodeFormat> parseEncodeFormat(std::string_view name) {
  if (name == "png") return EncodeFormat::PNG;
  if (name == "jpg" || name == "jpeg") return EncodeFormat::JPEG;
  if (name == "bmp") return EncodeFormat::BMP;
  if (name == "tga") return EncodeFormat::TGA;
  return makeError(ErrorCode::InvalidFormat,
                   "file type \"" + std::string(name) + "\" is not supported; use png, jpg, jpeg, bmp or tga");
}

}  // namespace imagefield
