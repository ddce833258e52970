// A JPEG's EXIF orientation, applied to the core's pixels. The core, like
// Pillow, reads the stored pixels and ignores EXIF; browsers show a photo
// turned as its EXIF says, and so must the field (in Python:
// ImageOps.exif_transpose).

const APP1 = 0xe1;
const START_OF_SCAN = 0xda;
const ORIENTATION_TAG = 0x0112;

/** The EXIF orientation (1–8) in a JPEG's APP1 segment; 1 when there is none or it is unreadable. */
export function exifOrientation(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;  // after SOI
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker === START_OF_SCAN) break;
    const length = view.getUint16(at + 2);
    const start = at + 4;
    if (marker === APP1 && length >= 8 && start + length - 2 <= bytes.length
      && String.fromCharCode(...bytes.subarray(start, start + 4)) === 'Exif') {
      return orientationOfTiff(new DataView(bytes.buffer, bytes.byteOffset + start + 6, length - 8));
    }
    at = start + length - 2;
  }
  return 1;
}

function orientationOfTiff(tiff) {
  if (tiff.byteLength < 8) return 1;
  const order = tiff.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd = tiff.getUint32(4, little);
  if (ifd + 2 > tiff.byteLength) return 1;
  const entries = tiff.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.byteLength) return 1;
    if (tiff.getUint16(entry, little) === ORIENTATION_TAG) {
      const value = tiff.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** The raster as the orientation says it is to be shown (a new raster; the same one for 1). */
export function orient(raster, orientation) {
  if (orientation === 1) return raster;
  const { width: w, height: h, data } = raster;
  const size = data.length / (w * h);  // bytes per pixel, whatever the mode
  const swapped = orientation >= 5;
  const ow = swapped ? h : w;
  const oh = swapped ? w : h;
  const out = new Uint8Array(data.length);
  // Where output pixel (x, y) comes from, per EXIF orientation.
  const source = {
    2: (x, y) => [w - 1 - x, y],
    3: (x, y) => [w - 1 - x, h - 1 - y],
    4: (x, y) => [x, h - 1 - y],
    5: (x, y) => [y, x],
    6: (x, y) => [y, h - 1 - x],
    7: (x, y) => [w - 1 - y, h - 1 - x],
    8: (x, y) => [w - 1 - y, x],
  }[orientation];
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      const [sx, sy] = source(x, y);
      const from = (sy * w + sx) * size;
      out.set(data.subarray(from, from + size), (y * ow + x) * size);
    }
  }
  return { ...raster, width: ow, height: oh, data: out };
}
