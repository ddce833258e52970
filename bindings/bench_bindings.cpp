// Linked into the bench module only (build/wasm/bench, never web/wasm): one
// pass of a kernel on memory the caller allocated with allocInput, with no
// copies, so bench/ can time the kernel against the floor.
#include <emscripten/bind.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "array/normalize.h"
#include "array/pixel_kernels.h"

namespace {

using namespace imagefield;

// kind "floor": floorF32ToBytes; "kernel": the whole CHW float32 → RGB
// normalization rasterFromArray does (scan, convert, interleave); "scan" and
// "convert" its two passes alone.
double jsBenchKernel(std::string kind, double inAddress, double outAddress, double channels, double height,
                     double width) {
  const auto* in = reinterpret_cast<const float*>(static_cast<std::uintptr_t>(inAddress));
  auto* out = reinterpret_cast<std::uint8_t*>(static_cast<std::uintptr_t>(outAddress));
  const std::size_t c = std::size_t(channels), h = std::size_t(height), w = std::size_t(width);
  if (kind == "floor") {
    kernels::floorF32ToBytes(in, c * h * w, out);
    return out[0];
  }
  if (kind == "scan") return kernels::scanF32(in, c * h * w).max;
  if (kind == "convert") {
    kernels::f32PlanesToPixels(in, h * w, c, kernels::F32Rule::ShiftSigned, out);
    return out[0];
  }
  const std::vector<std::uint8_t> pixels = planarF32ToPixels(in, h * w, c, true);
  return pixels.empty() ? 0 : pixels[0];
}

}  // namespace

EMSCRIPTEN_BINDINGS(imagefield_bench) { emscripten::function("benchKernel", &jsBenchKernel); }
