// Zero-copy input (allocInput) and RGBA output for canvases (toImageData).
import { loadCore, ImageFieldError } from '../../web/index.js';
import { thrown as errorOf } from './refusals.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

const chw = (n) => Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 0.9);

describe('allocInput', () => {
  test('a filled input gives the same raster as fromArray on a copy', () => {
    const values = chw(3 * 17 * 19);
    const input = core.allocInput('float32', values.length);
    expect(input.array).toBeInstanceOf(Float32Array);
    expect(input.array.length).toBe(values.length);
    input.array.set(values);
    const options = { shape: [3, 17, 19], layout: 'chw' };
    expect(core.fromArray(input, options)).toEqual(core.fromArray(values, options));
  });

  test('toUint8 reads it too, for every dtype', () => {
    for (const [dtype, T] of [['uint8', Uint8Array], ['int16', Int16Array], ['float64', Float64Array], ['int32', Int32Array]]) {
      const values = T.from([0, 1, 1, 0, 1]);
      const input = core.allocInput(dtype, values.length);
      input.array.set(values);
      expect(core.toUint8(input)).toEqual(core.toUint8(values));
    }
  });

  test('it is single-use: using it again is an invalid_argument error', () => {
    const input = core.allocInput('float32', 4);
    input.array.set([0, 0.5, 1, 1]);
    core.toUint8(input);
    expect(input.released).toBe(true);
    const error = errorOf(() => core.toUint8(input));
    expect(error).toBeInstanceOf(ImageFieldError);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(/single-use/);
    expect(() => input.array).toThrow(/already used or released/);
  });

  test('release() frees it; later use is an error; release twice is harmless', () => {
    const input = core.allocInput('uint8', 16);
    input.release();
    input.release();
    expect(errorOf(() => core.fromArray(input, { shape: [4, 4] })).code).toBe('invalid_argument');
  });

  test('an array read before Wasm memory grew is stale: using the input is an error, not corruption', () => {
    const input = core.allocInput('float32', 12);
    const stale = input.array;
    stale.set(chw(12));
    const before = core.wasmMemoryBytes;
    // Grow memory: a large allocation released at once.
    core.allocInput('uint8', before + (64 << 20)).release();
    expect(core.wasmMemoryBytes).toBeGreaterThan(before);
    expect(stale.length).toBe(0);  // the old view is detached
    const error = errorOf(() => core.fromArray(input, { shape: [3, 2, 2], layout: 'chw' }));
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(/stale/);
  });

  test('reading input.array again after growth gives a live view with the data kept', () => {
    const values = chw(12);
    const input = core.allocInput('float32', 12);
    input.array.set(values);
    core.allocInput('uint8', core.wasmMemoryBytes + (32 << 20)).release();
    expect(input.array).toEqual(values);
    expect(core.fromArray(input, { shape: [3, 2, 2], layout: 'chw' }).data)
      .toEqual(core.fromArray(values, { shape: [3, 2, 2], layout: 'chw' }).data);
  });

  test.each([
    ['float16', 4, /dtype/],
    ['float32', 0, /positive integer/],
    ['float32', 2.5, /positive integer/],
    ['float64', 2 ** 29, /at most/],
  ])('allocInput(%p, %p) is refused', (dtype, length, message) => {
    const error = errorOf(() => core.allocInput(dtype, length));
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(message);
  });

  test('a shape that does not match the length is invalid_shape, and the input is still consumed', () => {
    const input = core.allocInput('float32', 10);
    expect(errorOf(() => core.fromArray(input, { shape: [3, 2, 2], layout: 'chw' })).code).toBe('invalid_shape');
    expect(input.released).toBe(true);
  });
});

describe('RGBA for canvases', () => {
  test('toImageData converts L, RGB and RGBA to RGBA bytes in a Uint8ClampedArray', () => {
    const rgb = { width: 2, height: 1, mode: 'RGB', data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    const l = { width: 2, height: 1, mode: 'L', data: Uint8Array.from([9, 200]) };
    const out = core.toImageData(rgb);
    expect(out.data).toBeInstanceOf(Uint8ClampedArray);
    expect([out.width, out.height]).toEqual([2, 1]);
    expect(Array.from(out.data)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
    expect(Array.from(core.toImageData(l).data)).toEqual([9, 9, 9, 255, 200, 200, 200, 255]);
    const rgba = { width: 1, height: 1, mode: 'RGBA', data: Uint8Array.from([1, 2, 3, 4]) };
    expect(Array.from(core.toImageData(rgba).data)).toEqual([1, 2, 3, 4]);
  });

  test('fromArray(..., {output: "imagedata"}) gives RGBA straight from a tensor or an input buffer', () => {
    const values = chw(3 * 4 * 5);
    const raster = core.fromArray(values, { shape: [3, 4, 5], layout: 'chw' });
    const expected = core.toImageData(raster);
    expect(core.fromArray(values, { shape: [3, 4, 5], layout: 'chw', output: 'imagedata' })).toEqual(expected);
    const input = core.allocInput('float32', values.length);
    input.array.set(values);
    expect(core.fromArray(input, { shape: [3, 4, 5], layout: 'chw', output: 'imagedata' })).toEqual(expected);
    expect(errorOf(() => core.fromArray(values, { shape: [3, 4, 5], layout: 'chw', output: 'png' })).code)
      .toBe('invalid_argument');
  });
});
