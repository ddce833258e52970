// A typed array plus its shape → a raster, as wandb.Image builds one from a
// numpy array or torch tensor.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "array/normalize.h"
#include "base/error.h"
#include "base/layout.h"
#include "base/raster.h"

namespace imagefield {

struct ArrayImageOptions {
  std::vector<std::int64_t> shape;
  Layout layout = Layout::HWC;
  bool normalize = true;
  std::optional<Mode> mode;      // explicit mode: read naturally, then convert
  std::string fileType = "png";  // only steers guessMode (jpg/jpeg drop alpha)
};

// Order of checks: fileType, shape against the data length, then pixels.
Result<Raster> rasterFromArray(const TypedView& data, const ArrayImageOptions& options);

}  // namespace imagefield
