// NumPy .npy files (format versions 1.0, 2.0 and 3.0) → a typed array and its shape.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "array/normalize.h"
#include "base/error.h"

namespace imagefield {

struct NpyLimits {
  std::size_t maxHeaderBytes = 65535;  // numpy itself writes a few hundred bytes at most
  std::size_t maxDims = 8;
  std::uint64_t maxElements = 1ull << 28;
};

struct NpyArray {
  DType dtype;                      // b1 arrives as U8 holding 0 or 1
  std::vector<std::int64_t> shape;  // C order, whatever order the file used
  std::vector<double> storage;      // holds the elements, native-endian; double for alignment
  std::size_t length = 0;           // element count
  TypedView view() const { return TypedView{dtype, storage.data(), length}; }
};

// Accepted dtypes: u1 i1 u2 i2 u4 i4 f4 f8 b1, little- or big-endian ('<', '>',
// '|', '='); fortran_order True is transposed to C order. Anything malformed is
// decode_failed naming what is wrong; valid files of other dtypes (i8, f2,
// complex, structured, object) are unsupported_file; oversized ones too_large.
Result<NpyArray> parseNpy(const std::uint8_t* bytes, std::size_t size, const NpyLimits& limits = {});

}  // namespace imagefield
