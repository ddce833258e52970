// Turns a field's source (a file, pixels, an array) into a raster, and a
// raster into the value type the page asked for. Files are decoded by the
// core where it reads the format (through `decoder`, when one is given on the
// main thread) and by the browser otherwise; mode conversion,
// watermarking and PNG/BMP encoding are the core's. Sources arrive checked
// (size, SVG: file-checks.js) and fetched: no DOM is needed here.
import { ImageFieldError } from '../core/error.js';
import { inputKind } from '../core/input-kind.js';
import { checkPixels, isNpy } from './file-checks.js';

const BROWSER_FORMATS = { jpeg: 'image/jpeg', webp: 'image/webp' };
const CORE_FORMATS = { png: 'image/png', bmp: 'image/bmp' };
export const FORMATS = [...Object.keys(CORE_FORMATS), ...Object.keys(BROWSER_FORMATS)];
export const VALUE_TYPES = ['array', 'imagedata', 'blob', 'url', 'tensor'];

export function mimeOf(format) {
  return CORE_FORMATS[format] ?? BROWSER_FORMATS[format];
}

export function extensionOf(format) {
  return format === 'jpeg' ? 'jpg' : format;
}

async function browserDecode(blob, maxPixels) {
  const bitmap = await createImageBitmap(blob, {
    imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none',
  });
  try {
    checkPixels(bitmap.width, bitmap.height, maxPixels);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(bitmap, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width, height, mode: 'RGBA', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    bitmap.close();
  }
}

/**
 * A file's pixels in the field's mode (`none`: its own mode, L, LA, RGB, RGBA,
 * P...). The core decodes every format it reads, so the pixels are Pillow's
 * in every engine: browsers' decoders draw into a premultiplied canvas, which
 * rounds the colour of every translucent pixel, each engine its own way. The
 * browser decodes the rest (WebP, AVIF...).
 * @param {Blob} blob
 * @param {{ core: object, mode: string, layout?: string, maxPixels?: number,
 *           decoder?: { decode(bytes: Uint8Array, options: object): Promise<object> } | null }} options
 *   decoder: decodes the file's bytes in place of `core` (a page-given decoder on the main thread)
 */
export async function blobToRaster(blob, { core, mode, layout, maxPixels, decoder }) {
  // A JPEG is turned as its EXIF says, as browsers show it (the core's exifTranspose).
  const options = { mode: mode === 'none' ? undefined : mode, layout: layout || 'hwc', exifTranspose: true };
  if (maxPixels) options.maxPixels = maxPixels;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  try {
    // The bytes are this call's own copy: hand them over rather than copy them again.
    return await (decoder ? decoder.decode(bytes, { ...options, transfer: true }) : core.decode(bytes, options));
  } catch (error) {
    if (error?.code !== 'unsupported_file' || await isNpy(blob)) throw error;
    let rgba;
    try {
      rgba = await browserDecode(blob, maxPixels);
    } catch (browserError) {
      // Not an image the browser reads either: the core's error says what is.
      throw browserError instanceof ImageFieldError ? browserError : error;
    }
    return mode === 'none' ? rgba : core.convert(rgba, mode);
  }
}

export function invalidValue(value) {
  return new ImageFieldError('invalid_argument',
    'value must be a raster {width, height, mode, data}, an ImageData, a Blob or File, a URL string, '
    + `or a typed array with a shape; got ${value === null ? 'null' : typeof value}`);
}

/**
 * A source value (raster, ImageData, Blob/File, array with shape) → raster in
 * `mode` (`none`: as it comes). URLs and SVG files were resolved before.
 * @param {{ core: object, mode: string, layout?: string, maxPixels?: number, decoder?: object | null }} options
 */
export async function valueToRaster(value, options) {
  const { core, mode, layout } = options;
  let raster;
  switch (inputKind(value)) {
    case 'imagedata':
      raster = { width: value.width, height: value.height, mode: 'RGBA', data: new Uint8Array(value.data) };
      break;
    case 'raster':
      raster = value;
      break;
    case 'blob':
      return blobToRaster(value, options);
    case 'array':
      raster = core.fromArray(value, { shape: value.shape ?? value.dims, layout: layout || 'hwc' });
      break;
    default:
      throw invalidValue(value);
  }
  return mode === 'none' ? core.convert(raster, raster.mode) : core.convert(raster, mode);
}

/** Raster → RGBA ImageData for display and for `type="imagedata"`. */
export function rasterToImageData(core, raster) {
  let rgba;
  try {
    rgba = core.convert(raster, 'RGBA');
  } catch {
    rgba = core.convert(core.convert(raster, 'L'), 'RGBA');  // I and F go through L, as Pillow shows them
  }
  return new ImageData(new Uint8ClampedArray(rgba.data.buffer, rgba.data.byteOffset, rgba.data.byteLength), rgba.width, rgba.height);
}

/** Raster → encoded Blob: PNG/BMP by the core, JPEG/WebP by the browser's encoder. */
export async function rasterToBlob(core, raster, format) {
  if (CORE_FORMATS[format]) {
    return new Blob([core.encode(raster, { format })], { type: CORE_FORMATS[format] });
  }
  if (!BROWSER_FORMATS[format]) {
    throw new ImageFieldError('invalid_format', `format ${JSON.stringify(format)} is not one of ${FORMATS.join(', ')}`);
  }
  const canvas = new OffscreenCanvas(raster.width, raster.height);
  canvas.getContext('2d').putImageData(rasterToImageData(core, raster), 0, 0);
  return canvas.convertToBlob({ type: BROWSER_FORMATS[format], quality: 0.9 });
}

/**
 * The raster as the page's `type`. `url` values are object URLs the caller
 * owns and must revoke (the element revokes its own when the value changes).
 */
export async function rasterToValue(core, raster, type, format) {
  switch (type) {
    case 'imagedata': return rasterToImageData(core, raster);
    case 'blob': return rasterToBlob(core, raster, format);
    case 'url': return URL.createObjectURL(await rasterToBlob(core, raster, format));
    default: return raster;
  }
}
