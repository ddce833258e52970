#include "array_image.h"

#include "convert.h"
#include "encode_format.h"

namespace imagefield {

Result<Raster> rasterFromArray(const TypedView& data, const ArrayImageOptions& options) {
  auto format = parseEncodeFormat(options.fileType);
  if (!format) return format.error();
  auto shape = resolveShape(options.shape, options.layout, data.length);
  if (!shape) return shape.error();
  const ImageShape& s = shape.value();

  // Normalizing before interleaving: the rule depends only on the global
  // min/max, and moving bytes is cheaper than moving floats.
  std::vector<std::uint8_t> bytes = toUint8(data, options.normalize);
  Raster raster;
  raster.width = static_cast<std::uint32_t>(s.width);
  raster.height = static_cast<std::uint32_t>(s.height);
  raster.mode = *naturalMode(s.channels);
  raster.data = (s.layout == Layout::CHW && s.channels > 1) ? planarToInterleaved(bytes.data(), s) : std::move(bytes);

  const Mode target = options.mode ? *options.mode : guessMode(s, options.fileType);
  if (target == raster.mode) return raster;
  return convert(raster, target);
}

}  // namespace imagefield
