#include "wandb/classes.h"

#include "wandb/class_labels.h"

namespace imagefield {

Result<std::string> validateClasses(std::string_view classesJson, const JsonLimits& limits) {
  auto parsed = parseJsonWithLimits(classesJson, limits, ErrorCode::InvalidClasses, "classes");
  if (!parsed) return parsed.error();
  const nlohmann::json& classes = parsed.value();
  auto invalid = [](const std::string& message) { return makeError(ErrorCode::InvalidClasses, message); };
  if (!classes.is_array()) {
    return invalid("classes must be an array of {id, name}, like [{\"id\": 0, \"name\": \"cat\"}], got " +
                   describeJson(classes));
  }
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const nlohmann::json& entry = classes[i];
    const std::string where = "classes[" + std::to_string(i) + "]";
    if (!entry.is_object()) return invalid(where + " must be an object {id, name}, got " + describeJson(entry));
    std::int64_t id = 0;
    auto idIt = entry.find("id");
    if (idIt == entry.end()) return invalid(where + ".id is missing: each class needs an integer id");
    if (!readInteger(*idIt, id)) return invalid(where + ".id must be an integer, got " + describeJson(*idIt));
    auto nameIt = entry.find("name");
    if (nameIt == entry.end()) return invalid(where + ".name is missing: each class needs a name");
    if (!nameIt->is_string()) return invalid(where + ".name must be a string, got " + describeJson(*nameIt));
    out.push_back({{"id", id}, {"name", *nameIt}});
  }
  return dumpJson(out);
}

}  // namespace imagefield
