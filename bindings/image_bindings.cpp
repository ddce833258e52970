// Embind adapters for wandb.Image parity: stateless functions over plain
// values. The JS Image class keeps every piece of state; nothing here
// outlives a call.
#include <string>

#include "js_values.h"
#include "wandb/boxes.h"
#include "wandb/classes.h"
#include "wandb/image_record.h"
#include "wandb/json_limits.h"
#include "wandb/mask_overlay.h"
#include "wandb/masks.h"
#include "wandb/sha256.h"

using emscripten::val;

namespace {

using namespace imagefield;
using namespace imagefield::js;

// JSON arrives as UTF-8 bytes (a file read back is hashed and parsed as it
// is); its size is checked before anything is copied into Wasm memory.
Result<std::string> jsonTextIn(const val& utf8, const std::string& what) {
  const JsonLimits limits;
  const auto size = utf8["length"].as<double>();
  if (size > double(limits.maxBytes)) {
    return makeError(ErrorCode::TooLarge, what + " is " + std::to_string(std::uint64_t(size)) +
                                              " bytes of JSON, above the limit of " + std::to_string(limits.maxBytes));
  }
  const std::vector<std::uint8_t> bytes = copyIn<std::uint8_t>(utf8);
  return std::string(bytes.begin(), bytes.end());
}

val imageFileOut(const ImageFile& file) {
  val out = val::object();
  out.set("bytes", bytesOut(file.bytes));
  out.set("format", file.format);
  out.set("sha256", file.sha256);
  out.set("raster", rasterOut(file.raster));
  return out;
}

val jsImageFileType(std::string name) {
  return guarded([&] {
    auto format = parseImageFileType(name);
    return format ? success(val(name)) : failure(format.error());
  });
}

// raster: {width, height, mode, bytes, palette?} checked by the JS side.
val jsImageFromRaster(val raster, std::string fileType) {
  return guarded([&] {
    auto format = parseImageFileType(fileType);
    if (!format) return failure(format.error());
    auto input = rasterIn(raster);
    if (!input) return failure(input.error());
    auto file = imageFileFromRaster(input.value(), fileType);
    return file ? success(imageFileOut(file.value())) : failure(file.error());
  });
}

val jsImageFromBytes(val bytes, std::string layout, std::string fileType) {
  return guarded([&] {
    auto format = parseImageFileType(fileType);
    if (!format) return failure(format.error());
    const DecodeLimits limits;
    if (bytes["length"].as<double>() > double(limits.maxFileBytes)) {
      return failure(ErrorCode::TooLarge, "the file is above the limit of " + std::to_string(limits.maxFileBytes) + " bytes");
    }
    const std::vector<std::uint8_t> input = copyIn<std::uint8_t>(bytes);
    auto file = imageFileFromBytes(input.data(), input.size(), limits,
                                   parseLayout(layout).value_or(Layout::HWC), fileType);
    return file ? success(imageFileOut(file.value())) : failure(file.error());
  });
}

val layerOut(const std::vector<std::uint8_t>& file, const std::string& classLabelsJson) {
  val out = val::object();
  out.set("file", bytesOut(file));
  out.set("sha256", sha256Hex(file.data(), file.size()));
  out.set("classLabels", classLabelsJson);
  return out;
}

val jsBoxesLayer(std::string name, val layerJson) {
  return guarded([&] {
    auto text = jsonTextIn(layerJson, "boxes[\"" + name + "\"]");
    if (!text) return failure(text.error());
    auto layer = validateBoxesLayer(name, text.value());
    if (!layer) return failure(layer.error());
    const std::string& json = layer.value().fileJson;
    return success(layerOut(std::vector<std::uint8_t>(json.begin(), json.end()), layer.value().classLabelsJson));
  });
}

val maskOut(const MaskLayer& layer) {
  val out = layerOut(layer.png, layer.classLabelsJson);
  out.set("values", bytesOut(layer.values));
  return out;
}

val jsMaskLayer(std::string name, val data, std::string dtype, val shape, val classLabelsJson,
                std::uint32_t width, std::uint32_t height) {
  return guarded([&] {
    auto labels = jsonTextIn(classLabelsJson, "masks[\"" + name + "\"].class_labels");
    if (!labels) return failure(labels.error());
    const auto parsed = parseDType(dtype);
    if (!parsed) return failure(ErrorCode::InvalidMask, "mask_data has unsupported element type " + dtype);
    return withTypedInput(data, *parsed, [&](const TypedView& view) {
      auto layer = prepareMaskLayer(name, view, shapeIn(shape), labels.value(), width, height);
      return layer ? success(maskOut(layer.value())) : failure(layer.error());
    });
  });
}

val jsMaskFromFile(std::string name, val png, val classLabelsJson, std::uint32_t width, std::uint32_t height) {
  return guarded([&] {
    auto labels = jsonTextIn(classLabelsJson, "masks[\"" + name + "\"].class_labels");
    if (!labels) return failure(labels.error());
    const std::vector<std::uint8_t> bytes = copyIn<std::uint8_t>(png);
    auto layer = readMaskFile(name, bytes.data(), bytes.size(), labels.value(), width, height);
    return layer ? success(maskOut(layer.value())) : failure(layer.error());
  });
}

val jsClasses(val json) {
  return guarded([&] {
    auto text = jsonTextIn(json, "classes");
    if (!text) return failure(text.error());
    auto classes = validateClasses(text.value());
    return classes ? success(val(classes.value())) : failure(classes.error());
  });
}

val jsMaskOverlay(val ids, std::uint32_t width, std::uint32_t height, val colors) {
  return guarded([&] {
    const std::vector<std::uint8_t> idBytes = copyIn<std::uint8_t>(ids);
    const std::vector<std::uint8_t> table = copyIn<std::uint8_t>(colors);
    auto layer = maskOverlay(idBytes.data(), idBytes.size(), width, height, table.data(), table.size());
    return layer ? success(rasterOut(layer.value())) : failure(layer.error());
  });
}

val jsSha256(val bytes) {
  return guarded([&] {
    const std::vector<std::uint8_t> input = copyIn<std::uint8_t>(bytes);
    return success(val(sha256Hex(input.data(), input.size())));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(imagefield_image) {
  emscripten::function("imageFileType", &jsImageFileType);
  emscripten::function("imageFromRaster", &jsImageFromRaster);
  emscripten::function("imageFromBytes", &jsImageFromBytes);
  emscripten::function("boxesLayer", &jsBoxesLayer);
  emscripten::function("maskLayer", &jsMaskLayer);
  emscripten::function("maskFromFile", &jsMaskFromFile);
  emscripten::function("classes", &jsClasses);
  emscripten::function("sha256", &jsSha256);
  emscripten::function("maskOverlay", &jsMaskOverlay);
}
