// libFuzzer target: arbitrary bytes through the BMP reader (headers, palette,
// RLE8/RLE4 streams, bitfields) without the container check in front of it,
// so the reader's own bounds checks are what is tested. Images above 2^20
// pixels are skipped after the header, as decodeImage's limits would.
#include <cstddef>
#include <cstdint>

#include "base/raster.h"
#include "decode/bmp_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imagefield;
  auto info = readBmpInfo(data, size);
  if (!info || std::uint64_t(info.value().width) * info.value().height > (1u << 20)) return 0;
  auto result = decodeBmp(data, size);
  if (result) {
    const Raster& r = result.value();
    // The raster must be what the header promised, and valid.
    if (r.width != info.value().width || r.height != info.value().height || r.mode != info.value().mode) {
      __builtin_trap();
    }
    if (validateRaster(r)) __builtin_trap();
  }
  return 0;
}
