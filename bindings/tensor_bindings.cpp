// Embind adapters for resize and toTensor. The JS wrapper has checked the
// types of every field; the core checks their values and names bad ones.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <array>
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
using js::failure;
using js::guarded;
using js::success;

// {width, height, mode, bytes} (a byte view of any raster) → Raster.
Result<Raster> rasterIn(const val& js) {
  const auto name = js["mode"].as<std::string>();
  const auto mode = parseMode(name);
  if (!mode) return makeError(ErrorCode::InvalidMode, "raster mode \"" + name + "\" is not one of " + modeNameList());
  Raster raster;
  raster.width = js["width"].as<std::uint32_t>();
  raster.height = js["height"].as<std::uint32_t>();
  raster.mode = *mode;
  raster.data = copyIn<std::uint8_t>(js["bytes"]);
  if (!js["palette"].isUndefined() && !js["palette"].isNull()) raster.palette = copyIn<std::uint8_t>(js["palette"]);
  if (auto invalid = validateRaster(raster)) return *invalid;
  return raster;
}

template <class T>
val arrayOut(const T* data, std::size_t n, const char* type) {
  return val::global(type).new_(emscripten::typed_memory_view(n, data));
}

// I and F come back as Int32Array / Float32Array, the rest as bytes.
val rasterOut(const Raster& raster) {
  val out = val::object();
  out.set("width", raster.width);
  out.set("height", raster.height);
  out.set("mode", std::string(modeName(raster.mode)));
  const std::size_t pixels = std::size_t(raster.width) * raster.height;
  if (raster.mode == Mode::I) {
    out.set("data", arrayOut(reinterpret_cast<const std::int32_t*>(raster.data.data()), pixels, "Int32Array"));
  } else if (raster.mode == Mode::F) {
    out.set("data", arrayOut(reinterpret_cast<const float*>(raster.data.data()), pixels, "Float32Array"));
  } else {
    out.set("data", arrayOut(raster.data.data(), raster.data.size(), "Uint8Array"));
  }
  if (raster.mode == Mode::P) out.set("palette", arrayOut(raster.palette.data(), raster.palette.size(), "Uint8Array"));
  return out;
}

bool given(const val& v) { return !v.isUndefined() && !v.isNull(); }

std::vector<double> numbers(const val& v) {
  std::vector<double> out;
  if (!given(v)) return out;
  const auto n = v["length"].as<std::size_t>();
  for (std::size_t i = 0; i < n; ++i) out.push_back(v[i].as<double>());
  return out;
}

std::optional<std::array<std::int64_t, 2>> sizePair(const val& v) {
  if (!given(v)) return std::nullopt;
  return std::array<std::int64_t, 2>{std::int64_t(v[0].as<double>()), std::int64_t(v[1].as<double>())};
}

val jsResize(val raster, val options) {
  return guarded([&] {
    auto input = rasterIn(raster);
    if (!input) return failure(input.error());
    const auto filterName = options["filter"].as<std::string>();
    const auto filter = parseResizeFilter(filterName);
    if (!filter) return failure("invalid_argument", "filter \"" + filterName + "\" is not one of " + resizeFilterList());
    ResizeOptions opts;
    const double width = options["width"].as<double>(), height = options["height"].as<double>();
    opts.width = width >= 1 && width <= 4294967295.0 ? std::uint32_t(width) : 0;
    opts.height = height >= 1 && height <= 4294967295.0 ? std::uint32_t(height) : 0;
    opts.filter = *filter;
    if (given(options["box"])) {
      const auto b = numbers(options["box"]);
      opts.box = std::array<double, 4>{b[0], b[1], b[2], b[3]};
    }
    if (given(options["reducingGap"])) opts.reducingGap = options["reducingGap"].as<double>();
    auto out = resize(input.value(), opts);
    return out ? success(rasterOut(out.value())) : failure(out.error());
  });
}

val jsToTensor(val raster, val options) {
  return guarded([&] {
    auto input = rasterIn(raster);
    if (!input) return failure(input.error());
    TensorOptions opts;
    if (given(options["resizeShorter"])) opts.resizeShorter = std::int64_t(options["resizeShorter"].as<double>());
    opts.resizeTo = sizePair(options["resizeTo"]);
    opts.filter = options["filter"].as<std::string>();
    opts.crop = sizePair(options["crop"]);
    opts.letterbox = sizePair(options["letterbox"]);
    opts.letterboxColor = numbers(options["letterboxColor"]);
    if (given(options["scale"])) opts.scale = options["scale"].as<double>();
    opts.mean = numbers(options["mean"]);
    opts.std = numbers(options["std"]);
    opts.channels = options["channels"].as<std::string>();
    opts.layout = options["layout"].as<std::string>();
    opts.dtype = options["dtype"].as<std::string>();
    auto result = toTensor(input.value(), opts);
    if (!result) return failure(result.error());
    const Tensor& t = result.value();
    val out = val::object();
    if (t.type == TensorDType::Float32) {
      out.set("data", arrayOut(t.floats.data(), t.floats.size(), "Float32Array"));
      out.set("type", std::string("float32"));
    } else {
      out.set("data", arrayOut(t.bytes.data(), t.bytes.size(), "Uint8Array"));
      out.set("type", std::string("uint8"));
    }
    val dims = val::array();
    for (std::int64_t d : t.dims) dims.call<void>("push", double(d));
    out.set("dims", dims);
    if (t.letterbox) {
      val box = val::object();
      box.set("scale", t.letterbox->scale);
      box.set("scaleX", t.letterbox->scaleX);
      box.set("scaleY", t.letterbox->scaleY);
      box.set("left", t.letterbox->left);
      box.set("top", t.letterbox->top);
      box.set("width", t.letterbox->width);
      box.set("height", t.letterbox->height);
      out.set("letterbox", box);
    }
    return success(out);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(imagefield_tensor) {
  emscripten::function("resize", &jsResize);
  emscripten::function("toTensor", &jsToTensor);
}
