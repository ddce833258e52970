// The EXIF orientation read from a JPEG's APP1 segment and applied to pixels
// (used when the browser cannot decode a JPEG and the core's stored pixels are shown).
import { exifOrientation, orient } from '../../web/pipeline/jpeg-orientation.js';

/** SOI, [JFIF APP0], an APP1 Exif segment with one IFD0 entry (Orientation = value), SOS. */
function jpegWithOrientation(value, { little = false, jfif = false } = {}) {
  const u16 = (n) => (little ? [n & 255, n >> 8] : [n >> 8, n & 255]);
  const u32 = (n) => (little ? [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24] : [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255]);
  const tiff = [...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(1),
    ...u16(0x0112), ...u16(3), ...u32(1), ...u16(value), 0, 0, ...u32(0)];
  const app1 = [0xff, 0xe1, 0, 2 + 6 + tiff.length, 0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app0 = jfif ? [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0] : [];
  return new Uint8Array([0xff, 0xd8, ...app0, ...app1, 0xff, 0xda, 0, 2]);
}

test('reads the orientation, big- and little-endian, after a JFIF segment too; 1 without one', () => {
  expect(exifOrientation(jpegWithOrientation(6))).toBe(6);
  expect(exifOrientation(jpegWithOrientation(8, { little: true }))).toBe(8);
  expect(exifOrientation(jpegWithOrientation(3, { jfif: true }))).toBe(3);
  expect(exifOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBe(1);
  expect(exifOrientation(jpegWithOrientation(9))).toBe(1);  // not an orientation
  expect(exifOrientation(jpegWithOrientation(6).subarray(0, 20))).toBe(1);  // cut short
});

test('each orientation turns the pixels as EXIF defines', () => {
  // 3×2, one byte per pixel:  1 2 3 / 4 5 6
  const raster = { width: 3, height: 2, mode: 'L', data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
  const rows = ({ width, data }) => Array.from({ length: data.length / width }, (_, y) => Array.from(data.slice(y * width, (y + 1) * width)));
  expect(orient(raster, 1)).toBe(raster);
  expect(rows(orient(raster, 2))).toEqual([[3, 2, 1], [6, 5, 4]]);
  expect(rows(orient(raster, 3))).toEqual([[6, 5, 4], [3, 2, 1]]);
  expect(rows(orient(raster, 4))).toEqual([[4, 5, 6], [1, 2, 3]]);
  expect(rows(orient(raster, 5))).toEqual([[1, 4], [2, 5], [3, 6]]);
  expect(rows(orient(raster, 6))).toEqual([[4, 1], [5, 2], [6, 3]]);   // 90° clockwise
  expect(rows(orient(raster, 7))).toEqual([[6, 3], [5, 2], [4, 1]]);
  expect(rows(orient(raster, 8))).toEqual([[3, 6], [2, 5], [1, 4]]);   // 90° counter-clockwise
  const rgb = orient({ width: 2, height: 1, mode: 'RGB', data: new Uint8Array([1, 2, 3, 4, 5, 6]) }, 6);
  expect([rgb.width, rgb.height, rgb.mode, Array.from(rgb.data)]).toEqual([1, 2, 'RGB', [1, 2, 3, 4, 5, 6]]);
});
