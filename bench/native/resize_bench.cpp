// Native -O3 timings of the resize and toTensor cases bench/tensor-rows.js
// runs in Wasm, printed as one JSON object for bench/run.js.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "resize/resize.h"
#include "tensor/tensor.h"

using namespace imagefield;

namespace {

// A smooth picture with fine noise, 4000×3000 RGB (convolution speed does not
// depend on the content, only on the sizes).
Raster photoLike(std::uint32_t width, std::uint32_t height) {
  Raster r;
  r.width = width;
  r.height = height;
  r.mode = Mode::RGB;
  r.data.resize(std::size_t(width) * height * 3);
  std::uint32_t state = 1;
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x) {
      state = state * 1664525u + 1013904223u;
      const std::size_t i = (std::size_t(y) * width + x) * 3;
      r.data[i] = std::uint8_t((x * 255 / width + (state >> 28)) & 255);
      r.data[i + 1] = std::uint8_t((y * 255 / height + (state >> 24 & 15)) & 255);
      r.data[i + 2] = std::uint8_t(((x + y) * 127 / (width + height) + (state >> 20 & 15)) & 255);
    }
  }
  return r;
}

template <class F>
double medianMs(F&& run, int runs) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main() {
  const Raster photo = photoLike(4000, 3000);
  ResizeOptions resizeOptions;
  resizeOptions.width = 1000;
  resizeOptions.height = 750;
  resizeOptions.filter = ResizeFilter::Bicubic;
  const double resizeMs = medianMs([&] { (void)resize(photo, resizeOptions); }, 7);
  TensorOptions imagenet;
  imagenet.resizeShorter = 256;
  imagenet.crop = std::array<std::int64_t, 2>{224, 224};
  imagenet.mean = {0.485, 0.456, 0.406};
  imagenet.std = {0.229, 0.224, 0.225};
  const double tensorMs = medianMs([&] { (void)toTensor(photo, imagenet); }, 7);
  std::printf("{\"resizeBicubic4000x3000to1000x750Ms\": %.3f, \"toTensorImagenetMs\": %.3f}\n", resizeMs, tensorMs);
  return 0;
}
