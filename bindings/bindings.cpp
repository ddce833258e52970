// Embind adapters: JS values in, JS values out, nothing else.
//
// Every function returns either {ok: true, value} or {ok: false, code,
// message}; the JS wrapper turns the latter into ImageFieldError. Exceptions
// never cross into JS (there they would arrive as bare numbers and leak), so
// each entry point catches everything, allocation failures included.
// Typed arrays are copied in with one TypedArray.set into a view of Wasm
// memory and copied out into fresh arrays, so no JS value ever points into
// Wasm memory that may move when it grows.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "array/array_image.h"
#include "array/normalize.h"
#include "array/pixel_kernels.h"
#include "base/layout.h"
#include "convert/convert.h"
#include "convert/watermark.h"
#include "decode/decode.h"
#include "decode_input_hook.h"
#include "encode/encode.h"
#include "js_values.h"

using emscripten::val;

// A weak definition: the test-hooks module links a strong one.
__attribute__((weak)) void imagefield::js::inspectDecodeInput(const std::vector<std::uint8_t>&) {}

namespace {

using namespace imagefield;

// Results, copies, rasters, element types and shapes: js_values.h.
using js::copyIn;
using js::copyOut;
using js::failure;
using js::guarded;
using js::rasterOutAnyMode;
using js::success;
using js::withTypedInput;

// RGBA bytes for an ImageData: the core converts, JS wraps the fresh array.
val rasterToRgbaJs(const Raster& raster) {
  Result<Raster> rgba = raster.mode == Mode::RGBA ? Result<Raster>(raster) : convert(raster, Mode::RGBA);
  if (!rgba) return failure(rgba.error());
  val out = val::object();
  out.set("width", rgba.value().width);
  out.set("height", rgba.value().height);
  out.set("data", copyOut(rgba.value().data.data(), rgba.value().data.size(), "Uint8ClampedArray"));
  return success(out);
}

val unsupportedDType(const std::string& dtype) {
  return failure(ErrorCode::InvalidArgument, "unsupported element type " + dtype);
}

val unknownMode(const std::string& name) {
  return failure(ErrorCode::InvalidMode, "mode \"" + name + "\" is not one of " + modeNameList());
}

Layout layoutFromJs(const val& name) { return parseLayout(name.as<std::string>()).value_or(Layout::HWC); }

// Zero-copy input: the wrapper asks for a buffer, hands the caller a typed
// array view on it, and passes the address back; it never reaches user code.
double jsAllocInput(double bytes) {
  void* p = std::malloc(static_cast<std::size_t>(bytes) ? static_cast<std::size_t>(bytes) : 1);
  return static_cast<double>(reinterpret_cast<std::uintptr_t>(p));
}

void jsReleaseInput(double address) { std::free(reinterpret_cast<void*>(static_cast<std::uintptr_t>(address))); }

std::optional<TypedView> viewAt(double address, double length, const std::string& dtypeName) {
  const auto dtype = parseDType(dtypeName);
  if (!dtype) return std::nullopt;
  return TypedView{*dtype, reinterpret_cast<const void*>(static_cast<std::uintptr_t>(address)),
                   static_cast<std::size_t>(length)};
}

val jsToUint8At(double address, double length, std::string dtype, bool normalize) {
  return guarded([&] {
    const auto view = viewAt(address, length, dtype);
    if (!view) return unsupportedDType(dtype);
    const std::vector<std::uint8_t> bytes = toUint8(*view, normalize);
    return success(copyOut(bytes.data(), bytes.size(), "Uint8Array"));
  });
}

val jsSimdEnabled() { return val(kernels::simdEnabled()); }

val jsToUint8(val data, std::string dtype, bool normalize) {
  return guarded([&] {
    const auto parsed = parseDType(dtype);
    if (!parsed) return unsupportedDType(dtype);
    return withTypedInput(data, *parsed, [&](const TypedView& view) {
      const std::vector<std::uint8_t> bytes = toUint8(view, normalize);
      return success(copyOut(bytes.data(), bytes.size(), "Uint8Array"));
    });
  });
}

val jsGuessMode(val shape, std::string layout, std::string fileType) {
  return guarded([&] {
    auto resolved = resolveShape(js::shapeIn(shape), layoutFromJs(val(layout)));
    if (!resolved) return failure(resolved.error());
    return success(val(std::string(modeName(guessMode(resolved.value(), fileType)))));
  });
}

val fromArrayView(const TypedView& view, const val& options) {
  ArrayImageOptions opts;
  opts.shape = js::shapeIn(options["shape"]);
  opts.layout = layoutFromJs(options["layout"]);
  opts.normalize = options["normalize"].as<bool>();
  opts.fileType = options["fileType"].as<std::string>();
  if (!options["mode"].isNull()) {
    const auto name = options["mode"].as<std::string>();
    opts.mode = parseMode(name);
    if (!opts.mode) return unknownMode(name);
  }
  auto raster = rasterFromArray(view, opts);
  if (!raster) return failure(raster.error());
  if (options["output"].as<std::string>() == "imagedata") return rasterToRgbaJs(raster.value());
  return success(rasterOutAnyMode(raster.value()));
}

val jsFromArrayAt(double address, double length, std::string dtype, val options) {
  return guarded([&] {
    const auto view = viewAt(address, length, dtype);
    if (!view) return unsupportedDType(dtype);
    return fromArrayView(*view, options);
  });
}

val jsToRgba(val raster) {
  return guarded([&] {
    auto input = js::rasterIn(raster);
    if (!input) return failure(input.error());
    return rasterToRgbaJs(input.value());
  });
}

val jsFromArray(val data, std::string dtype, val options) {
  return guarded([&] {
    const auto parsed = parseDType(dtype);
    if (!parsed) return unsupportedDType(dtype);
    return withTypedInput(data, *parsed, [&](const TypedView& view) { return fromArrayView(view, options); });
  });
}

val jsDecode(val bytes, val options) {
  return guarded([&] {
    DecodeLimits limits;
    limits.maxFileBytes = static_cast<std::uint64_t>(options["maxFileBytes"].as<double>());
    limits.maxAxis = static_cast<std::uint32_t>(options["maxAxis"].as<double>());
    limits.maxPixels = static_cast<std::uint64_t>(options["maxPixels"].as<double>());
    limits.maxDecodeBytes = static_cast<std::uint64_t>(options["maxDecodeBytes"].as<double>());
    std::optional<Mode> mode;
    if (!options["mode"].isNull()) {
      const auto name = options["mode"].as<std::string>();
      mode = parseMode(name);
      if (!mode) return unknownMode(name);
    }
    // Checked before copying so an oversized file never reaches Wasm memory.
    const auto size = bytes["length"].as<double>();
    if (size > double(limits.maxFileBytes)) {
      return failure(ErrorCode::TooLarge, "the file has " + std::to_string(std::uint64_t(size)) +
                                      " bytes, above the limit of " + std::to_string(limits.maxFileBytes) +
                                      " (maxFileBytes)");
    }
    const std::vector<std::uint8_t> input = copyIn<std::uint8_t>(bytes);
    js::inspectDecodeInput(input);
    auto raster = decodeImage(input.data(), input.size(), limits, mode, layoutFromJs(options["layout"]),
                              options["exifTranspose"].as<bool>());
    return raster ? success(rasterOutAnyMode(raster.value())) : failure(raster.error());
  });
}

val jsEncode(val raster, val options) {
  return guarded([&] {
    auto input = js::rasterIn(raster);
    if (!input) return failure(input.error());
    EncodeOptions opts;
    opts.format = options["format"].as<std::string>();
    opts.quality = options["quality"].as<int>();
    opts.compression = options["compression"].as<int>();
    opts.stbDeflate = options["deflate"].as<std::string>() == "stb";
    opts.palette = options["palette"].as<bool>();
    auto bytes = encodeImage(input.value(), opts);
    return bytes ? success(copyOut(bytes.value().data(), bytes.value().size(), "Uint8Array")) : failure(bytes.error());
  });
}

val jsConvert(val raster, std::string modeName) {
  return guarded([&] {
    auto input = js::rasterIn(raster);
    if (!input) return failure(input.error());
    const auto mode = parseMode(modeName);
    if (!mode) return unknownMode(modeName);
    auto out = convert(input.value(), *mode);
    return out ? success(rasterOutAnyMode(out.value())) : failure(out.error());
  });
}

val jsWatermark(val raster, val mark, val options) {
  return guarded([&] {
    auto base = js::rasterIn(raster);
    if (!base) return failure(base.error());
    auto stamp = js::rasterIn(mark);
    if (!stamp) return failure(stamp.error());
    WatermarkPlacement placement;
    const auto anchor = options["anchor"].as<std::string>();
    if (anchor == "point") {
      placement.anchor = Anchor::Point;
      placement.x = static_cast<std::int64_t>(options["x"].as<double>());
      placement.y = static_cast<std::int64_t>(options["y"].as<double>());
    } else {
      const auto parsed = parseAnchor(anchor);
      if (!parsed) return failure(ErrorCode::InvalidArgument, "watermark position \"" + anchor + "\" is not a corner");
      placement.anchor = *parsed;
    }
    placement.margin = static_cast<std::int64_t>(options["margin"].as<double>());
    auto out = applyWatermark(base.value(), stamp.value(), placement);
    return out ? success(rasterOutAnyMode(out.value())) : failure(out.error());
  });
}

val jsDefaultLimits() {
  const DecodeLimits defaults;
  val out = val::object();
  out.set("maxFileBytes", double(defaults.maxFileBytes));
  out.set("maxAxis", double(defaults.maxAxis));
  out.set("maxPixels", double(defaults.maxPixels));
  out.set("maxDecodeBytes", double(defaults.maxDecodeBytes));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(imagefield) {
  emscripten::function("toUint8", &jsToUint8);
  emscripten::function("guessMode", &jsGuessMode);
  emscripten::function("fromArray", &jsFromArray);
  emscripten::function("fromArrayAt", &jsFromArrayAt);
  emscripten::function("toUint8At", &jsToUint8At);
  emscripten::function("allocInput", &jsAllocInput);
  emscripten::function("releaseInput", &jsReleaseInput);
  emscripten::function("toRgba", &jsToRgba);
  emscripten::function("simdEnabled", &jsSimdEnabled);
  emscripten::function("decode", &jsDecode);
  emscripten::function("encode", &jsEncode);
  emscripten::function("convert", &jsConvert);
  emscripten::function("watermark", &jsWatermark);
  emscripten::function("defaultLimits", &jsDefaultLimits);
}
