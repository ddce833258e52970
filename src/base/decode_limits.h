// The limits every path from encoded bytes to a raster checks (image files
// and .npy arrays alike). In base/ so that decode/ and array/ both read them
// without depending on each other.
#pragma once
#include <cstdint>

namespace imagefield {

// Defaults sized for camera photos (a 48 MP phone image fits) while keeping a
// hostile file well inside the Wasm memory cap. Every field can be overridden
// per call; 0 in maxDecodeBytes means "derive from the declared size".
struct DecodeLimits {
  std::uint64_t maxFileBytes = 64ull << 20;    // 64 MiB of encoded input
  std::uint32_t maxAxis = 16384;               // pixels per side
  std::uint64_t maxPixels = 50'000'000;        // width × height
  std::uint64_t maxDecodeBytes = 0;            // stb_image allocations, in total
};

}  // namespace imagefield
