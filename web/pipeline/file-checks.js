// The one place for the field's checks of what it is given, before any
// pixel work: the file's size, its pixel count, whether it is SVG (a
// document that can carry scripts, refused unless the page allows it), and
// the file types told apart by their first bytes.
import { ImageFieldError } from '../core/error.js';

const SVG_TYPE = 'image/svg+xml';
const HEAD_BYTES = 1024;

export function tooLarge(what, limit, actual) {
  return new ImageFieldError('too_large', `${what} is ${actual}, over the field's limit of ${limit}; choose a smaller image`);
}

/** Throws too_large when the file has more bytes than `maxSize` (0: no limit). */
export function checkFileSize(blob, maxSize) {
  if (maxSize && blob.size > maxSize) throw tooLarge('the file', `${maxSize} bytes`, `${blob.size} bytes`);
}

/** Throws too_large when width × height is over `maxPixels` (0: no limit). */
export function checkPixels(width, height, maxPixels) {
  if (maxPixels && width * height > maxPixels) throw tooLarge('the image', `${maxPixels} pixels`, `${width}×${height} pixels`);
}

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

/** A tensor file by its name, before reading it. */
export function isNpyName(name) {
  return /\.npy$/i.test(name ?? '');
}

export async function isNpy(blob) {
  const head = new Uint8Array(await blob.slice(0, 6).arrayBuffer());
  return head.length === 6 && head[0] === 0x93 && String.fromCharCode(...head.slice(1)) === 'NUMPY';
}
