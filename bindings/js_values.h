// Embind helpers shared by the binding files: results as {ok, value} |
// {ok: false, code, message}, typed arrays copied in and out, rasters.
#pragma once
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <new>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/mode.h"
#include "base/raster.h"

namespace imagefield::js {

using emscripten::val;

inline val success(val value) {
  val out = val::object();
  out.set("ok", true);
  out.set("value", value);
  return out;
}

inline val failure(const std::string& code, const std::string& message) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", code);
  out.set("message", message);
  return out;
}

inline val failure(const Error& error) { return failure(errorCodeName(error.code), error.message); }

// No exception may cross into JS: there it would arrive as a bare number.
template <class F>
val guarded(F&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return failure("too_large", "out of Wasm memory; the image or array is too large for this page");
  } catch (...) {
    return failure("invalid_argument", "unexpected failure inside the core");
  }
}

template <class T>
std::vector<T> copyIn(const val& typedArray) {
  const auto n = typedArray["length"].as<std::size_t>();
  std::vector<T> out(n);
  if (n) val(emscripten::typed_memory_view(n, out.data())).call<void>("set", typedArray);
  return out;
}

inline val bytesOut(const std::vector<std::uint8_t>& bytes) {
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(bytes.size(), bytes.data()));
}

// Raster in an 8-bit mode (what decoding a file gives) → {width, height, mode, data}.
inline val rasterOut(const Raster& raster) {
  val out = val::object();
  out.set("width", raster.width);
  out.set("height", raster.height);
  out.set("mode", std::string(modeName(raster.mode)));
  out.set("data", bytesOut(raster.data));
  return out;
}

}  // namespace imagefield::js
