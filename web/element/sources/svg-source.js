// SVG is a document that can carry scripts and fetch resources, not a plain
// image. The field refuses it unless the page opts in (allow-svg; the check
// is pipeline/file-checks.js), and then only rasterizes it here through an
// <img> — where SVG runs no script and loads nothing external — drawn on a
// canvas. Its markup is never put in the DOM. This needs the page's DOM, so
// it runs on the main thread; its pixels then go to the field's Worker.
import { ImageFieldError } from '../../core/error.js';
import { checkPixels } from '../../pipeline/file-checks.js';

const SVG_TYPE = 'image/svg+xml';

/** The SVG drawn by the browser as an image: RGBA pixels at its intrinsic size. */
export async function rasterizeSvg(blob, { maxPixels } = {}) {
  const url = URL.createObjectURL(new Blob([blob], { type: SVG_TYPE }));
  try {
    const img = new Image();
    img.src = url;
    try {
      await img.decode();
    } catch {
      throw new ImageFieldError('decode_failed', 'the SVG could not be drawn; check that it is a valid SVG file');
    }
    const { naturalWidth: width, naturalHeight: height } = img;
    if (!width || !height) {
      throw new ImageFieldError('decode_failed', 'the SVG has no size; give its <svg> element a width and a height');
    }
    checkPixels(width, height, maxPixels);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(img, 0, 0);
    const { data } = context.getImageData(0, 0, width, height);
    return { width, height, mode: 'RGBA', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    URL.revokeObjectURL(url);
  }
}
