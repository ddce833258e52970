#pragma once
// A raster turned as an EXIF orientation says a picture is to be shown
// (Pillow's ImageOps.exif_transpose, browsers' image-orientation: from-image).
//
//   orientation 1: unchanged; 2: mirrored left-right; 3: turned 180°;
//   4: mirrored top-bottom; 5: transposed (mirrored about the main diagonal);
//   6: turned 90° clockwise; 7: transversed (mirrored about the other
//   diagonal); 8: turned 90° counter-clockwise. 5–8 swap width and height.
//   Any other value leaves the raster as it is, as Pillow does.
// Every mode: pixels move whole, whatever their size; P keeps its palette.
#include "base/raster.h"

namespace imagefield {

Raster orientedAsExif(Raster raster, int orientation);

}  // namespace imagefield
