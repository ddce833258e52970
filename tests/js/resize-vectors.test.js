// resize() and toTensor() in both Wasm builds against Pillow 9.4 and
// torchvision 0.14: tests/data/resize_vectors.json holds the sha256 of their
// outputs (tests/reference/generate_resize_vectors.py); the native GoogleTest
// suite checks the same file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { loadCore, ImageFieldError } from '../../web/index.js';

const vectors = JSON.parse(readFileSync(new URL('../data/resize_vectors.json', import.meta.url), 'utf8'));
const BANDS = { L: 1, LA: 2, RGB: 3, RGBA: 4, CMYK: 4, I: 1, F: 1, YCbCr: 3, LAB: 3, HSV: 3, 1: 1, P: 1 };

/** The generator's seeded pixels: xorshift32, as in the Python script. */
function seededRaster({ seed, width, height, mode }) {
  let state = seed >>> 0;
  const step = () => {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    return state;
  };
  const n = width * height;
  if (mode === 'I') return { width, height, mode, data: Int32Array.from({ length: n }, () => (step() % 2000001) - 1000000) };
  if (mode === 'F') {
    return { width, height, mode, data: Float32Array.from({ length: n }, () => ((step() % 2000001) - 1000000) / 1000) };
  }
  const bands = BANDS[mode];
  const alpha = mode === 'LA' || mode === 'RGBA';
  const data = new Uint8Array(n * bands);
  for (let i = 0; i < data.length; i += 1) {
    let v = step() >>> 24;
    if (alpha && i % bands === bands - 1) v = v < 32 ? 0 : v > 223 ? 255 : v;
    if (mode === '1') v = v >= 128 ? 255 : 0;
    data[i] = v;
  }
  if (mode === 'P') {
    const palette = Uint8Array.from({ length: 768 }, (_, k) => [k / 3 | 0, 255 - (k / 3 | 0), (7 * (k / 3 | 0)) % 256][k % 3]);
    return { width, height, mode, data, palette };
  }
  return { width, height, mode, data };
}

const sha256 = (view) => createHash('sha256')
  .update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)).digest('hex');

const builds = [['SIMD', { simd: true }], ['scalar', { simd: false }]];
const cores = {};
beforeAll(async () => {
  for (const [name, options] of builds) cores[name] = await loadCore(options);
});

// A photo source is a file (PNG or JPEG) decoded by the core itself, by the
// build under test: the JPEG cases check core.decode + core.toTensor together.
const photos = new Map();
const inputFor = (source, build = 'SIMD') => {
  if (source.kind !== 'photo') return seededRaster(source);
  const key = `${build} ${source.file}`;
  if (!photos.has(key)) {
    photos.set(key, cores[build].decode(readFileSync(new URL(`../data/${source.file}`, import.meta.url)), { mode: 'RGB' }));
  }
  return photos.get(key);
};

test('the vectors cover every filter on every mode (1 and P with nearest, as Pillow forces), boxes, reducing gaps and the photo', () => {
  const pairs = new Set(vectors.resize.map((c) => `${c.input.mode}/${c.filter}`));
  expect(pairs.size).toBe(12 * 6);
  expect(vectors.resize.some((c) => c.box)).toBe(true);
  expect(vectors.resize.some((c) => c.reducingGap)).toBe(true);
  expect(vectors.resize.some((c) => c.input.kind === 'photo')).toBe(true);
  expect(vectors.tensor.filter((c) => c.input.file?.endsWith('.jpg')).length).toBeGreaterThanOrEqual(3);
});

describe.each(builds)('%s build', (name, options) => {
  test('every resize case gives Pillow\'s bytes', () => {
    const core = cores[name];
    expect(core.simd).toBe(options.simd);
    const differing = [];
    for (const c of vectors.resize) {
      const out = core.resize(inputFor(c.input, name), {
        width: c.width, height: c.height, filter: c.filter, box: c.box, reducingGap: c.reducingGap,
      });
      expect([out.width, out.height, out.mode]).toEqual([c.outWidth, c.outHeight, c.mode]);
      if (sha256(out.data) !== c.sha256) differing.push(c.name);
    }
    expect(differing).toEqual([]);
  });

  test('every tensor case gives torchvision\'s Float32Array / bytes', () => {
    const core = cores[name];
    for (const c of vectors.tensor) {
      const t = core.toTensor(inputFor(c.input, name), c.options);
      expect({ name: c.name, dims: t.dims, type: t.type }).toEqual({ name: c.name, dims: c.dims, type: c.type });
      expect(t.data).toBeInstanceOf(c.type === 'uint8' ? Uint8Array : Float32Array);
      expect({ name: c.name, sha256: sha256(t.data) }).toEqual({ name: c.name, sha256: c.sha256 });
      if (c.letterbox) expect(t.letterbox).toMatchObject(c.letterbox);
    }
  });
});

test('the SIMD and scalar builds agree on wide windows, every band count, shrinking hard and enlarging', () => {
  for (const mode of ['L', 'LA', 'RGB', 'RGBA', 'CMYK']) {
    const raster = seededRaster({ seed: 321 + mode.length, width: 523, height: 97, mode });
    for (const filter of ['bilinear', 'hamming', 'bicubic', 'lanczos']) {
      for (const [width, height] of [[61, 40], [5, 3], [1000, 150], [523, 31], [77, 97]]) {
        const a = cores.SIMD.resize(raster, { width, height, filter });
        const b = cores.scalar.resize(raster, { width, height, filter });
        expect({ mode, filter, width, height, same: sha256(a.data) === sha256(b.data) })
          .toEqual({ mode, filter, width, height, same: true });
      }
    }
  }
});

test('layouts and channel orders are permutations of the same values', () => {
  const core = cores.SIMD;
  const raster = seededRaster({ seed: 8, width: 9, height: 5, mode: 'RGB' });
  const nchw = core.toTensor(raster, {});
  const hwc = core.toTensor(raster, { layout: 'hwc', channels: 'BGR' });
  expect(nchw.dims).toEqual([1, 3, 5, 9]);
  expect(hwc.dims).toEqual([5, 9, 3]);
  for (let c = 0; c < 3; c += 1) {
    for (let i = 0; i < 45; i += 1) expect(hwc.data[i * 3 + (2 - c)]).toBe(nchw.data[c * 45 + i]);
  }
  expect(nchw.data[0]).toBe(Math.fround(raster.data[0] / 255));
  // An explicit 1/255 is ToTensor's division too, not a multiplication by float32(1/255).
  expect(core.toTensor(raster, { scale: 1 / 255 }).data).toEqual(nchw.data);
});

test('bad options throw invalid_argument naming the option and what it accepts', () => {
  const core = cores.SIMD;
  const raster = seededRaster({ seed: 8, width: 9, height: 5, mode: 'RGB' });
  const cases = [
    [{ mean: [0.5, 0.5] }, /mean has 2 values but channels "RGB" has 3/],
    [{ std: [1, 0, 1] }, /std values must not be 0/],
    [{ resize: 0 }, /resize must be a positive integer/],
    [{ resize: [10, -2] }, /resize must be \[height, width\] of positive integers/],
    [{ crop: [3] }, /crop must have 2 values/],
    [{ filter: 'cubic' }, /filter "cubic" is not one of nearest, box, bilinear, hamming, bicubic, lanczos/],
    [{ layout: 'cwh' }, /layout "cwh" is not one of nchw, nhwc, chw, hwc/],
    [{ channels: 'RGBA' }, /channels "RGBA" is not one of RGB, BGR, L/],
    [{ dtype: 'float16' }, /dtype "float16" is not one of float32, uint8/],
    [{ dtype: 'uint8', scale: 2 }, /float32 only/],
  ];
  for (const [options, message] of cases) {
    let error;
    try {
      core.toTensor(raster, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImageFieldError);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(message);
  }
  expect(() => core.resize(raster, { width: 0, height: 3 })).toThrow(/positive integers/);
  expect(() => core.resize(raster, { width: 3, height: 3, filter: 'area' })).toThrow(/filter "area" is not one of/);
  expect(() => core.resize(raster, { width: 3, height: 3, box: [0, 0, 10, 5] })).toThrow(/box \[0, 0, 10, 5\]/);
  expect(() => core.resize(raster, { width: 3, height: 3, reducingGap: 0.5 })).toThrow(/reducingGap/);
});

test('the tensor goes into onnxruntime\'s and TensorFlow.js\'s constructors as is', async () => {
  const { Tensor } = await import('onnxruntime-common');
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  // tfjs-backend-cpu advises installing tfjs-node on first use in Node; not a finding.
  const quiet = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const raster = seededRaster({ seed: 8, width: 9, height: 5, mode: 'RGB' });
  for (const options of [{ resize: [4, 6] }, { dtype: 'uint8', layout: 'nhwc' }]) {
    const t = cores.SIMD.toTensor(raster, options);
    const ort = new Tensor(t.type, t.data, t.dims);
    expect(ort.dims).toEqual(t.dims);
    expect(ort.type).toBe(t.type);
    expect(ort.data).toBe(t.data);
    const tensor = tf.tensor(t.data, t.dims);
    expect(tensor.shape).toEqual(t.dims);
    expect(Array.from(tensor.dataSync())).toEqual(Array.from(t.data));
    tensor.dispose();
  }
  quiet.mockRestore();
});
