#include "zlib_deflate.h"

#include <libdeflate.h>

#include <cstdlib>
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

unsigned char* zlibCompressMalloc(const unsigned char* data, int length, int* outLength, int level) {
  Compressor compressor = makeCompressor(level);
  if (!compressor || length < 0) return nullptr;
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), std::size_t(length));
  auto* buffer = static_cast<unsigned char*>(std::malloc(bound));
  if (!buffer) return nullptr;
  const std::size_t written = libdeflate_zlib_compress(compressor.get(), data, std::size_t(length), buffer, bound);
  if (written == 0 || written > 0x7fffffffu) {
    std::free(buffer);
    return nullptr;
  }
  *outLength = static_cast<int>(written);
  return buffer;
}

std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t length) {
  // CRC-32 (polynomial 0xEDB88320) four bits at a time: a 64-byte table
  // instead of libdeflate's 8 KiB of slice-by-8 tables in the Wasm data,
  // fast enough for the palette path's chunks.
  static constexpr std::uint32_t kNibble[16] = {
      0x00000000, 0x1DB71064, 0x3B6E20C8, 0x26D930AC, 0x76DC4190, 0x6B6B51F4, 0x4DB26158, 0x5005713C,
      0xEDB88320, 0xF00F9344, 0xD6D6A3E8, 0xCB61B38C, 0x9B64C2B0, 0x86D3D2D4, 0xA00AE278, 0xBDBDF21C};
  crc = ~crc;
  for (std::size_t i = 0; i < length; ++i) {
    crc ^= data[i];
    crc = (crc >> 4) ^ kNibble[crc & 15];
    crc = (crc >> 4) ^ kNibble[crc & 15];
  }
  return ~crc;
}

}  // namespace imagefield
