#include "wandb/class_labels.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace imagefield {

bool readInteger(const nlohmann::json& value, std::int64_t& out) {
  constexpr double lo = std::numeric_limits<std::int32_t>::min(), hi = std::numeric_limits<std::int32_t>::max();
  if (value.is_number_integer()) {
    // number_unsigned is also is_number_integer; compare in double to cover both.
    const double v = value.is_number_unsigned() ? double(value.get_ref<const nlohmann::json::number_unsigned_t&>())
                                                : double(value.get_ref<const nlohmann::json::number_integer_t&>());
    if (v < lo || v > hi) return false;
    out = std::int64_t(v);
    return true;
  }
  if (value.is_number_float()) {
    const double v = value.get_ref<const nlohmann::json::number_float_t&>();
    if (!std::isfinite(v) || v != std::floor(v) || v < lo || v > hi) return false;
    out = std::int64_t(v);
    return true;
  }
  return false;
}

Result<nlohmann::json> readClassLabels(const nlohmann::json& value, ErrorCode code, const std::string& where) {
  if (!value.is_object()) {
    return makeError(code, where + " must be an object of class id → name, like {\"0\": \"cat\"}, got " +
                               describeJson(value));
  }
  nlohmann::json labels = nlohmann::json::object();
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string& key = it.key();
    char* end = nullptr;
    const long long id = key.empty() ? 0 : std::strtoll(key.c_str(), &end, 10);
    if (key.empty() || *end != '\0' || id < std::numeric_limits<std::int32_t>::min() ||
        id > std::numeric_limits<std::int32_t>::max()) {
      return makeError(code, where + " key \"" + key + "\" is not an integer class id");
    }
    if (!it.value().is_string()) {
      return makeError(code, where + "[\"" + key + "\"] must be a string (the class name), got " +
                                 describeJson(it.value()));
    }
    labels[std::to_string(id)] = it.value();
  }
  return labels;
}

}  // namespace imagefield
