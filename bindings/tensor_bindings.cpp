// Embind adapters for resize and toTensor. The JS wrapper has checked the
// types of every field; the core checks their values and names bad ones.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "js_values.h"
#include "resize/resize.h"
#include "tensor/tensor.h"

namespace {

using emscripten::val;
using namespace imagefield;
using js::copyIn;
using js::copyOut;
using js::failure;
using js::guarded;
using js::rasterIn;
using js::rasterOutAnyMode;
using js::success;

// Options arrive flat (one Float64Array of numbers, NaN for "not given",
// and plain strings): one copy instead of a JS property read per field.
// Beyond ±2^53 a double is no integer the wrapper would pass; -1 makes the
// core refuse it as a size instead of an undefined conversion.
std::int64_t toInteger(double v) { return v >= -9007199254740992.0 && v <= 9007199254740992.0 ? std::int64_t(v) : -1; }

struct NumberReader {
  std::vector<double> values;
  std::size_t next = 0;
  double take() { return next < values.size() ? values[next++] : std::nan(""); }
  std::optional<std::array<std::int64_t, 2>> pair() {
    const double a = take(), b = take();
    if (std::isnan(a)) return std::nullopt;
    return std::array<std::int64_t, 2>{toInteger(a), toInteger(b)};
  }
  std::vector<double> list(std::size_t n) {
    std::vector<double> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(take());
    return out;
  }
};

// numbers: [width, height, reducingGap | NaN, box x4 | NaN x4]
val jsResize(val raster, val numbers, std::string filterName) {
  return guarded([&] {
    auto input = rasterIn(raster);
    if (!input) return failure(input.error());
    const auto filter = parseResizeFilter(filterName);
    if (!filter) return failure(ErrorCode::InvalidArgument, "filter \"" + filterName + "\" is not one of " + resizeFilterList());
    NumberReader n{copyIn<double>(numbers)};
    ResizeOptions opts;
    const double width = n.take(), height = n.take(), gap = n.take();
    opts.width = width >= 1 && width <= 4294967295.0 ? std::uint32_t(width) : 0;
    opts.height = height >= 1 && height <= 4294967295.0 ? std::uint32_t(height) : 0;
    opts.filter = *filter;
    if (!std::isnan(gap)) opts.reducingGap = gap;
    const auto box = n.list(4);
    if (!std::isnan(box[0])) opts.box = std::array<double, 4>{box[0], box[1], box[2], box[3]};
    auto out = resize(input.value(), opts);
    return out ? success(rasterOutAnyMode(out.value())) : failure(out.error());
  });
}

val letterboxOut(const LetterboxPlacement& p) {
  val box = val::object();
  box.set("scale", p.scale);
  box.set("scaleX", p.scaleX);
  box.set("scaleY", p.scaleY);
  box.set("left", p.left);
  box.set("top", p.top);
  box.set("width", p.width);
  box.set("height", p.height);
  return box;
}

// numbers: [resizeShorter, resize h, w, crop h, w, letterbox h, w, scale,
//           color count, mean count, std count, colors…, means…, stds…]
// texts: "filter channels layout dtype", space-separated.
val jsToTensor(val raster, val numbers, std::string filter, std::string channels, std::string layout,
               std::string dtype) {
  return guarded([&] {
    auto input = rasterIn(raster);
    if (!input) return failure(input.error());
    NumberReader n{copyIn<double>(numbers)};
    TensorOptions opts;
    const double shorter = n.take();
    if (!std::isnan(shorter)) opts.resizeShorter = toInteger(shorter);
    opts.resizeTo = n.pair();
    opts.crop = n.pair();
    opts.letterbox = n.pair();
    const double scale = n.take();
    if (!std::isnan(scale)) opts.scale = scale;
    // Counts come from the wrapper (array lengths); anything else reads as none.
    auto count = [&] {
      const double v = n.take();
      return v >= 0 && v <= 1024 ? std::size_t(v) : std::size_t(0);
    };
    const std::size_t colors = count(), means = count(), stds = count();
    opts.letterboxColor = n.list(colors);
    opts.mean = n.list(means);
    opts.std = n.list(stds);
    opts.filter = std::move(filter);
    opts.channels = std::move(channels);
    opts.layout = std::move(layout);
    opts.dtype = std::move(dtype);
    auto result = toTensor(input.value(), opts);
    if (!result) return failure(result.error());
    const Tensor& t = result.value();
    val out = val::object();
    const bool floats = t.type == TensorDType::Float32;
    out.set("data", floats ? copyOut(t.floats.data(), t.floats.size(), "Float32Array")
                           : copyOut(t.bytes.data(), t.bytes.size(), "Uint8Array"));
    out.set("type", std::string(floats ? "float32" : "uint8"));
    std::vector<double> dims(t.dims.begin(), t.dims.end());
    out.set("dims", val::global("Array").call<val>("from", copyOut(dims.data(), dims.size(), "Float64Array")));
    if (t.letterbox) out.set("letterbox", letterboxOut(*t.letterbox));
    return success(out);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(imagefield_tensor) {
  emscripten::function("resize", &jsResize);
  emscripten::function("toTensor", &jsToTensor);
}
