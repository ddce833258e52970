// The file formats the core can write, by the names users pass.
#pragma once
#include <optional>
#include <string_view>

#include "base/error.h"

namespace imagefield {

enum class EncodeFormat { PNG, JPEG, BMP, TGA };

// "png", "jpg", "jpeg", "bmp", "tga"; anything else → invalid_format naming it.
Result<EncodeFormat> parseEncodeFormat(std::string_view name);

}  // namespace imagefield
