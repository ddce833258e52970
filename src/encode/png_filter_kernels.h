// PNG's five row filters (None, Sub, Up, Average, Paeth) on 8-bit samples.
// Each kernel has a portable scalar body (the reference, and all a native or
// non-SIMD build compiles) and, when the core is built with -msimd128, a Wasm
// SIMD body for the bulk of the row that gives the same bytes and costs.
// `bpp` is the distance in bytes to the pixel on the left (1..4);
// `above` is the previous row (all zeros for the first row); pointers need
// no alignment.
#pragma once
#include <cstddef>
#include <cstdint>

namespace imagefield::png {

enum class Filter : std::uint8_t { None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4 };
constexpr int kFilterCount = 5;

// For each filter (indexed by its type byte), the sum over the row of the
// residuals read as signed bytes, |int8|: the usual "minimum sum of absolute
// differences" estimate of how well a filtered row will compress.
struct FilterCosts {
  std::uint64_t cost[kFilterCount];
};
FilterCosts filterCosts(const std::uint8_t* row, const std::uint8_t* above, std::size_t n, int bpp);

// The row filtered with `filter`, n bytes to `out` (which must not overlap the inputs).
void filterRow(Filter filter, const std::uint8_t* row, const std::uint8_t* above, std::size_t n, int bpp,
               std::uint8_t* out);

// The filter with the smallest cost; the lowest type wins a tie.
Filter cheapestFilter(const FilterCosts& costs);

}  // namespace imagefield::png
