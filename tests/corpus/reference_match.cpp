#include "reference_match.h"

#include <cstdlib>

#include "decode/format_sniff.h"

ReferenceTolerance referenceTolerance(const std::uint8_t* file, std::size_t size) {
  using imagefield::FileFormat;
  const FileFormat format = imagefield::sniffFormat(file, size);
  if ((format == FileFormat::Unknown || format == FileFormat::TGA) && size >= 18) {
    const std::uint8_t type = file[2];
    const bool fiveBitPixels = (type == 2 || type == 10) && (file[16] == 15 || file[16] == 16);
    const bool fiveBitMap = (type == 1 || type == 9) && (file[7] == 15 || file[7] == 16);
    if (fiveBitPixels || fiveBitMap) return {1, 1.0, "5-bit TGA channels, widened differently"};
  }
  return {0, 0.0, "lossless or JPEG (libjpeg-turbo on both sides), must match exactly"};
}

std::optional<std::string> compareWithReference(const ReferenceTolerance& tolerance, const imagefield::Raster& decoded,
                                                const imagefield::Raster& reference) {
  if (decoded.width != reference.width || decoded.height != reference.height) {
    return "decoded " + std::to_string(decoded.width) + "x" + std::to_string(decoded.height) + ", reference is " +
           std::to_string(reference.width) + "x" + std::to_string(reference.height);
  }
  int maxError = 0;
  std::size_t differing = 0;
  double total = 0;
  for (std::size_t i = 0; i < decoded.data.size(); ++i) {
    const int d = std::abs(int(decoded.data[i]) - int(reference.data[i]));
    if (d) ++differing;
    if (d > maxError) maxError = d;
    total += d;
  }
  const double mean = total / double(decoded.data.size());
  if (maxError <= tolerance.maxError && mean <= tolerance.meanError) return std::nullopt;
  return std::to_string(differing) + " of " + std::to_string(decoded.data.size()) +
         " RGBA bytes differ from the reference (max " + std::to_string(maxError) + ", mean " + std::to_string(mean) +
         "; allowed max " + std::to_string(tolerance.maxError) + ", mean " + std::to_string(tolerance.meanError) +
         ": " + tolerance.why + ")";
}
