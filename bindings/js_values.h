// What every binding file shares: results as {ok, value} |
// {ok: false, code, message}, typed arrays copied in and out, and the JS
// shapes of a raster, an element type and an array shape.
#pragma once
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "array/normalize.h"
#include "base/error.h"
#include "base/mode.h"
#include "base/raster.h"

namespace imagefield::js {

using emscripten::val;

val success(val value);
val failure(ErrorCode code, const std::string& message);
val failure(const Error& error);

// No exception may cross into JS: there it would arrive as a bare number.
template <class F>
val guarded(F&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return failure(ErrorCode::TooLarge, "out of Wasm memory; the image or array is too large for this page");
  } catch (...) {
    return failure(ErrorCode::InvalidArgument, "unexpected failure inside the core");
  }
}

template <class T>
std::vector<T> copyIn(const val& typedArray) {
  const auto n = typedArray["length"].as<std::size_t>();
  std::vector<T> out(n);
  if (n) val(emscripten::typed_memory_view(n, out.data())).call<void>("set", typedArray);
  return out;
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

// Copies a typed array of element type `dtype` (parsed by the caller, who
// knows which error an unknown name is) into Wasm memory and runs `use` on a
// view of it.
template <class F>
val withTypedInput(const val& data, DType dtype, F&& use) {
  auto run = [&](auto copy) { return use(TypedView{dtype, copy.values.get(), copy.length}); };
  switch (dtype) {
    case DType::U8: return run(copyInUninitialized<std::uint8_t>(data));
    case DType::I8: return run(copyInUninitialized<std::int8_t>(data));
    case DType::U16: return run(copyInUninitialized<std::uint16_t>(data));
    case DType::I16: return run(copyInUninitialized<std::int16_t>(data));
    case DType::U32: return run(copyInUninitialized<std::uint32_t>(data));
    case DType::I32: return run(copyInUninitialized<std::int32_t>(data));
    case DType::F32: return run(copyInUninitialized<float>(data));
    case DType::F64: return run(copyInUninitialized<double>(data));
  }
  return failure(ErrorCode::InvalidArgument, "unsupported element type");
}

template <class T>
val copyOut(const T* data, std::size_t n, const char* arrayType) {
  return val::global(arrayType).new_(emscripten::typed_memory_view(n, data));
}

val bytesOut(const std::vector<std::uint8_t>& bytes);

// Raster in an 8-bit mode (what decoding a file gives) → {width, height, mode, data}.
val rasterOut(const Raster& raster);

// Raster in any mode → {width, height, mode, data, palette?}: I and F data as
// Int32Array / Float32Array, the rest as bytes, a P raster with its palette.
val rasterOutAnyMode(const Raster& raster);

// {width, height, mode, bytes, palette?}, its field types checked by the JS
// wrapper and its data turned into a byte view there → a validated raster.
Result<Raster> rasterIn(const val& js);

// A JS array of numbers → array dimensions.
std::vector<std::int64_t> shapeIn(const val& shape);

}  // namespace imagefield::js
