// Pieces of convert.cpp that are whole-image algorithms rather than per-pixel
// formulas. Private to convert*.cpp.
#pragma once
#include <cstdint>
#include <vector>

#include "base/raster.h"

namespace imagefield {
namespace convert_detail {

// Floyd–Steinberg to black/white. `levels` holds one 0..255 value per pixel
// (L itself, or the RGB luma Pillow's ditherer computes); returns mode-1 bytes.
std::vector<std::uint8_t> ditherToBilevel(const std::vector<int>& levels, std::uint32_t width,
                                          std::uint32_t height);

// RGB → P on Pillow's 216-colour "web" palette, Floyd–Steinberg dithered.
Raster rgbToWebPalette(const Raster& rgb);

// RGBA → P the way Image.quantize() does for RGBA: Pillow's fast octree.
Raster rgbaToOctreePalette(const Raster& rgba);

// LittleCMS sRGB ↔ CIELab (D50), as Pillow's ImageCms does it for convert().
Raster rgbToLab(const Raster& rgbOrRgba);
Raster labToRgb(const Raster& lab, Mode target);

}  // namespace convert_detail
}  // namespace imagefield
