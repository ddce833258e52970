// SVG is a document that can carry scripts and fetch resources, not a plain
// image. The field refuses it unless the page opts in (allow-svg), and then
// only rasterizes it through an <img> — where SVG runs no script and loads
// nothing external — drawn on a canvas. Its markup is never put in the DOM.
import { ImageFieldError } from '../errors.js';

const SVG_TYPE = 'image/svg+xml';
const HEAD_BYTES = 1024;

/** By type or name alone (no reading): whether the browser would treat the file as SVG. */
export function namedLikeSvg(blob) {
  return blob.type === SVG_TYPE || /\.svgz?$/i.test(blob.name ?? '');
}

/** Also by content: an SVG under another name or type. */
export async function isSvg(blob) {
  if (namedLikeSvg(blob)) return true;
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(await blob.slice(0, HEAD_BYTES).arrayBuffer())
    .replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') && /<svg[\s>]/i.test(head);
}

export function svgRefused() {
  return new ImageFieldError('unsupported_file',
    'SVG files are not accepted by this field (they are documents that can carry scripts); '
    + 'convert the image to PNG, or have the page allow SVG with the allow-svg attribute');
}

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
    if (maxPixels && width * height > maxPixels) {
      throw new ImageFieldError('too_large', `the image is ${width}×${height} pixels, over the field's limit of ${maxPixels} pixels; choose a smaller image`);
    }
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(img, 0, 0);
    const { data } = context.getImageData(0, 0, width, height);
    return { width, height, mode: 'RGBA', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    URL.revokeObjectURL(url);
  }
}
