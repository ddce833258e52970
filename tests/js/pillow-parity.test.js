// Every file of tests/data/pillow-cases/ through the real Wasm builds (SIMD and
// non-SIMD), compared with what Pillow 9.4 makes of it (expected.json and
// vectors/, written by tests/golden/make_pillow_reference.py).
import fs from 'node:fs';
import crypto from 'node:crypto';
import { loadCore } from '../../web/index.js';
import { poisonHeap } from './poison-heap.js';
import { expectRefusedAsPillowRefuses } from './refusals.js';

const casesDir = new URL('../data/pillow-cases/', import.meta.url);
const expected = JSON.parse(fs.readFileSync(new URL('expected.json', casesDir), 'utf8'));
const names = Object.keys(expected).sort();
const decodable = names.filter((name) => !expected[name].refused);
const bytesOf = (name) => new Uint8Array(fs.readFileSync(new URL(name, casesDir)));
const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

// Files whose reference is not Pillow 9.4's own output, and why (see the
// generator's docstring): Pillow 9.4 misreads their RLE stream.
const REFERENCE_NOT_PILLOW = {
  'bmp__b__badrle.bmp': 'RLE8 delta escapes',
  'bmp__q__pal8rletrns.bmp': 'RLE8 delta escapes',
  'bmp__q__pal4rletrns.bmp': 'RLE4 delta escapes and odd absolute runs',
  'bmp__g__pal4rle.bmp': 'RLE4 odd absolute runs',
};

test('the reference is Pillow 9.4 itself except for the listed RLE files', () => {
  const notPillow = decodable.filter((name) => expected[name].reference !== 'pillow');
  expect(notPillow.sort()).toEqual(Object.keys(REFERENCE_NOT_PILLOW).sort());
  for (const name of notPillow) expect(expected[name].pillow_rgba_sha256).not.toBe(expected[name].rgba_sha256);
});

// Pillow's natural modes (gradio's image_mode=None) the core does not give,
// and what decode() without a mode gives instead (README, "Natural modes").
// Keyed by format and Pillow's mode, `+t` when Pillow keeps a transparency.
const NATURAL_GAPS = {
  'PNG 1+t': 'LA',    // a transparent 1-bit grey PNG: the core's mode 1 has no transparency
  'PNG L+t': 'LA',
  'PNG RGB+t': 'RGBA',
  'PNG P': 'RGB',     // stb_image expands palettes
  'PNG P+t': 'RGBA',
  'GIF P': 'RGBA',    // stb_image composes the first frame in RGBA
  'GIF P+t': 'RGBA',
  'GIF L': 'RGBA',
  'GIF L+t': 'RGBA',
};

function naturalKey(entry) {
  return `${entry.format} ${entry.natural.mode}${entry.natural.transparency !== undefined ? '+t' : ''}`;
}

describe.each([
  ['SIMD', true],
  ['non-SIMD', false],
])('%s build', (_label, simd) => {
  let core;
  beforeAll(async () => {
    core = await loadCore({ simd });
  });

  test.each(names)('%s decodes to RGBA as Pillow does', (name) => {
    const entry = expected[name];
    if (entry.refused) {
      // Pillow refuses it ("${entry.pillow_error}"), and so must the core, with a decode error.
      expectRefusedAsPillowRefuses(() => core.decode(bytesOf(name), { mode: 'RGBA' }));
      return;
    }
    const raster = core.decode(bytesOf(name), { mode: 'RGBA' });
    expect([raster.width, raster.height, raster.mode]).toEqual([...entry.size, 'RGBA']);
    if (entry.sixteen_bit && entry.natural.mode === 'I') {
      // Deliberately not Pillow's convert('RGBA') of mode I, which clips at
      // 255 (a white image): with a mode asked for, 16-bit grey keeps its high
      // byte (README, "Natural modes").
      const natural = core.decode(bytesOf(name));
      expect(natural.data).toBeInstanceOf(Int32Array);  // mode I: one int32 per pixel
      const grey = Uint8Array.from(natural.data, (v) => v >> 8);
      expect(raster.data.filter((_v, i) => i % 4 === 0)).toEqual(grey);
      expect(raster.data.filter((_v, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
      return;
    }
    // JPEG included: libjpeg-turbo's own code, so Pillow's bytes exactly.
    expect(sha256(raster.data)).toBe(entry.rgba_sha256);
  });

  test.each(decodable)('%s without a mode comes in Pillow\'s natural mode, or the documented stand-in', (name) => {
    const entry = expected[name];
    const raster = core.decode(bytesOf(name));
    const gap = NATURAL_GAPS[naturalKey(entry)];
    if (gap) {
      expect(raster.mode).toBe(gap);
      return;
    }
    expect(raster.mode).toBe(entry.natural.mode);
    expect(sha256(raster.data)).toBe(entry.natural.sha256);
    if (raster.mode === 'P') expect(Array.from(raster.palette)).toEqual(entry.natural.palette);
  });

  test('every file decodes to the same bytes twice, with other decodes and a dirtied heap in between', () => {
    poisonHeap(core, 0x5a);
    const first = decodable.map((name) => sha256(core.decode(bytesOf(name), { mode: 'RGBA' }).data));
    poisonHeap(core, 0xa5);
    const second = [...decodable].reverse().map((name) => sha256(core.decode(bytesOf(name), { mode: 'RGBA' }).data));
    second.reverse();
    const unstable = decodable.filter((_name, i) => first[i] !== second[i]);
    expect(unstable).toEqual([]);
  });
});
