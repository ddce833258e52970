// libFuzzer target: .npy parsing (header dictionary, dtype, shape, data) and
// the .npy → image path, with small limits.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "array/npy.h"
#include "array/npy_image.h"
#include "base/layout.h"
#include "decode/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  using namespace imagefield;
  NpyLimits npyLimits;
  npyLimits.maxElements = 1 << 20;
  auto array = parseNpy(data + 1, size - 1, npyLimits);
  if (array) {
    std::uint64_t elements = 1;
    for (auto extent : array.value().shape) elements *= std::uint64_t(extent);
    // An array whose element count disagrees with its shape is a bug.
    if (elements != array.value().length) __builtin_trap();
  }
  DecodeLimits limits;
  limits.maxFileBytes = 1 << 22;
  limits.maxAxis = 2048;
  limits.maxPixels = 1 << 20;
  const Layout layout = (data[0] & 1) ? Layout::CHW : Layout::HWC;
  (void)decodeNpyImage(data + 1, size - 1, limits, std::nullopt, layout);
  return 0;
}
