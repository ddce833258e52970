#include "array/array_image.h"

#include "convert/convert.h"
#include "encode/encode_format.h"

namespace imagefield {

Result<Raster> rasterFromArray(const TypedView& data, const ArrayImageOptions& options) {
  auto format = parseEncodeFormat(options.fileType);
  if (!format) return format.error();
  auto shape = resolveShape(options.shape, options.layout, data.length);
  if (!shape) return shape.error();
  const ImageShape& s = shape.value();

  Raster raster;
  raster.width = static_cast<std::uint32_t>(s.width);
  raster.height = static_cast<std::uint32_t>(s.height);
  raster.mode = *naturalMode(s.channels);
  const bool planar = s.layout == Layout::CHW && s.channels > 1;
  if (planar && data.dtype == DType::F32) {
    // The common model output: one pass from float planes to pixels.
    raster.data = planarF32ToPixels(static_cast<const float*>(data.data), s.height * s.width, s.channels,
                                    options.normalize);
  } else {
    // Normalizing before interleaving: the rule depends only on the global
    // min/max, and moving bytes is cheaper than moving floats.
    std::vector<std::uint8_t> bytes = toUint8(data, options.normalize);
    raster.data = planar ? planarToInterleaved(bytes.data(), s) : std::move(bytes);
  }

  const Mode target = options.mode ? *options.mode : guessMode(s, options.fileType);
  if (target == raster.mode) return raster;
  return convert(raster, target);
}

}  // namespace imagefield
