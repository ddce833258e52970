// libFuzzer target: arbitrary bytes through decodeImage with small limits, so
// the fuzzer spends its time in parsers rather than in big allocations. The
// first byte picks an optional target mode, which also runs the conversions,
// whether EXIF orientation applies, and a JPEG quality: every decoded raster is encoded as a JPEG too, so
// libjpeg-turbo's compressor sees every mode and many odd sizes.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "base/mode.h"
#include "decode/decode.h"
#include "encode/encode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  using namespace imagefield;
  static constexpr const char* kModes[] = {nullptr, "L", "LA", "RGB", "RGBA", "P", "1", "CMYK", "YCbCr", "LAB",
                                           "HSV", "I", "F"};
  std::optional<Mode> mode;
  if (const char* name = kModes[data[0] % (sizeof kModes / sizeof kModes[0])]) mode = parseMode(name);

  DecodeLimits limits;
  limits.maxFileBytes = 1 << 20;
  limits.maxAxis = 4096;
  limits.maxPixels = 1 << 20;
  limits.maxDecodeBytes = 64 << 20;
  // Odd first bytes also turn JPEGs by their EXIF orientation, so the EXIF reader sees every APP1.
  auto result = decodeImage(data + 1, size - 1, limits, mode, Layout::HWC, (data[0] & 1) != 0);
  if (result) {
    const Raster& r = result.value();
    // A raster that lies about its size is a bug even without a memory error.
    if (validateRaster(r)) __builtin_trap();
    EncodeOptions jpeg;
    jpeg.format = "jpeg";
    jpeg.quality = 1 + data[0] % 100;
    // Every valid raster within these limits has a JPEG file.
    auto file = encodeImage(r, jpeg);
    if (!file || file.value().size() < 4 || file.value()[0] != 0xFF || file.value()[1] != 0xD8 ||
        file.value()[file.value().size() - 2] != 0xFF || file.value().back() != 0xD9) {
      __builtin_trap();
    }
  }
  return 0;
}
