// The field's pixel work as one request: a source (a file, a value, a camera
// frame) → the raster in the field's mode, watermarked, as the page's value
// type, plus what the preview draws and the file a form submits. It runs with
// whichever core it is given: the field's Worker's (pipeline-worker.js), or
// the main thread's where no Worker exists.
import { rasterToTensor } from './tensor-step.js';
import { rasterToBlob, rasterToImageData, rasterToValue, valueToRaster } from './value-adapter.js';

const isVideoFrame = (frame) => typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame;

/** A camera frame (a VideoFrame, transferred from the page) as an RGBA raster, flipped when `mirror`. */
function drawFrame(frame, mirror) {
  try {
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (mirror) {
      context.translate(width, 0);
      context.scale(-1, 1);
    }
    context.drawImage(frame, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    return { width, height, mode: 'RGBA', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    frame.close();
  }
}

/**
 * @param {object} core a loaded core
 * @param {object} request
 *   source: { value } (Blob, raster, ImageData, array input: checked and fetched by the page) or
 *     { frame, mirror, keepFile } (a VideoFrame or an RGBA raster)
 *   mode, layout, maxPixels: the field's
 *   mark, position: a watermark raster to stamp, and where
 *   type: 'array' | 'imagedata' | 'blob' | 'tensor' ('url' is made from the blob by the page), format: for 'blob'
 *   tensorOptions: core.toTensor's options, for 'tensor'
 *   shown: also return the RGBA ImageData the preview draws
 *   encode: also return the raster encoded in this format (the form's file), or null
 * @param {{ decoder?: object | null, onStage?: (stage: string) => void }} [context]
 *   decoder: decodes file bytes in place of `core` (main thread only); onStage: told when decoding is done
 * @returns {Promise<{ raster: object, value: object, shown: ImageData | null, encoded: Blob | null, file: Uint8Array | null,
 *   toImage: object | null }>} toImage: for a tensor, how its pixel coordinates map onto the raster (tensor-step.js)
 */
export async function runPipeline(core, request, { decoder = null, onStage = () => {} } = {}) {
  const { source, mode, mark, type, format } = request;
  let raster;
  let file = null;
  if (source.frame) {
    const frame = isVideoFrame(source.frame) ? drawFrame(source.frame, source.mirror) : source.frame;
    if (source.keepFile) file = core.encode(frame, { format: 'png' });
    raster = mode === 'none' ? frame : core.convert(frame, mode);
  } else {
    raster = await valueToRaster(source.value, {
      core, mode, layout: request.layout, maxPixels: request.maxPixels, decoder,
    });
  }
  onStage('decoded');
  if (mark) raster = core.watermark(raster, mark, { position: request.position });
  let value;
  let toImage = null;
  if (type === 'tensor') ({ tensor: value, toImage } = rasterToTensor(core, raster, request.tensorOptions));
  else if (type === 'url') value = await rasterToBlob(core, raster, format);
  else value = await rasterToValue(core, raster, type, format);
  let shown = null;
  if (request.shown && type === 'imagedata') shown = value;
  else if (request.shown) shown = rasterToImageData(core, raster);
  let encoded = null;
  if (request.encode) encoded = type === 'blob' && format === request.encode ? value : await rasterToBlob(core, raster, request.encode);
  return { raster, value, shown, encoded, file, toImage };
}
