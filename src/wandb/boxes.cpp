#include "wandb/boxes.h"

#include <optional>
#include <set>

#include "wandb/class_labels.h"

namespace imagefield {
namespace {

using nlohmann::json;

Error invalid(const std::string& message) { return makeError(ErrorCode::InvalidBoxes, message); }

bool isNumber(const json& box, const char* field) {
  auto it = box.find(field);
  return it != box.end() && it->is_number();
}

std::optional<Error> checkPosition(const json& position, const std::string& where) {
  if (!position.is_object()) {
    return invalid(where + " must be an object: {minX, maxX, minY, maxY} or {middle: [x, y], width, height}, got " +
                   describeJson(position));
  }
  if (position.contains("middle")) {
    const json& middle = position["middle"];
    if (!middle.is_array() || middle.size() != 2 || !middle[0].is_number() || !middle[1].is_number()) {
      return invalid(where + ".middle must be [x, y] (two numbers), got " + describeJson(middle));
    }
    for (const char* field : {"width", "height"}) {
      if (!isNumber(position, field)) {
        return invalid(where + "." + field + " must be a number (with middle, the box needs width and height)");
      }
    }
    return std::nullopt;
  }
  for (const char* field : {"minX", "maxX", "minY", "maxY"}) {
    if (!isNumber(position, field)) {
      return invalid(where + "." + field + " must be a number (a position is {minX, maxX, minY, maxY} or " +
                     "{middle: [x, y], width, height})");
    }
  }
  return std::nullopt;
}

std::optional<Error> checkBox(const json& box, const std::string& where, std::set<std::int64_t>& classIds) {
  if (!box.is_object()) return invalid(where + " must be an object with a position, got " + describeJson(box));
  auto position = box.find("position");
  if (position == box.end()) {
    return invalid(where + ".position is missing: each box needs {minX, maxX, minY, maxY} or " +
                   "{middle: [x, y], width, height}");
  }
  if (auto error = checkPosition(*position, where + ".position")) return error;
  if (auto it = box.find("class_id"); it != box.end()) {
    std::int64_t id = 0;
    if (!readInteger(*it, id)) return invalid(where + ".class_id must be an integer, got " + describeJson(*it));
    classIds.insert(id);
  }
  if (auto it = box.find("box_caption"); it != box.end() && !it->is_string()) {
    return invalid(where + ".box_caption must be a string, got " + describeJson(*it));
  }
  if (auto it = box.find("domain"); it != box.end() && !it->is_string()) {
    return invalid(where + ".domain must be a string (\"pixel\" for pixel coordinates), got " + describeJson(*it));
  }
  if (auto it = box.find("scores"); it != box.end()) {
    if (!it->is_object()) return invalid(where + ".scores must be an object of name → number, got " + describeJson(*it));
    for (auto score = it->begin(); score != it->end(); ++score) {
      if (!score.value().is_number()) {
        return invalid(where + ".scores[\"" + score.key() + "\"] must be a number, got " + describeJson(score.value()));
      }
    }
  }
  return std::nullopt;
}

}  // namespace

Result<BoxesLayer> validateBoxesLayer(std::string_view layerName, std::string_view layerJson,
                                      const JsonLimits& limits) {
  const std::string where = "boxes[\"" + std::string(layerName) + "\"]";
  auto parsed = parseJsonWithLimits(layerJson, limits, ErrorCode::InvalidBoxes, where);
  if (!parsed) return parsed.error();
  const json& layer = parsed.value();
  if (!layer.is_object()) {
    return invalid(where + " must be an object {box_data: [...], class_labels?: {...}}, got " + describeJson(layer));
  }
  auto boxes = layer.find("box_data");
  if (boxes == layer.end()) return invalid(where + ".box_data is missing: a layer needs a list of boxes");
  if (!boxes->is_array()) return invalid(where + ".box_data must be an array of boxes, got " + describeJson(*boxes));

  std::set<std::int64_t> classIds;
  for (std::size_t i = 0; i < boxes->size(); ++i) {
    if (auto error = checkBox((*boxes)[i], where + ".box_data[" + std::to_string(i) + "]", classIds)) return *error;
  }
  json labels;
  if (auto given = layer.find("class_labels"); given != layer.end()) {
    auto read = readClassLabels(*given, ErrorCode::InvalidBoxes, where + ".class_labels");
    if (!read) return read.error();
    labels = std::move(read.value());
  } else {
    labels = json::object();
    for (std::int64_t id : classIds) labels[std::to_string(id)] = "class_" + std::to_string(id);
  }
  json file = json::object();
  file["box_data"] = *boxes;
  file["class_labels"] = labels;
  return BoxesLayer{dumpJson(file), dumpJson(labels)};
}

}  // namespace imagefield
