// libFuzzer target: validation of user JSON metadata (bounding-box layers and
// class sets) under small JsonLimits. The first byte picks the validator. Any
// exception escaping a validator is a finding: nlohmann reports type errors
// by throwing, and in Wasm an escaping exception would cross into JS.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wandb/boxes.h"
#include "wandb/classes.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  using namespace imagefield;
  JsonLimits limits;
  limits.maxBytes = 1 << 20;
  limits.maxDepth = 64;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] & 1) {
    (void)validateClasses(text, limits);
  } else {
    (void)validateBoxesLayer("predictions", text, limits);
  }
  return 0;
}
