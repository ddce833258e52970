// Checks a raster (or an ImageData) passed by the user and presents it to the
// core as bytes, so the C++ side receives one well-typed shape of object.
import { ImageFieldError } from './error.js';
import { isImageData } from './input-kind.js';

const MODES = ['1', 'L', 'LA', 'P', 'RGB', 'RGBA', 'CMYK', 'YCbCr', 'LAB', 'HSV', 'I', 'F'];

/**
 * @param {any} raster `{width, height, mode, data, palette?}` or an ImageData (RGBA)
 * @returns {{width:number, height:number, mode:string, bytes:Uint8Array, palette?:Uint8Array}}
 */
export function rasterToCore(raster, what = 'raster') {
  if (!raster || typeof raster !== 'object') {
    throw new ImageFieldError('invalid_argument',
      `${what} is ${raster === null ? 'null' : typeof raster}; pass {width, height, mode, data} or an ImageData`);
  }
  const mode = raster.mode ?? (isImageData(raster) ? 'RGBA' : undefined);
  const { width, height, data } = raster;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new ImageFieldError('invalid_shape',
      `${what} is ${width}x${height}; width and height must be integers of at least 1`);
  }
  if (typeof mode !== 'string' || !MODES.includes(mode)) {
    throw new ImageFieldError('invalid_mode', `${what} mode ${JSON.stringify(mode)} is not one of ${MODES.join(', ')}`);
  }
  if (!ArrayBuffer.isView(data)) {
    throw new ImageFieldError('invalid_argument', `${what}.data must be a typed array (Uint8Array for 8-bit modes)`);
  }
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = { width, height, mode, bytes };
  if (raster.palette !== undefined && raster.palette !== null) {
    if (!ArrayBuffer.isView(raster.palette)) {
      throw new ImageFieldError('invalid_argument', `${what}.palette must be a Uint8Array of RGB triplets`);
    }
    out.palette = raster.palette;
  }
  return out;
}
