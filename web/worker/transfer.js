// How values cross between the page and a Worker: plain objects, typed
// arrays and Blobs as the structured clone carries them, with the buffers
// moved instead of copied where the sender gives them up. Chromium copies an
// ImageData's pixels even when its buffer is in the transfer list, so an
// ImageData crosses taken apart and is put together again on the other side
// (new ImageData(array, w, h) does not copy).
import { arrayParts, inputKind, isImageData } from '../core/input-kind.js';

const IMAGE_DATA = 'imagefield.ImageData';

/** `value` with every ImageData in it taken apart (objects and arrays are walked, a level at a time). */
export function pack(value, depth = 0) {
  if (isImageData(value)) return { [IMAGE_DATA]: true, width: value.width, height: value.height, data: value.data };
  if (depth > 4 || !value || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  if (Array.isArray(value)) return typeof value[0] === 'object' ? value.map((item) => pack(item, depth + 1)) : value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) out[key] = pack(item, depth + 1);
  return out;
}

/** The inverse of pack(): every taken-apart ImageData rebuilt, sharing its pixels. */
export function unpack(value, depth = 0, seen = new Map()) {
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > 4) return value;
  if (value[IMAGE_DATA]) {
    // The same pixels packed twice (a value that is also what the preview shows) stay one ImageData.
    if (!seen.has(value.data)) seen.set(value.data, new ImageData(value.data, value.width, value.height));
    return seen.get(value.data);
  }
  if (Array.isArray(value)) return typeof value[0] === 'object' ? value.map((item) => unpack(item, depth + 1, seen)) : value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) out[key] = unpack(item, depth + 1, seen);
  return out;
}

/**
 * Every buffer (and VideoFrame, ImageBitmap) in `value`, each once, for
 * postMessage's transfer list. Buffers of Wasm memory and shared buffers are
 * never listed.
 */
export function transferables(value, found = new Set(), depth = 0) {
  if (!value || typeof value !== 'object' || depth > 5) return [...found];
  if (value instanceof ArrayBuffer) found.add(value);
  else if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if ((typeof VideoFrame !== 'undefined' && value instanceof VideoFrame)
    || (typeof ImageBitmap !== 'undefined' && value instanceof ImageBitmap)) {
    found.add(value);
  } else if (Array.isArray(value)) {
    if (typeof value[0] === 'object') for (const item of value) transferables(item, found, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) transferables(item, found, depth + 1);
  }
  return [...found];
}

/**
 * An array input as it can cross to a Worker: tensors of other libraries do
 * not (tfjs keeps its data behind dataSync(), a typed array's `shape` is an
 * expando property the structured clone drops), plain {data, shape} does.
 * Other values are returned as they are.
 */
export function crossable(value) {
  if (inputKind(value) !== 'array') return value;
  const { data, shape } = arrayParts(value);
  return shape === undefined ? data : { data, shape };
}
