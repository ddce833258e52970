// Short decimal text of a number for error messages, written without
// printf's float formatting (linking that adds tens of KB to the Wasm module).
#pragma once
#include <string>

namespace imagefield {

// Integers exactly; others with up to 6 decimals, trailing zeros dropped.
std::string numberText(double value);

}  // namespace imagefield
