#include "encode/zlib_deflate.h"

#include <libdeflate.h>

#include <memory>

namespace imagefield {
namespace {

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, FreeCompressor>;

Compressor makeCompressor(int level) {
  if (level < kMinCompressionLevel) level = kMinCompressionLevel;
  if (level > kMaxCompressionLevel) level = kMaxCompressionLevel;
  return Compressor(libdeflate_alloc_compressor(level));
}

// Below this length building the sliced tables costs more than it saves.
constexpr std::size_t kSlicedCrcMinBytes = 4096;

}  // namespace

bool zlibCompress(const std::uint8_t* data, std::size_t length, int level, std::vector<std::uint8_t>& out) {
  Compressor compressor = makeCompressor(level);
  if (!compressor) return false;
  const std::size_t start = out.size();
  out.resize(start + libdeflate_zlib_compress_bound(compressor.get(), length));
  const std::size_t written = libdeflate_zlib_compress(compressor.get(), data, length, out.data() + start,
                                                       out.size() - start);
  if (written == 0) return false;  // cannot happen with a bound-sized buffer
  out.resize(start + written);
  return true;
}

std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t length) {
  constexpr std::uint32_t kPolynomial = 0xEDB88320;  // CRC-32, reflected
  crc = ~crc;
  if (length >= kSlicedCrcMinBytes) {
    // Slicing by 8 (eight table lookups per 8 bytes). The 8 KiB of tables
    // are built here, on the stack, in a few microseconds: as constant data
    // they would cost the Wasm download more than the code that builds them.
    std::uint32_t table[8][256];
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (kPolynomial & (0u - (c & 1)));
      table[0][i] = c;
    }
    for (int s = 1; s < 8; ++s) {
      for (int i = 0; i < 256; ++i) table[s][i] = (table[s - 1][i] >> 8) ^ table[0][table[s - 1][i] & 255];
    }
    const auto le32 = [](const std::uint8_t* p) {
      return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
    };
    for (; length >= 8; data += 8, length -= 8) {
      const std::uint32_t lo = le32(data) ^ crc, hi = le32(data + 4);
      crc = table[7][lo & 255] ^ table[6][(lo >> 8) & 255] ^ table[5][(lo >> 16) & 255] ^ table[4][lo >> 24] ^
            table[3][hi & 255] ^ table[2][(hi >> 8) & 255] ^ table[1][(hi >> 16) & 255] ^ table[0][hi >> 24];
    }
    for (; length; ++data, --length) crc = (crc >> 8) ^ table[0][(crc ^ *data) & 255];
    return ~crc;
  }
  // Short chunks (IHDR, PLTE, ...): four bits at a time from a 64-byte table.
  static constexpr std::uint32_t kNibble[16] = {
      0x00000000, 0x1DB71064, 0x3B6E20C8, 0x26D930AC, 0x76DC4190, 0x6B6B51F4, 0x4DB26158, 0x5005713C,
      0xEDB88320, 0xF00F9344, 0xD6D6A3E8, 0xCB61B38C, 0x9B64C2B0, 0x86D3D2D4, 0xA00AE278, 0xBDBDF21C};
  for (std::size_t i = 0; i < length; ++i) {
    crc ^= data[i];
    crc = (crc >> 4) ^ kNibble[crc & 15];
    crc = (crc >> 4) ^ kNibble[crc & 15];
  }
  return ~crc;
}

}  // namespace imagefield
