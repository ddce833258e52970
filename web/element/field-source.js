// A field's source made ready for the pipeline, on the page: the one place
// where a URL is fetched, a file's size and SVG-ness are checked (SVG drawn
// through an <img>, which needs the DOM) and a tensor is made plain, before
// the pixel work runs — in the Worker, or on the main thread without one.
import { inputKind } from '../core/input-kind.js';
import { checkFileSize, isSvg, svgRefused } from '../pipeline/file-checks.js';
import { invalidValue } from '../pipeline/value-adapter.js';
import { crossable } from '../worker/transfer.js';
import { rasterizeSvg } from './sources/svg-source.js';
import { fetchBlob } from './sources/url-source.js';

/**
 * @param {{ value?: any, frame?: object, mirror?: boolean, keepFile?: boolean }} source
 * @param {{ maxSize?: number, maxPixels?: number, allowSvg?: boolean }} limits
 * @param {AbortSignal} [signal]
 * @returns {Promise<{ source: object, transfer: Transferable[] }>} the buffers listed are the field's own copies
 */
export async function prepareSource(source, { maxSize, maxPixels, allowSvg }, signal) {
  if (source.frame) {
    const transfer = ArrayBuffer.isView(source.frame.data) ? [source.frame.data.buffer] : [source.frame];
    return { source, transfer };
  }
  let { value } = source;
  let kind = inputKind(value);
  if (kind === 'url') {
    value = await fetchBlob(String(value), signal);
    kind = 'blob';
  }
  switch (kind) {
    case 'blob':
      checkFileSize(value, maxSize);
      if (await isSvg(value)) {
        if (!allowSvg) throw svgRefused();
        const drawn = await rasterizeSvg(value, { maxPixels });
        return { source: { value: drawn }, transfer: [drawn.data.buffer] };
      }
      return { source: { value }, transfer: [] };  // a Blob crosses by reference
    case 'raster':
    case 'imagedata':
      return { source: { value }, transfer: [] };  // the page keeps its pixels: copied once
    case 'array':
      return { source: { value: crossable(value) }, transfer: [] };
    default:
      throw invalidValue(value);
  }
}
