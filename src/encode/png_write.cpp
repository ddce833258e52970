#include "encode/png_write.h"

#include <algorithm>

#include "encode/png_filter_kernels.h"
#include "encode/zlib_deflate.h"

namespace imagefield::png {
namespace {

constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

void putU32(std::uint8_t* at, std::uint32_t v) {
  at[0] = std::uint8_t(v >> 24);
  at[1] = std::uint8_t(v >> 16);
  at[2] = std::uint8_t(v >> 8);
  at[3] = std::uint8_t(v);
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  out.resize(out.size() + 4);
  putU32(out.data() + out.size() - 4, v);
}

void appendChunk(std::vector<std::uint8_t>& out, const char* type, const std::uint8_t* data, std::size_t length) {
  appendU32(out, static_cast<std::uint32_t>(length));
  const std::size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  if (length) out.insert(out.end(), data, data + length);
  appendU32(out, crc32(0, out.data() + start, out.size() - start));
}

}  // namespace

std::vector<std::uint8_t> filterRows(const std::uint8_t* rows, std::size_t rowBytes, std::uint32_t height, int bpp) {
  std::vector<std::uint8_t> scanlines((rowBytes + 1) * height);
  // The row above the first one is all zeros (PNG's rule), so the kernels
  // need no special case for it.
  const std::vector<std::uint8_t> zeros(rowBytes, 0);
  const std::uint8_t* above = zeros.data();
  for (std::uint32_t y = 0; y < height; ++y) {
    const std::uint8_t* row = rows + std::size_t(y) * rowBytes;
    std::uint8_t* out = scanlines.data() + std::size_t(y) * (rowBytes + 1);
    const Filter filter = cheapestFilter(filterCosts(row, above, rowBytes, bpp));
    out[0] = static_cast<std::uint8_t>(filter);
    filterRow(filter, row, above, rowBytes, bpp, out + 1);
    above = row;
  }
  return scanlines;
}

bool writeFile(const ImageHeader& header, const std::vector<std::uint8_t>& palette,
               const std::vector<std::uint8_t>& transparency, const std::vector<std::uint8_t>& scanlines, int level,
               std::vector<std::uint8_t>& out, std::size_t maxIdatBytes) {
  out.insert(out.end(), kSignature, kSignature + 8);
  std::uint8_t ihdr[13];
  putU32(ihdr, header.width);
  putU32(ihdr + 4, header.height);
  ihdr[8] = header.bitDepth;
  ihdr[9] = static_cast<std::uint8_t>(header.colourType);
  ihdr[10] = ihdr[11] = ihdr[12] = 0;  // deflate, adaptive filtering, no interlace
  appendChunk(out, "IHDR", ihdr, sizeof ihdr);
  if (!palette.empty()) appendChunk(out, "PLTE", palette.data(), palette.size());
  if (!transparency.empty()) appendChunk(out, "tRNS", transparency.data(), transparency.size());

  // The zlib stream goes straight into `out` after an IDAT header whose
  // length is filled in afterwards: no copy of the compressed data.
  const std::size_t chunkStart = out.size();
  out.insert(out.end(), {0, 0, 0, 0, 'I', 'D', 'A', 'T'});
  if (!zlibCompress(scanlines.data(), scanlines.size(), level, out)) return false;
  const std::size_t streamLength = out.size() - chunkStart - 8;
  if (streamLength <= maxIdatBytes) {
    putU32(out.data() + chunkStart, static_cast<std::uint32_t>(streamLength));
    appendU32(out, crc32(0, out.data() + chunkStart + 4, streamLength + 4));
  } else {
    // Only a stream longer than a chunk may hold (2^31-1 bytes) is split.
    const std::vector<std::uint8_t> stream(out.begin() + std::ptrdiff_t(chunkStart + 8), out.end());
    out.resize(chunkStart);
    for (std::size_t at = 0; at < stream.size(); at += maxIdatBytes) {
      appendChunk(out, "IDAT", stream.data() + at, std::min(maxIdatBytes, stream.size() - at));
    }
  }
  appendChunk(out, "IEND", nullptr, 0);
  return true;
}

bool writeImage(const std::uint8_t* pixels, std::uint32_t width, std::uint32_t height, int channels, int level,
                std::vector<std::uint8_t>& out) {
  static constexpr ColourType kTypes[4] = {ColourType::Grey, ColourType::GreyAlpha, ColourType::RGB,
                                           ColourType::RGBA};
  if (channels < 1 || channels > 4) return false;
  const ImageHeader header{width, height, 8, kTypes[channels - 1]};
  const auto scanlines = filterRows(pixels, std::size_t(width) * channels, height, channels);
  return writeFile(header, {}, {}, scanlines, level, out);
}

}  // namespace imagefield::png
