// wandb's 2-D bounding box layers ("boxes2D"), validated with wandb's rules.
#pragma once
#include <string>
#include <string_view>

#include "base/error.h"
#include "wandb/json_limits.h"

namespace imagefield {

struct BoxesLayer {
  // The layer's file: {"box_data": [...], "class_labels": {...}}, compact JSON.
  std::string fileJson;
  // {"<id>": "<name>"}: the given class_labels, or class_<id> for each class_id used.
  std::string classLabelsJson;
};

// layerJson is one layer: {"box_data": [box...], "class_labels"?: {id: name}}.
// A box has "position" as {minX, maxX, minY, maxY} or {middle: [x, y], width,
// height} (numbers), and optionally "class_id" (integer), "box_caption"
// (string), "scores" (string → number) and "domain" (string: "pixel" for pixel
// coordinates, anything else for fractions of the image). Errors are
// invalid_boxes naming the layer, the box index and the field.
Result<BoxesLayer> validateBoxesLayer(std::string_view layerName, std::string_view layerJson,
                                      const JsonLimits& limits = {});

}  // namespace imagefield
