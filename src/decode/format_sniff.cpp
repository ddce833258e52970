#include "decode/format_sniff.h"

#include <cstring>

namespace imagefield {
namespace {

bool startsWith(const std::uint8_t* bytes, std::size_t size, const char* magic, std::size_t n) {
  return size >= n && std::memcmp(bytes, magic, n) == 0;
}

bool looksLikeSvg(const std::uint8_t* bytes, std::size_t size) {
  std::size_t i = 0;
  if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) i = 3;  // UTF-8 BOM
  while (i < size && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
  return startsWith(bytes + i, size - i, "<svg", 4) || startsWith(bytes + i, size - i, "<?xml", 5);
}

}  // namespace

FileFormat sniffFormat(const std::uint8_t* b, std::size_t n) {
  if (startsWith(b, n, "\x89PNG\r\n\x1a\n", 8)) return FileFormat::PNG;
  if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return FileFormat::JPEG;
  if (startsWith(b, n, "GIF87a", 6) || startsWith(b, n, "GIF89a", 6)) return FileFormat::GIF;
  if (startsWith(b, n, "BM", 2)) return FileFormat::BMP;
  if (startsWith(b, n, "8BPS", 4)) return FileFormat::PSD;
  if (startsWith(b, n, "\x93NUMPY", 6)) return FileFormat::NPY;
  if (n >= 12 && std::memcmp(b, "RIFF", 4) == 0 && std::memcmp(b + 8, "WEBP", 4) == 0) return FileFormat::WebP;
  if (n >= 12 && std::memcmp(b + 4, "ftyp", 4) == 0) return FileFormat::ISOBMFF;
  if (startsWith(b, n, "II*\0", 4) || startsWith(b, n, "MM\0*", 4)) return FileFormat::TIFF;
  if (startsWith(b, n, "\0\0\1\0", 4)) return FileFormat::ICO;
  if (n >= 2 && b[0] == 'P' && b[1] >= '1' && b[1] <= '7') return FileFormat::PNM;
  if (startsWith(b, n, "#?RADIANCE", 10) || startsWith(b, n, "#?RGBE", 6)) return FileFormat::HDR;
  if (startsWith(b, n, "\x53\x80\xF6\x34", 4)) return FileFormat::PIC;
  if (looksLikeSvg(b, n)) return FileFormat::SVG;
  return FileFormat::Unknown;
}

const char* formatName(FileFormat format) {
  switch (format) {
    case FileFormat::PNG: return "PNG";
    case FileFormat::JPEG: return "JPEG";
    case FileFormat::GIF: return "GIF";
    case FileFormat::BMP: return "BMP";
    case FileFormat::PSD: return "PSD";
    case FileFormat::TGA: return "TGA";
    case FileFormat::WebP: return "WebP";
    case FileFormat::ISOBMFF: return "AVIF/HEIC";
    case FileFormat::TIFF: return "TIFF";
    case FileFormat::ICO: return "ICO";
    case FileFormat::SVG: return "SVG";
    case FileFormat::PNM: return "PNM";
    case FileFormat::HDR: return "HDR";
    case FileFormat::PIC: return "PIC";
    case FileFormat::NPY: return "NPY";
    case FileFormat::Unknown: break;
  }
  return "unknown";
}

}  // namespace imagefield
