// Turns whatever the page or the user hands the element into a raster, and a
// raster into the value type the page asked for. Pixels are decoded by the
// browser where it can (EXIF orientation applied) and by the core otherwise
// (through `decoder`, a ContainedDecoder, when one is given);
// mode conversion, watermarking and PNG/BMP encoding are the core's.
import { ImageFieldError } from '../errors.js';
import { isRasterLike } from '../raster-input.js';
import { isSvg, rasterizeSvg, svgRefused } from './svg-source.js';

const BROWSER_FORMATS = { jpeg: 'image/jpeg', webp: 'image/webp' };
const CORE_FORMATS = { png: 'image/png', bmp: 'image/bmp' };
export const FORMATS = [...Object.keys(CORE_FORMATS), ...Object.keys(BROWSER_FORMATS)];
export const VALUE_TYPES = ['array', 'imagedata', 'blob', 'url'];

export function mimeOf(format) {
  return CORE_FORMATS[format] ?? BROWSER_FORMATS[format];
}

export function extensionOf(format) {
  return format === 'jpeg' ? 'jpg' : format;
}

export function tooLarge(what, limit, actual) {
  return new ImageFieldError('too_large', `${what} is ${actual}, over the field's limit of ${limit}; choose a smaller image`);
}

async function browserDecode(blob, maxPixels) {
  const bitmap = await createImageBitmap(blob, {
    imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none',
  });
  try {
    if (maxPixels && bitmap.width * bitmap.height > maxPixels) {
      throw tooLarge('the image', `${maxPixels} pixels`, `${bitmap.width}×${bitmap.height} pixels`);
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(bitmap, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width, height, mode: 'RGBA', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    bitmap.close();
  }
}

/** A tensor file by its name, before reading it. */
export function isNpyName(name) {
  return /\.npy$/i.test(name ?? '');
}

async function isNpy(blob) {
  const head = new Uint8Array(await blob.slice(0, 6).arrayBuffer());
  return head.length === 6 && head[0] === 0x93 && String.fromCharCode(...head.slice(1)) === 'NUMPY';
}

async function isJpeg(blob) {
  const head = new Uint8Array(await blob.slice(0, 3).arrayBuffer());
  return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
}

/**
 * A file's pixels in the field's mode. With mode `none` the core decodes first
 * so the file keeps its own mode (L, LA, RGB, RGBA); otherwise the browser does.
 * @param {Blob} blob
 * @param {{ core: object, mode: string, layout?: string, maxSize?: number, maxPixels?: number,
 *           decoder?: { decode(bytes: Uint8Array, options: object): Promise<object> } | null }} options
 *   decoder: decodes the file's bytes in place of `core` (the element passes a ContainedDecoder)
 *   allowSvg: draw SVG files through an <img> instead of refusing them
 *   onBrowserPixels: given the browser's RGBA pixels of the file, and whether it is a JPEG, before their conversion to `mode`
 */
export async function blobToRaster(blob, { core, mode, layout, maxSize, maxPixels, decoder, allowSvg = false, onBrowserPixels }) {
  if (maxSize && blob.size > maxSize) throw tooLarge('the file', `${maxSize} bytes`, `${blob.size} bytes`);
  if (await isSvg(blob)) {
    if (!allowSvg) throw svgRefused();
    const drawn = await rasterizeSvg(blob, { maxPixels });
    return mode === 'none' ? drawn : core.convert(drawn, mode);
  }
  const options = { mode: mode === 'none' ? undefined : mode, layout: layout || 'hwc' };
  if (maxPixels) options.maxPixels = maxPixels;
  const coreDecode = async () => {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // The bytes are this call's own copy: hand them over rather than copy them again.
    return decoder ? decoder.decode(bytes, { ...options, transfer: true }) : core.decode(bytes, options);
  };
  // Tensor files are the core's alone (wandb's rules, the field's layout).
  if (await isNpy(blob)) return coreDecode();
  if (mode === 'none') {
    let own;
    try {
      own = await coreDecode();
    } catch (error) {
      if (error?.code !== 'unsupported_file') throw error;
      return browserDecode(blob, maxPixels);  // WebP, AVIF...: the browser's mode is RGBA
    }
    if (!(await isJpeg(blob))) return own;
    // JPEGs may carry an EXIF orientation, which only the browser applies: its
    // pixels, in the file's own mode.
    return core.convert(await browserDecode(blob, maxPixels), own.mode);
  }
  let raster;
  try {
    raster = await browserDecode(blob, maxPixels);
  } catch (error) {
    if (error instanceof ImageFieldError) throw error;
    // TGA, PSD or a file the browser refuses: the core decodes it or says why not.
    return coreDecode();
  }
  if (onBrowserPixels) onBrowserPixels(raster, await isJpeg(blob));
  return core.convert(raster, mode);
}

export async function fetchBlob(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ImageFieldError('decode_failed', `the image at ${JSON.stringify(url)} could not be fetched (${error.message})`);
  }
  if (!response.ok) {
    throw new ImageFieldError('decode_failed', `the image at ${JSON.stringify(url)} answered HTTP ${response.status}`);
  }
  return response.blob();
}

export function isArrayInput(value) {
  return ArrayBuffer.isView(value) || Array.isArray(value)
    || (value && typeof value === 'object' && ('dims' in value || 'shape' in value) && ('data' in value || typeof value.dataSync === 'function'));
}

export function invalidValue(value) {
  return new ImageFieldError('invalid_argument',
    'value must be a raster {width, height, mode, data}, an ImageData, a Blob or File, a URL string, '
    + `or a typed array with a shape; got ${value === null ? 'null' : typeof value}`);
}

/** A raster or an ImageData: values that cross to a Worker as they are. */
export function isPixelValue(value) {
  return (typeof ImageData !== 'undefined' && value instanceof ImageData) || (isRasterLike(value) && typeof value.mode === 'string');
}

/**
 * Any accepted value (raster, ImageData, Blob/File, URL string, typed-array
 * tensor with shape) → raster in `mode` (`none`: as it comes).
 * @param {{ core: object, mode: string, layout?: string, maxSize?: number, maxPixels?: number,
 *           decoder?: object | null, allowSvg?: boolean }} options
 */
export async function valueToRaster(value, options) {
  const { core, mode, layout } = options;
  let raster;
  if (typeof ImageData !== 'undefined' && value instanceof ImageData) {
    raster = { width: value.width, height: value.height, mode: 'RGBA', data: new Uint8Array(value.data) };
  } else if (isRasterLike(value) && typeof value.mode === 'string') {
    raster = value;
  } else if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return blobToRaster(value, options);
  } else if (typeof value === 'string' || value instanceof URL) {
    return blobToRaster(await fetchBlob(String(value)), options);
  } else if (isArrayInput(value)) {
    raster = core.fromArray(value, { shape: value.shape ?? value.dims, layout: layout || 'hwc' });
  } else {
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
