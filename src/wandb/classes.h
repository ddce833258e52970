// wandb.Classes: the class set of an image, [{id, name}, ...].
#pragma once
#include <string>
#include <string_view>

#include "base/error.h"
#include "wandb/json_limits.h"

namespace imagefield {

// Each entry is {"id": integer, "name": string}; errors are invalid_classes
// naming the entry index and field. Returns the list as compact JSON, in order.
Result<std::string> validateClasses(std::string_view classesJson, const JsonLimits& limits = {});

}  // namespace imagefield
