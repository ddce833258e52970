#include "resize/number_text.h"

#include <cmath>
#include <cstdint>

namespace imagefield {

std::string numberText(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  const bool negative = value < 0;
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e15) return negative ? "-1e15 or less" : "1e15 or more";
  const auto scaled = std::uint64_t(std::llround(magnitude * 1e6));
  std::string text = std::to_string(scaled / 1000000);
  std::string fraction = std::to_string(scaled % 1000000);
  fraction.insert(0, 6 - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) text += "." + fraction;
  return (negative && scaled != 0 ? "-" : "") + text;
}

}  // namespace imagefield
