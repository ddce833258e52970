#include "js_values.h"

namespace imagefield::js {

val success(val value) {
  val out = val::object();
  out.set("ok", true);
  out.set("value", value);
  return out;
}

val failure(ErrorCode code, const std::string& message) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", std::string(errorCodeName(code)));
  out.set("message", message);
  return out;
}

val failure(const Error& error) { return failure(error.code, error.message); }

val bytesOut(const std::vector<std::uint8_t>& bytes) { return copyOut(bytes.data(), bytes.size(), "Uint8Array"); }

val rasterOut(const Raster& raster) {
  val out = val::object();
  out.set("width", raster.width);
  out.set("height", raster.height);
  out.set("mode", std::string(modeName(raster.mode)));
  out.set("data", bytesOut(raster.data));
  return out;
}

val rasterOutAnyMode(const Raster& raster) {
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
    out.set("data", bytesOut(raster.data));
  }
  if (raster.mode == Mode::P) out.set("palette", bytesOut(raster.palette));
  return out;
}

Result<Raster> rasterIn(const val& js) {
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

std::vector<std::int64_t> shapeIn(const val& shape) {
  std::vector<std::int64_t> dims;
  const auto n = shape["length"].as<std::size_t>();
  for (std::size_t i = 0; i < n; ++i) dims.push_back(static_cast<std::int64_t>(shape[i].as<double>()));
  return dims;
}

}  // namespace imagefield::js
