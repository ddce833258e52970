// The one place that decides what kind of input a value is. The core's
// array reader, the Worker bridge (what crosses as it is) and the field's
// pipeline all ask here, so "is this a tensor?" has one answer.

/** An ImageData (where the platform has the type). */
export function isImageData(value) {
  return typeof ImageData !== 'undefined' && value instanceof ImageData;
}

/** {width, height, data: typed array}: a raster or an ImageData, mode not checked. */
export function isRasterLike(value) {
  return !!value && typeof value === 'object' && Number.isInteger(value.width) && Number.isInteger(value.height)
    && ArrayBuffer.isView(value.data);
}

/** A typed or number array, or an object carrying one (data/dataSync): what the array readers take. */
export function isArrayInput(value) {
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  if (Array.isArray(value)) return true;
  return !!value && typeof value === 'object' && (typeof value.dataSync === 'function' || 'data' in value);
}

/**
 * What a value is, as every layer reads it:
 * 'empty' (null/undefined), 'imagedata', 'raster' ({width, height, mode, data}),
 * 'blob' (Blob or File), 'url' (string or URL), 'array' (typed or number
 * array, {data, shape}, onnxruntime-web {data, dims}, tfjs tensor), 'unknown'.
 */
export function inputKind(value) {
  if (value === null || value === undefined) return 'empty';
  if (isImageData(value)) return 'imagedata';
  if (isRasterLike(value) && typeof value.mode === 'string') return 'raster';
  if (typeof Blob !== 'undefined' && value instanceof Blob) return 'blob';
  if (typeof value === 'string' || value instanceof URL) return 'url';
  if (isArrayInput(value)) return 'array';
  return 'unknown';
}

/**
 * An array input taken apart: its data (a typed array, a number array, or what
 * a tfjs tensor's dataSync() gives) and the shape it carries, if any (`dims`
 * of onnxruntime-web, `shape` of tfjs and of {data, shape}, or a `shape`
 * property set on a typed array).
 */
export function arrayParts(value) {
  if (ArrayBuffer.isView(value) || Array.isArray(value)) return { data: value, shape: value.shape };
  if (typeof value.dataSync === 'function') return { data: value.dataSync(), shape: value.shape };
  return { data: value.data, shape: value.dims ?? value.shape };
}
