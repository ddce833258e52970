// Where a field's pixel work runs. With a ContainedDecoder (the page's shared
// one by default) the whole pipeline runs in its Worker, and only what needs
// the DOM stays on the page: fetching a URL value, drawing an SVG through an
// <img>, taking the camera's current frame. Pixel buffers cross by transfer.
// Without one (no Worker or OffscreenCanvas here, or a page-given decoder that
// only decodes) the same pipeline runs on the main thread with the page's core.
import { loadCore } from '../core.js';
import { afterTransfer, runPipeline } from './pixel-pipeline.js';
import { isSvg, rasterizeSvg, svgRefused } from './svg-source.js';
import { fetchBlob, invalidValue, isArrayInput, isPixelValue, tooLarge } from './value-adapter.js';

/** Whether `decoder` can run the whole pipeline in its Worker. */
export function runsInWorker(decoder) {
  return Boolean(decoder) && typeof decoder.process === 'function' && typeof OffscreenCanvas !== 'undefined';
}

/** A camera frame as the pipeline's source: a VideoFrame for the Worker to draw, or pixels grabbed here. */
export function frameSource(webcam, mirror, decoder) {
  if (runsInWorker(decoder) && typeof VideoFrame !== 'undefined') return { frame: webcam.grabVideoFrame(), mirror };
  return { frame: webcam.grab(mirror) };
}

// Tensors of other libraries do not cross to a Worker as they are (tfjs keeps
// its data behind dataSync(), a typed array's `shape` is an expando property):
// plain {data, shape} does. The page's array is copied once, never detached.
function plainArrayInput(value) {
  if (Array.isArray(value) && value.shape === undefined) return value;
  const shape = value.shape ?? value.dims;
  let data = value.data;
  if (typeof value.dataSync === 'function') data = value.dataSync();
  else if (ArrayBuffer.isView(value) || Array.isArray(value)) data = value;
  return shape === undefined ? data : { data, shape };
}

async function workerSource(source, { maxSize, maxPixels, allowSvg }) {
  if (source.frame) {
    const transfer = ArrayBuffer.isView(source.frame.data) ? [source.frame.data.buffer] : [source.frame];
    return { source, transfer };
  }
  let { value } = source;
  if (typeof value === 'string' || value instanceof URL) value = await fetchBlob(String(value));
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    if (maxSize && value.size > maxSize) throw tooLarge('the file', `${maxSize} bytes`, `${value.size} bytes`);
    if (await isSvg(value)) {
      if (!allowSvg) throw svgRefused();
      const drawn = await rasterizeSvg(value, { maxPixels });
      return { source: { value: drawn }, transfer: [drawn.data.buffer] };
    }
    return { source: { value }, transfer: [] };  // a Blob crosses by reference
  }
  if (isPixelValue(value)) return { source: { value }, transfer: [] };
  if (isArrayInput(value)) return { source: { value: plainArrayInput(value) }, transfer: [] };
  throw invalidValue(value);
}

/**
 * Runs one pipeline request (see pixel-pipeline.js) where it belongs.
 * @param {object} request
 * @param {object | null} decoder the field's decoder
 */
export async function runFieldWork(request, decoder) {
  if (runsInWorker(decoder)) {
    const { source, transfer } = await workerSource(request.source, request);
    return afterTransfer(await decoder.process({ ...request, source }, transfer));
  }
  return runPipeline(await loadCore(), request, { decoder });
}
