// A look at the bytes decode() is about to read. The shipped modules link the
// no-op in bindings.cpp; the test-hooks module (test_hook_bindings.cpp)
// replaces it with a trap or a hang on demand, so the containment tests take
// the same path a decoder bug would.
#pragma once
#include <cstdint>
#include <vector>

namespace imagefield::js {

void inspectDecodeInput(const std::vector<std::uint8_t>& input);

}  // namespace imagefield::js
