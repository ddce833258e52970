// zlib streams (RFC 1950) through libdeflate, for PNG IDAT data.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace imagefield {

constexpr int kMinCompressionLevel = 0;   // stored blocks only
constexpr int kMaxCompressionLevel = 12;  // libdeflate's slowest, smallest
// Level 1 by measurement (npm run bench, photo-like 1024² RGB): it stays
// under 0.75× the size of Chromium's canvas.toBlob PNG (0.737×; level 6:
// 0.720×) at 0.3–1.1× its time, where level 6's deflate takes twice as long
// (0.95–1.44×). Levels 2–4 are no smaller than 1 on photos, only slower.
constexpr int kDefaultCompressionLevel = 1;

// Appends the zlib stream of `data` to `out`; false when memory runs out.
bool zlibCompress(const std::uint8_t* data, std::size_t length, int level, std::vector<std::uint8_t>& out);

// CRC-32 as PNG chunks use it, continuing from `crc` (0 to start).
std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t length);

}  // namespace imagefield
