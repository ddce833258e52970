// core.encode(raster, { format: 'jpeg', quality }) through the real Wasm builds
// (SIMD and non-SIMD) against the files Pillow 9.4 writes with
// Image.save(f, 'JPEG', quality=q), byte for byte:
// tests/data/jpeg_encode_reference.json, written by
// tests/golden/make_jpeg_encode_reference.py.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { loadCore } from '../../web/index.js';

const dataDir = new URL('../data/', import.meta.url);
const reference = JSON.parse(fs.readFileSync(new URL('jpeg_encode_reference.json', dataDir), 'utf8'));
const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

function crop(rgb, [left, upper, right, lower]) {
  const width = right - left;
  const height = lower - upper;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const start = ((upper + y) * rgb.width + left) * 3;
    data.set(rgb.data.subarray(start, start + width * 3), y * width * 3);
  }
  return { width, height, mode: 'RGB', data };
}

/** An input of the reference (see the generator's docstring), made with the core. */
function build(core, recipe) {
  let rgb = core.decode(new Uint8Array(fs.readFileSync(new URL(recipe.source, dataDir))), { mode: 'RGB' });
  if (recipe.crop) rgb = crop(rgb, recipe.crop);
  const image = recipe.convert ? core.convert(rgb, recipe.convert) : rgb;
  if (!recipe.alpha) return image;
  const alpha = core.convert(rgb, 'L').data;
  const bands = image.mode === 'L' ? 1 : 3;
  const data = new Uint8Array(alpha.length * (bands + 1));
  for (let i = 0; i < alpha.length; i++) {
    data.set(image.data.subarray(i * bands, (i + 1) * bands), i * (bands + 1));
    data[i * (bands + 1) + bands] = alpha[i];
  }
  return { width: image.width, height: image.height, mode: bands === 1 ? 'LA' : 'RGBA', data };
}

test('the reference covers every mode Pillow writes, odd sizes and the qualities asked for', () => {
  const inputs = Object.values(reference.inputs);
  expect(new Set(inputs.map((input) => input.mode))).toEqual(new Set(['RGB', 'L', 'CMYK', 'YCbCr', 'RGBA', 'LA']));
  expect(inputs.map((input) => input.size)).toEqual(expect.arrayContaining([[128, 128], [17, 13], [1, 1]]));
  expect(new Set(reference.vectors.map((vector) => vector.quality))).toEqual(new Set([1, 50, 75, 90, 95, 100]));
  expect(reference.vectors).toHaveLength(60);
});

describe.each([
  ['SIMD', true],
  ['non-SIMD', false],
])('%s build', (_label, simd) => {
  let core;
  const inputs = {};
  beforeAll(async () => {
    core = await loadCore({ simd });
    for (const [name, recipe] of Object.entries(reference.inputs)) inputs[name] = build(core, recipe);
  });

  test.each(Object.keys(reference.inputs))('input %s is Pillow\'s raster', (name) => {
    const recipe = reference.inputs[name];
    expect(inputs[name]).toMatchObject({ width: recipe.size[0], height: recipe.size[1], mode: recipe.mode });
    expect(sha256(inputs[name].data)).toBe(recipe.sha256);
  });

  test.each(reference.vectors.map((vector) => [vector.input, vector.quality, vector]))(
    '%s at quality %i: Pillow\'s file', (name, quality, vector) => {
      const bytes = core.encode(inputs[name], { format: 'jpeg', quality });
      expect(bytes.length).toBe(vector.bytes);
      expect(sha256(bytes)).toBe(vector.sha256);
    },
  );

  test('the default quality is Pillow\'s 75', () => {
    const at75 = reference.vectors.find((vector) => vector.input === 'hopper_rgb' && vector.quality === 75);
    expect(sha256(core.encode(inputs.hopper_rgb, { format: 'jpg' }))).toBe(at75.sha256);
  });
});
