// Which file format a byte string claims to be, from its signature alone.
#pragma once
#include <cstddef>
#include <cstdint>

namespace imagefield {

// Decodable: PNG, JPEG, GIF, BMP, PSD by signature; TGA has no signature, so
// Unknown bytes that stb_image accepts as TGA are TGA.
// Recognized but not decoded by the core (the browser may read them):
// WebP, AVIF/HEIC, TIFF, ICO, SVG, PNM, HDR, PIC, NPY.
enum class FileFormat { Unknown, PNG, JPEG, GIF, BMP, PSD, TGA, WebP, ISOBMFF, TIFF, ICO, SVG, PNM, HDR, PIC, NPY };

FileFormat sniffFormat(const std::uint8_t* bytes, std::size_t size);
const char* formatName(FileFormat format);

}  // namespace imagefield
