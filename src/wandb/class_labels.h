// Internal: the class_labels map of boxes and masks layers ({id: name}).
#pragma once
#include <cstdint>
#include <string>

#include "wandb/json_document.h"

namespace imagefield {

// An object whose keys are integers (JSON keys are strings: "0", "-3") and
// whose values are strings; `where` names it in messages. Keys come back in
// canonical decimal form.
Result<nlohmann::json> readClassLabels(const nlohmann::json& value, ErrorCode code, const std::string& where);

// Whole JSON numbers that fit an int32; 2.0 counts, 2.5 does not.
bool readInteger(const nlohmann::json& value, std::int64_t& out);

}  // namespace imagefield
