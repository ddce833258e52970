// The field's `type="tensor"` value: the raster as a model input, made by
// core.toTensor with the field's tensorOptions (in the field's Worker, like
// the rest of its pixel work), and how the tensor's pixel coordinates map
// back onto that raster, so the boxes a model gives in tensor space land on
// the picture the field shows.

// Where height and width sit in `dims` for each layout.
const SPATIAL_AXES = { nchw: [2, 3], nhwc: [1, 2], chw: [1, 2], hwc: [0, 1] };

/**
 * Tensor pixel (x, y) → image pixel ((x − left) / scaleX, (y − top) / scaleY),
 * or null when the tensor keeps no way back (a centre crop's offsets).
 * A letterbox placed the whole image (resized or not) at width × height
 * from (left, top); without one the image was resized to the tensor's size.
 */
export function tensorToImage(raster, options, tensor) {
  if (options?.crop !== undefined && options?.crop !== null) return null;
  const { width, height } = raster;
  const placed = tensor.letterbox;
  if (placed) return { scaleX: placed.width / width, scaleY: placed.height / height, left: placed.left, top: placed.top };
  const [heightAxis, widthAxis] = SPATIAL_AXES[options?.layout ?? 'nchw'];
  return { scaleX: tensor.dims[widthAxis] / width, scaleY: tensor.dims[heightAxis] / height, left: 0, top: 0 };
}

/** `{ tensor, toImage }`: core.toTensor's result as it is, and its mapping (tensorToImage). */
export function rasterToTensor(core, raster, options) {
  const tensor = core.toTensor(raster, options ?? undefined);
  return { tensor, toImage: tensorToImage(raster, options, tensor) };
}
