// The core's PNG writer in the real Wasm builds: the SIMD and the non-SIMD
// module write the same bytes (row filters and their choice included), and
// every file decodes to the original pixels with a decoder written here on
// top of Node's zlib (inflate + PNG unfiltering), independent of the core.
import zlib from 'node:zlib';
import { loadCore } from '../../web/index.js';
import { seededUint32 } from './fixtures.js';

let simd;
let scalar;
beforeAll(async () => {
  simd = await loadCore({ simd: true });
  scalar = await loadCore({ simd: false });
});

// Reproducible random bytes.
function random(seed) {
  const next = seededUint32(seed);
  return () => next() >>> 24;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** PNG → { width, height, channels, pixels, filters } with CRCs checked; palette entries expanded. */
function decodeIndependently(png) {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let width; let height; let depth; let type;
  let palette = null;
  let trns = null;
  const idat = [];
  for (let p = 8; p < buf.length;) {
    const length = buf.readUInt32BE(p);
    const name = buf.toString('latin1', p + 4, p + 8);
    const data = buf.subarray(p + 8, p + 8 + length);
    expect(buf.readUInt32BE(p + 8 + length)).toBe(zlib.crc32(buf.subarray(p + 4, p + 8 + length)));
    if (name === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      type = data[9];
      expect([...data.subarray(10, 13)]).toEqual([0, 0, 0]);
    } else if (name === 'PLTE') palette = data;
    else if (name === 'tRNS') trns = data;
    else if (name === 'IDAT') idat.push(data);
    p += 12 + length;
  }
  const samples = CHANNELS[type];
  const rowBytes = Math.ceil((width * samples * depth) / 8);
  const bpp = Math.max(1, (samples * depth) / 8);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((rowBytes + 1) * height);
  const rows = new Uint8Array(rowBytes * height);
  const filters = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)];
    filters.push(filter);
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= bpp ? rows[y * rowBytes + x - bpp] : 0;
      const b = y ? rows[(y - 1) * rowBytes + x] : 0;
      const c = x >= bpp && y ? rows[(y - 1) * rowBytes + x - bpp] : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      rows[y * rowBytes + x] = (raw[y * (rowBytes + 1) + 1 + x] + predicted) & 255;
    }
  }
  expect(filters.filter((f) => f > 4)).toEqual([]);  // PNG has five filter types
  if (type !== 3) return { width, height, channels: samples, pixels: rows, filters };
  const channels = trns ? 4 : 3;
  const pixels = new Uint8Array(width * height * channels);
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const index = (rows[y * rowBytes + (bit >> 3)] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
      pixels.set(palette.subarray(index * 3, index * 3 + 3), o);
      if (trns) pixels[o + 3] = index < trns.length ? trns[index] : 255;
      o += channels;
    }
  }
  return { width, height, channels, pixels, filters };
}

const MODES = { L: 1, LA: 2, RGB: 3, RGBA: 4 };

/** Rows of several kinds (noise, ramps, repeats, smooth areas) so every filter gets chosen somewhere. */
function mixedImage(width, height, mode, seed) {
  const channels = MODES[mode];
  const rnd = random(seed);
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const kind = (y + seed) % 5;
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        const i = (y * width + x) * channels + c;
        const left = x ? data[i - channels] : 0;
        const up = y ? data[i - width * channels] : 0;
        const noise = rnd() & 3;
        data[i] = [noise, x * 40 + c * 90 + y * 7 + noise, up + noise, ((left + up) >> 1) + noise,
          x * 23 + y * y * 13 + c * 50 + noise * 9][kind] & 255;
      }
    }
  }
  return { width, height, mode, data };
}

const WIDTHS = [1, 2, 3, 5, 15, 16, 17, 31, 33, 47, 48, 49, 63, 64, 65, 100, 257];

describe('SIMD and scalar builds write the same PNG bytes', () => {
  test.each(Object.keys(MODES))('%s, widths across the vector width and its tails', (mode) => {
    const used = new Set();
    for (const width of WIDTHS) {
      for (const height of [1, 2, 11]) {
        const image = mixedImage(width, height, mode, width * 3 + height);
        for (const compression of [0, 6]) {
          const a = simd.encode(image, { compression, palette: false });
          const b = scalar.encode(image, { compression, palette: false });
          expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
          const decoded = decodeIndependently(a);
          expect(decoded.channels).toBe(MODES[mode]);
          expect(Buffer.from(decoded.pixels).equals(Buffer.from(image.data))).toBe(true);
          decoded.filters.forEach((f) => used.add(f));
        }
      }
    }
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test('random noise in every mode, long rows', () => {
    for (const [mode, channels] of Object.entries(MODES)) {
      const rnd = random(channels);
      const image = { width: 1001, height: 7, mode, data: Uint8Array.from({ length: 1001 * 7 * channels }, rnd) };
      const a = simd.encode(image, { compression: 1 });
      expect(Buffer.from(a).equals(Buffer.from(scalar.encode(image, { compression: 1 })))).toBe(true);
      expect(Buffer.from(decodeIndependently(a).pixels).equals(Buffer.from(image.data))).toBe(true);
    }
  });

  test('palette files (8-bit rows filtered, packed rows not) are the same bytes and decode exactly', () => {
    for (const colours of [2, 4, 16, 200]) {
      const rnd = random(colours);
      const width = 67;
      const height = 9;
      const data = new Uint8Array(width * height * 4);
      for (let i = 0; i < width * height; i++) {
        const c = i < colours ? i : (rnd() + (i % width)) % colours;
        data.set([c * 37 & 255, (c * 11 + 5) & 255, 255 - c, c % 3 ? 255 : c], i * 4);
      }
      const image = { width, height, mode: 'RGBA', data };
      const a = simd.encode(image);
      expect(a[25]).toBe(3);
      expect(Buffer.from(a).equals(Buffer.from(scalar.encode(image)))).toBe(true);
      const decoded = decodeIndependently(a);
      expect(decoded.channels).toBe(4);
      expect(Buffer.from(decoded.pixels).equals(Buffer.from(data))).toBe(true);
    }
  });
});

describe('sizes at the edges', () => {
  test.each([[1, 1], [1, 300], [300, 1], [65535, 1], [1, 65535]])('%i×%i RGB round-trips through both decoders', (width, height) => {
    const rnd = random(width + height);
    const image = { width, height, mode: 'RGB', data: Uint8Array.from({ length: width * height * 3 }, rnd) };
    const png = simd.encode(image);
    expect(Buffer.from(decodeIndependently(png).pixels).equals(Buffer.from(image.data))).toBe(true);
    expect(Buffer.from(simd.decode(png, { maxAxis: 65535 }).data).equals(Buffer.from(image.data))).toBe(true);
  });
});
