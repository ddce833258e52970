// Internal: parsing user JSON with nlohmann/json under JsonLimits. Only the few
// translation units that validate annotations include this header, which keeps
// nlohmann's templates out of the rest of the core (and the Wasm small).
//
// nlohmann reports type errors by throwing; callers check types with is_*()
// before reading and never use at()/get<>() on unchecked values.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/error.h"
#include "wandb/json_limits.h"

namespace imagefield {

// Checks size, then builds the document in one pass that stops at the first
// level deeper than the limit. `what` names the input in messages.
Result<nlohmann::json> parseJsonWithLimits(std::string_view text, const JsonLimits& limits, ErrorCode code,
                                           const std::string& what);

// The JSON text of a value: compact, keys sorted, invalid UTF-8 replaced.
std::string dumpJson(const nlohmann::json& value);

// How a value is described in messages: its JSON, shortened.
std::string describeJson(const nlohmann::json& value);

}  // namespace imagefield
