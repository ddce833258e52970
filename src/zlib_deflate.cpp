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
  return libdeflate_crc32(crc, data, length);
}

}  // namespace imagefield
