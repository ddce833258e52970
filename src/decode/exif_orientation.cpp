#include "decode/exif_orientation.h"

#include <cstring>

namespace imagefield {
namespace {

constexpr std::uint8_t kApp1 = 0xE1;
constexpr std::uint8_t kStartOfScan = 0xDA;
constexpr std::uint16_t kOrientationTag = 0x0112;

std::uint16_t read16(const std::uint8_t* p, bool little) {
  return little ? std::uint16_t(p[0] | p[1] << 8) : std::uint16_t(p[0] << 8 | p[1]);
}

std::uint32_t read32(const std::uint8_t* p, bool little) {
  return little ? std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24
                : std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | std::uint32_t(p[3]);
}

int tiffOrientation(const std::uint8_t* tiff, std::size_t size) {
  if (size < 8) return 1;
  const bool little = tiff[0] == 'I' && tiff[1] == 'I';
  if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
  const std::uint32_t ifd = read32(tiff + 4, little);
  if (ifd > size || size - ifd < 2) return 1;
  const std::uint16_t entries = read16(tiff + ifd, little);
  for (std::size_t i = 0; i < entries; ++i) {
    const std::size_t entry = std::size_t(ifd) + 2 + i * 12;
    if (entry + 12 > size) return 1;
    if (read16(tiff + entry, little) == kOrientationTag) {
      const std::uint16_t value = read16(tiff + entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

}  // namespace

int jpegExifOrientation(const std::uint8_t* bytes, std::size_t size) {
  std::size_t at = 2;  // after SOI
  while (at + 4 <= size && bytes[at] == 0xFF) {
    const std::uint8_t marker = bytes[at + 1];
    if (marker == kStartOfScan) break;
    const std::size_t length = read16(bytes + at + 2, false);
    if (length < 2) break;
    const std::size_t start = at + 4;
    if (marker == kApp1 && length >= 8 && start + length - 2 <= size && std::memcmp(bytes + start, "Exif", 4) == 0) {
      return tiffOrientation(bytes + start + 6, length - 8);
    }
    at = start + length - 2;
  }
  return 1;
}

}  // namespace imagefield
