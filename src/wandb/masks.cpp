#include "wandb/masks.h"

#include <cmath>

#include "decode/decode.h"
#include "encode/encode.h"
#include "wandb/class_labels.h"

namespace imagefield {
namespace {

Error invalid(const std::string& message) { return makeError(ErrorCode::InvalidMask, message); }

// Whole numbers as integers, others as JSON writes them (no printf in the Wasm).
std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return dumpJson(nlohmann::json(v));
}

template <class T>
std::optional<Error> copyClassIds(const T* values, std::size_t n, std::uint8_t* out, const std::string& where) {
  for (std::size_t i = 0; i < n; ++i) {
    const double v = double(values[i]);
    if (!(v >= 0 && v <= 255) || v != std::floor(v)) {
      return invalid(where + ".mask_data[" + std::to_string(i) + "] is " +
                     number(v) +
                     "; mask data must be integers between 0 and 255 (class ids)");
    }
    out[i] = std::uint8_t(v);
  }
  return std::nullopt;
}

std::optional<Error> readClassIds(const TypedView& data, std::uint8_t* out, const std::string& where) {
  switch (data.dtype) {
    case DType::U8: return copyClassIds(static_cast<const std::uint8_t*>(data.data), data.length, out, where);
    case DType::I8: return copyClassIds(static_cast<const std::int8_t*>(data.data), data.length, out, where);
    case DType::U16: return copyClassIds(static_cast<const std::uint16_t*>(data.data), data.length, out, where);
    case DType::I16: return copyClassIds(static_cast<const std::int16_t*>(data.data), data.length, out, where);
    case DType::U32: return copyClassIds(static_cast<const std::uint32_t*>(data.data), data.length, out, where);
    case DType::I32: return copyClassIds(static_cast<const std::int32_t*>(data.data), data.length, out, where);
    case DType::F32: return copyClassIds(static_cast<const float*>(data.data), data.length, out, where);
    case DType::F64: return copyClassIds(static_cast<const double*>(data.data), data.length, out, where);
  }
  return invalid(where + ".mask_data has an unknown element type");
}

Result<std::string> labelsFor(const std::vector<std::uint8_t>& values, std::string_view classLabelsJson,
                              const std::string& where, const JsonLimits& limits) {
  if (!classLabelsJson.empty()) {
    auto parsed = parseJsonWithLimits(classLabelsJson, limits, ErrorCode::InvalidMask, where + ".class_labels");
    if (!parsed) return parsed.error();
    auto labels = readClassLabels(parsed.value(), ErrorCode::InvalidMask, where + ".class_labels");
    if (!labels) return labels.error();
    return dumpJson(labels.value());
  }
  bool present[256] = {};
  for (std::uint8_t v : values) present[v] = true;
  nlohmann::json labels = nlohmann::json::object();
  for (int id = 0; id < 256; ++id) {
    if (present[id]) labels[std::to_string(id)] = "class_" + std::to_string(id);
  }
  return dumpJson(labels);
}

}  // namespace

Result<MaskLayer> prepareMaskLayer(std::string_view layerName, const TypedView& data,
                                   const std::vector<std::int64_t>& shape, std::string_view classLabelsJson,
                                   std::uint32_t width, std::uint32_t height, const JsonLimits& limits) {
  const std::string where = "masks[\"" + std::string(layerName) + "\"]";
  std::string dims = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) dims += (i ? "," : "") + std::to_string(shape[i]);
  dims += "]";
  if (shape.size() != 2) return invalid(where + ".mask_data must be a 2-D array [height, width], got shape " + dims);
  if (shape[0] != std::int64_t(height) || shape[1] != std::int64_t(width)) {
    return invalid(where + ".mask_data has shape " + dims + " but the image is " + std::to_string(height) + "x" +
                   std::to_string(width) + " (height x width); a mask needs one class id per pixel");
  }
  if (data.length != std::size_t(width) * height) {
    return invalid(where + ".mask_data has " + std::to_string(data.length) + " elements, shape " + dims + " needs " +
                   std::to_string(std::size_t(width) * height));
  }
  MaskLayer layer;
  layer.values.resize(data.length);
  if (auto error = readClassIds(data, layer.values.data(), where)) return *error;
  auto labels = labelsFor(layer.values, classLabelsJson, where, limits);
  if (!labels) return labels.error();
  layer.classLabelsJson = std::move(labels.value());
  Raster raster;
  raster.width = width;
  raster.height = height;
  raster.mode = Mode::L;
  raster.data = layer.values;
  auto png = encodeImage(raster);
  if (!png) return png.error();
  layer.png = std::move(png.value());
  return layer;
}

Result<MaskLayer> readMaskFile(std::string_view layerName, const std::uint8_t* bytes, std::size_t size,
                               std::string_view classLabelsJson, std::uint32_t width, std::uint32_t height,
                               const JsonLimits& limits) {
  const std::string where = "masks[\"" + std::string(layerName) + "\"]";
  if (sniffFormat(bytes, size) != FileFormat::PNG) return invalid(where + " file is not a PNG");
  auto raster = decodeImage(bytes, size);
  if (!raster) return invalid(where + " file cannot be read: " + raster.error().message);
  const Raster& r = raster.value();
  if (r.mode != Mode::L) {
    return invalid(where + " file is " + modeName(r.mode) + "; a mask file is an 8-bit grayscale (L) PNG");
  }
  if (r.width != width || r.height != height) {
    return invalid(where + " file is " + std::to_string(r.width) + "x" + std::to_string(r.height) +
                   " but the image is " + std::to_string(width) + "x" + std::to_string(height));
  }
  MaskLayer layer;
  layer.values = r.data;
  auto labels = labelsFor(layer.values, classLabelsJson, where, limits);
  if (!labels) return labels.error();
  layer.classLabelsJson = std::move(labels.value());
  layer.png.assign(bytes, bytes + size);
  return layer;
}

}  // namespace imagefield
