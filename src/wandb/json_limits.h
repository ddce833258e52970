// Caps on JSON read from users, so hostile input cannot exhaust memory or the stack.
#pragma once
#include <cstddef>

namespace imagefield {

struct JsonLimits {
  std::size_t maxBytes = 16u << 20;  // text size
  std::size_t maxDepth = 64;         // nested objects and arrays
};

}  // namespace imagefield
