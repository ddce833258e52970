// zlib streams (RFC 1950) through libdeflate, for PNG IDAT data.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace imagefield {

constexpr int kMinCompressionLevel = 0;   // stored blocks only
constexpr int kMaxCompressionLevel = 12;  // libdeflate's slowest, smallest
constexpr int kDefaultCompressionLevel = 6;

// Appends the zlib stream of `data` to `out`; false when memory runs out.
bool zlibCompress(const std::uint8_t* data, std::size_t length, int level, std::vector<std::uint8_t>& out);

// CRC-32 as PNG chunks use it, continuing from `crc` (0 to start).
std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t length);

}  // namespace imagefield
