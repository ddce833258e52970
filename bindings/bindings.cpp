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

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "array/array_image.h"
#include "convert/convert.h"
#include "decode/decode.h"
#include "encode/encode.h"
#include "js_values.h"
#include "base/layout.h"
#include "array/normalize.h"
#include "array/pixel_kernels.h"
#include "convert/watermark.h"

using emscripten::val;

#ifdef IMAGEFIELD_TEST_HOOKS
#include <malloc.h>

// Test builds only (never web/wasm): every C++ object and container buffer is
// counted as it is created and destroyed, so the leak tests can check that no
// call leaves anything alive. Plain malloc (stb's pixels, input buffers) is
// covered by the heap-in-use figure instead.
namespace {
std::int64_t liveAllocations = 0;
std::int64_t allocationsMade = 0;
}
void* operator new(std::size_t size) {
  void* block = std::malloc(size ? size : 1);
  if (!block) throw std::bad_alloc();
  ++liveAllocations;
  ++allocationsMade;
  return block;
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* block) noexcept {
  if (!block) return;
  --liveAllocations;
  std::free(block);
}
void operator delete[](void* block) noexcept { operator delete(block); }
void operator delete(void* block, std::size_t) noexcept { operator delete(block); }
void operator delete[](void* block, std::size_t) noexcept { operator delete(block); }
#endif

namespace {

using namespace imagefield;

// Result and copy helpers shared with image_bindings.cpp.
using js::copyIn;
using js::failure;
using js::guarded;
using js::success;

template <class T>
val copyOut(const T* data, std::size_t n, const char* arrayType) {
  return val::global(arrayType).new_(emscripten::typed_memory_view(n, data));
}

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

val rasterToJs(const Raster& raster) {
  val out = val::object();
  out.set("width", raster.width);
  out.set("height", raster.height);
  out.set("mode", std::string(modeName(raster.mode)));
  const std::size_t pixels = std::size_t(raster.width) * raster.height;
  if (raster.mode == Mode::I) {
    out.set("data", copyOut(reinterpret_cast<const std::int32_t*>(raster.data.data()), pixels, "Int32Array"));
  } else if (raster.mode == Mode::F) {
    out.set("data", copyOut(reinterpret_cast<const float*>(raster.data.data()), pixels, "Float32Array"));
  } else {
    out.set("data", copyOut(raster.data.data(), raster.data.size(), "Uint8Array"));
  }
  if (raster.mode == Mode::P) out.set("palette", copyOut(raster.palette.data(), raster.palette.size(), "Uint8Array"));
  return out;
}

// The wrapper has checked field types and turned data into a byte view.
Result<Raster> rasterFromJs(const val& js) {
  Raster raster;
  const auto mode = parseMode(js["mode"].as<std::string>());
  if (!mode) {
    return makeError(ErrorCode::InvalidMode, "raster mode \"" + js["mode"].as<std::string>() +
                                                 "\" is not one of " + modeNameList());
  }
  raster.width = js["width"].as<std::uint32_t>();
  raster.height = js["height"].as<std::uint32_t>();
  raster.mode = *mode;
  raster.data = copyIn<std::uint8_t>(js["bytes"]);
  if (!js["palette"].isUndefined() && !js["palette"].isNull()) raster.palette = copyIn<std::uint8_t>(js["palette"]);
  if (auto invalid = validateRaster(raster)) return *invalid;
  return raster;
}

// A typed array copied into Wasm memory without zero-filling it first (the
// copy overwrites every element; a zeroed std::vector would write it twice).
template <class T>
struct InputCopy {
  std::unique_ptr<T[]> values;
  std::size_t length;
};

template <class T>
InputCopy<T> copyInUninitialized(const val& typedArray) {
  const auto n = typedArray["length"].as<std::size_t>();
  InputCopy<T> out{std::unique_ptr<T[]>(new T[n ? n : 1]), n};
  if (n) val(emscripten::typed_memory_view(n, out.values.get())).call<void>("set", typedArray);
  return out;
}

// Copies a typed array of the named dtype into Wasm memory and runs `use` on a view of it.
template <class F>
val withTypedInput(const val& data, const std::string& dtypeName, F&& use) {
  const auto dtype = parseDType(dtypeName);
  if (!dtype) return failure("invalid_argument", "unsupported element type " + dtypeName);
  auto run = [&](auto copy) { return use(TypedView{*dtype, copy.values.get(), copy.length}); };
  switch (*dtype) {
    case DType::U8: return run(copyInUninitialized<std::uint8_t>(data));
    case DType::I8: return run(copyInUninitialized<std::int8_t>(data));
    case DType::U16: return run(copyInUninitialized<std::uint16_t>(data));
    case DType::I16: return run(copyInUninitialized<std::int16_t>(data));
    case DType::U32: return run(copyInUninitialized<std::uint32_t>(data));
    case DType::I32: return run(copyInUninitialized<std::int32_t>(data));
    case DType::F32: return run(copyInUninitialized<float>(data));
    case DType::F64: return run(copyInUninitialized<double>(data));
  }
  return failure("invalid_argument", "unsupported element type " + dtypeName);
}

std::vector<std::int64_t> shapeFromJs(const val& shape) {
  std::vector<std::int64_t> dims;
  const auto n = shape["length"].as<std::size_t>();
  for (std::size_t i = 0; i < n; ++i) dims.push_back(static_cast<std::int64_t>(shape[i].as<double>()));
  return dims;
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
    if (!view) return failure("invalid_argument", "unsupported element type " + dtype);
    const std::vector<std::uint8_t> bytes = toUint8(*view, normalize);
    return success(copyOut(bytes.data(), bytes.size(), "Uint8Array"));
  });
}

// For bench/ only: runs one pass on memory the caller allocated with
// allocInput, with no copies, so JS can time the kernel against the floor.
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

val jsSimdEnabled() { return val(kernels::simdEnabled()); }

val jsToUint8(val data, std::string dtype, bool normalize) {
  return guarded([&] {
    return withTypedInput(data, dtype, [&](const TypedView& view) {
      const std::vector<std::uint8_t> bytes = toUint8(view, normalize);
      return success(copyOut(bytes.data(), bytes.size(), "Uint8Array"));
    });
  });
}

val jsGuessMode(val shape, std::string layout, std::string fileType) {
  return guarded([&] {
    auto resolved = resolveShape(shapeFromJs(shape), layoutFromJs(val(layout)));
    if (!resolved) return failure(resolved.error());
    return success(val(std::string(modeName(guessMode(resolved.value(), fileType)))));
  });
}

val fromArrayView(const TypedView& view, const val& options) {
  ArrayImageOptions opts;
  opts.shape = shapeFromJs(options["shape"]);
  opts.layout = layoutFromJs(options["layout"]);
  opts.normalize = options["normalize"].as<bool>();
  opts.fileType = options["fileType"].as<std::string>();
  if (!options["mode"].isNull()) {
    const auto name = options["mode"].as<std::string>();
    opts.mode = parseMode(name);
    if (!opts.mode) return failure("invalid_mode", "mode \"" + name + "\" is not one of " + modeNameList());
  }
  auto raster = rasterFromArray(view, opts);
  if (!raster) return failure(raster.error());
  if (options["output"].as<std::string>() == "imagedata") return rasterToRgbaJs(raster.value());
  return success(rasterToJs(raster.value()));
}

val jsFromArrayAt(double address, double length, std::string dtype, val options) {
  return guarded([&] {
    const auto view = viewAt(address, length, dtype);
    if (!view) return failure("invalid_argument", "unsupported element type " + dtype);
    return fromArrayView(*view, options);
  });
}

val jsToRgba(val raster) {
  return guarded([&] {
    auto input = rasterFromJs(raster);
    if (!input) return failure(input.error());
    return rasterToRgbaJs(input.value());
  });
}

val jsFromArray(val data, std::string dtype, val options) {
  return guarded([&] {
    return withTypedInput(data, dtype, [&](const TypedView& view) { return fromArrayView(view, options); });
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
      if (!mode) return failure("invalid_mode", "mode \"" + name + "\" is not one of " + modeNameList());
    }
    // Checked before copying so an oversized file never reaches Wasm memory.
    const auto size = bytes["length"].as<double>();
    if (size > double(limits.maxFileBytes)) {
      return failure("too_large", "the file has " + std::to_string(std::uint64_t(size)) +
                                      " bytes, above the limit of " + std::to_string(limits.maxFileBytes) +
                                      " (maxFileBytes)");
    }
    const std::vector<std::uint8_t> input = copyIn<std::uint8_t>(bytes);
#ifdef IMAGEFIELD_TEST_HOOKS
    // Test builds only (never web/wasm): a real trap on demand, so the tests
    // of trap containment exercise the same path a decoder bug would take.
    auto startsWith = [&](const char* text) {
      const std::size_t n = std::char_traits<char>::length(text);
      return input.size() >= n && std::equal(text, text + n, input.begin());
    };
    if (startsWith("imagefield:test-trap")) __builtin_trap();
    if (startsWith("imagefield:test-hang")) {
      for (volatile bool spinning = true; spinning;) {
      }
    }
#endif
    auto raster = decodeImage(input.data(), input.size(), limits, mode, layoutFromJs(options["layout"]));
    return raster ? success(rasterToJs(raster.value())) : failure(raster.error());
  });
}

val jsEncode(val raster, val options) {
  return guarded([&] {
    auto input = rasterFromJs(raster);
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
    auto input = rasterFromJs(raster);
    if (!input) return failure(input.error());
    const auto mode = parseMode(modeName);
    if (!mode) return failure("invalid_mode", "mode \"" + modeName + "\" is not one of " + modeNameList());
    auto out = convert(input.value(), *mode);
    return out ? success(rasterToJs(out.value())) : failure(out.error());
  });
}

val jsWatermark(val raster, val mark, val options) {
  return guarded([&] {
    auto base = rasterFromJs(raster);
    if (!base) return failure(base.error());
    auto stamp = rasterFromJs(mark);
    if (!stamp) return failure(stamp.error());
    WatermarkPlacement placement;
    const auto anchor = options["anchor"].as<std::string>();
    if (anchor == "point") {
      placement.anchor = Anchor::Point;
      placement.x = static_cast<std::int64_t>(options["x"].as<double>());
      placement.y = static_cast<std::int64_t>(options["y"].as<double>());
    } else {
      const auto parsed = parseAnchor(anchor);
      if (!parsed) return failure("invalid_argument", "watermark position \"" + anchor + "\" is not a corner");
      placement.anchor = *parsed;
    }
    placement.margin = static_cast<std::int64_t>(options["margin"].as<double>());
    auto out = applyWatermark(base.value(), stamp.value(), placement);
    return out ? success(rasterToJs(out.value())) : failure(out.error());
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

#ifdef IMAGEFIELD_TEST_HOOKS
val jsTestHeapCounters() {
  val out = val::object();
  out.set("liveAllocations", double(liveAllocations));
  out.set("allocationsMade", double(allocationsMade));
  out.set("heapBytesInUse", double(mallinfo().uordblks));
  return out;
}
#endif

}  // namespace

EMSCRIPTEN_BINDINGS(imagefield) {
#ifdef IMAGEFIELD_TEST_HOOKS
  emscripten::function("testHeapCounters", &jsTestHeapCounters);
#endif
  emscripten::function("toUint8", &jsToUint8);
  emscripten::function("guessMode", &jsGuessMode);
  emscripten::function("fromArray", &jsFromArray);
  emscripten::function("fromArrayAt", &jsFromArrayAt);
  emscripten::function("toUint8At", &jsToUint8At);
  emscripten::function("allocInput", &jsAllocInput);
  emscripten::function("releaseInput", &jsReleaseInput);
  emscripten::function("toRgba", &jsToRgba);
  emscripten::function("simdEnabled", &jsSimdEnabled);
  emscripten::function("benchKernel", &jsBenchKernel);
  emscripten::function("decode", &jsDecode);
  emscripten::function("encode", &jsEncode);
  emscripten::function("convert", &jsConvert);
  emscripten::function("watermark", &jsWatermark);
  emscripten::function("defaultLimits", &jsDefaultLimits);
}
