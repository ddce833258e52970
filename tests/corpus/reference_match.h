// What "matches the reference image" means for the corpus (the Jest corpus
// test applies the same rule):
// - lossless files and JPEG must equal their .ref.png exactly, in RGBA (the
//   JPEG references come from libjpeg-turbo, the core's own JPEG decoder);
// - TGA with 5-bit color channels (15/16-bit pixels or color-map entries):
//   the reference widens 5 bits to 8 by bit replication, stb_image by
//   v * 255 / 31, which differ by at most 1 per channel.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "base/raster.h"

struct ReferenceTolerance {
  int maxError;
  double meanError;
  const char* why;
};

ReferenceTolerance referenceTolerance(const std::uint8_t* file, std::size_t size);

// nullopt when `decoded` matches `reference` (both RGBA); otherwise why not.
std::optional<std::string> compareWithReference(const ReferenceTolerance& tolerance, const imagefield::Raster& decoded,
                                                const imagefield::Raster& reference);
