// PNG through libdeflate: compression levels, and palette PNGs for images of
// at most 256 colours, always decoding to the same pixels.
import zlib from 'node:zlib';
import { loadCore, ImageFieldError } from '../../web/index.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

const colourType = (png) => png[25];
const bitDepth = (png) => png[24];
/** Every chunk of a PNG with its CRC checked against zlib's. */
function chunks(png) {
  const buf = Buffer.from(png);
  const out = [];
  for (let p = 8; p < buf.length;) {
    const length = buf.readUInt32BE(p);
    const type = buf.toString('latin1', p + 4, p + 8);
    const crc = buf.readUInt32BE(p + 8 + length);
    out.push({ type, crcOk: crc === zlib.crc32(buf.subarray(p + 4, p + 8 + length)) });
    p += 12 + length;
  }
  return out;
}
const hasChunk = (png, type) => Buffer.from(png).includes(Buffer.from(type, 'latin1'));

function photoLike(width, height) {
  const data = new Uint8Array(width * height * 3);
  let s = 1;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = ((i * 7) % 200) + (s >>> 28);  // gradient plus noise: thousands of colours
  }
  return { width, height, mode: 'RGB', data };
}

/** Colour number c (< 512) as distinct, unordered RGB: no smooth gradients to exploit. */
const colourOf = (c) => [(c * 167 + 59) & 255, 100 + (c >> 8), (c * 91 + 7) & 255];

/** A chart-like image: flat cells of `colours` distinct colours in a scattered pattern. */
function chartLike(width, height, colours, mode = 'RGB') {
  const channels = mode.length;
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = (Math.floor(x / 7) * 31 + Math.floor(y / 5) * 17) % colours;
      const o = (y * width + x) * channels;
      data.set(colourOf(c), o);
      if (channels === 4) data[o + 3] = c % 3 === 0 ? 255 : c * 3;
    }
  }
  return { width, height, mode, data };
}

describe('compression level', () => {
  test.each([-1, 13, 1.5, '6'])('%p is refused with invalid_argument', (level) => {
    const error = (() => {
      try {
        core.encode(photoLike(4, 4), { compression: level });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ImageFieldError);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(/compression/);
  });

  test('every level from 0 to 12 round-trips; higher levels are not larger on a photo', () => {
    const image = photoLike(96, 64);
    const sizes = [];
    for (let level = 0; level <= 12; level++) {
      const png = core.encode(image, { compression: level });
      expect(colourType(png)).toBe(2);
      expect(core.decode(png).data).toEqual(image.data);
      sizes.push(png.length);
    }
    expect(sizes[0]).toBeGreaterThan(image.data.length);  // level 0: stored blocks
    expect(sizes[12]).toBeLessThan(sizes[1]);
  });

  test('libdeflate beats stb_image_write\'s own deflate on a photo-like image', () => {
    const image = photoLike(128, 128);
    const ours = core.encode(image);
    const stb = core.encode(image, { deflate: 'stb' });
    expect(core.decode(stb).data).toEqual(image.data);
    expect(ours.length).toBeLessThan(stb.length);
  });

  test('deflate other than "libdeflate" or "stb" is refused', () => {
    expect(() => core.encode(photoLike(2, 2), { deflate: 'zopfli' })).toThrow(/deflate must be/);
  });
});

describe('palette PNG for at most 256 colours', () => {
  test.each([
    [2, 1], [3, 2], [4, 2], [5, 4], [16, 4], [17, 8], [64, 8],
  ])('%i colours → colour type 3 at %i bits, pixel-exact, smaller than truecolour', (colours, depth) => {
    const image = chartLike(203, 61, colours);  // odd width: packed rows end mid-byte
    const png = core.encode(image);
    expect(colourType(png)).toBe(3);
    expect(bitDepth(png)).toBe(depth);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    expect(hasChunk(png, 'tRNS')).toBe(false);
    const back = core.decode(png);
    expect(back.mode).toBe('RGB');
    expect(back.data).toEqual(image.data);
    const truecolour = core.encode(image, { palette: false });
    expect(colourType(truecolour)).toBe(2);
    expect(png.length).toBeLessThan(truecolour.length);
  });

  test('a big 256-colour chart is a palette PNG, pixel-exact and smaller', () => {
    const image = chartLike(640, 480, 256);
    const png = core.encode(image);
    expect(colourType(png)).toBe(3);
    expect(core.decode(png).data).toEqual(image.data);
    expect(png.length).toBeLessThan(core.encode(image, { palette: false }).length);
  });

  test('a small smooth gradient keeps whichever of palette and truecolour is smaller', () => {
    const image = { width: 203, height: 61, mode: 'RGB', data: new Uint8Array(203 * 61 * 3) };
    for (let i = 0; i < image.data.length; i += 3) image.data.set([(i / 3) % 203, 9, 9], i);
    const png = core.encode(image);
    const truecolour = core.encode(image, { palette: false });
    expect(png.length).toBeLessThanOrEqual(truecolour.length);
    expect(colourType(png)).toBe(2);  // here truecolour wins: the PLTE alone outweighs it
    expect(core.decode(png).data).toEqual(image.data);
  });

  test('RGBA with translucent colours keeps its alpha through tRNS', () => {
    const image = chartLike(50, 40, 12, 'RGBA');
    const png = core.encode(image);
    expect(colourType(png)).toBe(3);
    expect(hasChunk(png, 'tRNS')).toBe(true);
    const back = core.decode(png);
    expect(back.mode).toBe('RGBA');
    expect(back.data).toEqual(image.data);
  });

  test('257 colours stay truecolour', () => {
    const image = { width: 257, height: 3, mode: 'RGB', data: new Uint8Array(257 * 3 * 3) };
    for (let i = 0; i < 257 * 3; i++) image.data.set(colourOf(i % 257), i * 3);
    const png = core.encode(image);
    expect(colourType(png)).toBe(2);
    expect(core.decode(png).data).toEqual(image.data);
  });

  test('an opaque RGBA image with few colours still decodes as RGB pixels plus opaque alpha', () => {
    const image = chartLike(20, 20, 5, 'RGBA');
    image.data.forEach((_, i) => { if (i % 4 === 3) image.data[i] = 255; });
    const png = core.encode(image);
    expect(colourType(png)).toBe(3);
    expect(hasChunk(png, 'tRNS')).toBe(false);
    expect(core.decode(png, { mode: 'RGBA' }).data).toEqual(image.data);
  });
});
