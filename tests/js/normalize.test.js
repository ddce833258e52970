// The wandb normalization rules, through the real Wasm build.
import { loadCore, ImageFieldError } from '../../web/index.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

const bytes = (...values) => Uint8Array.from(values);

describe('toUint8', () => {
  test.each([
    ['float32', Float32Array],
    ['float64', Float64Array],
  ])('[0,1] → ×255, truncated (%s)', (_, T) => {
    expect(core.toUint8(T.from([0, 0.5, 0.3, 1]))).toEqual(bytes(0, 127, 76, 255));
  });

  test.each([
    ['float32', Float32Array],
    ['float64', Float64Array],
  ])('[-1,1] → 127.5·(v+1) (%s)', (_, T) => {
    expect(core.toUint8(T.from([-1, 0, 1, -0.5, 0.5]))).toEqual(bytes(0, 127, 255, 63, 191));
  });

  test.each([
    ['float32', Float32Array],
    ['float64', Float64Array],
  ])('otherwise clip then truncate (%s)', (_, T) => {
    expect(core.toUint8(T.from([-5, 0.7, 254.5, 255, 300, 12.9]))).toEqual(bytes(0, 0, 254, 255, 255, 12));
  });

  test('boundaries: max exactly 1 and min exactly -1 stay in their branches', () => {
    expect(core.toUint8(Float32Array.from([0.2, 1]))).toEqual(bytes(51, 255));
    expect(core.toUint8(Float32Array.from([-1, 0.2]))).toEqual(bytes(0, 153));
  });

  test('1.0000001 and -1.0000001 leave the scaled branches', () => {
    expect(core.toUint8(Float32Array.from([0.5, 1.0000001]))).toEqual(bytes(0, 1));
    expect(core.toUint8(Float64Array.from([0.5, 1.0000001]))).toEqual(bytes(0, 1));
    expect(core.toUint8(Float32Array.from([-1.0000001, 0.5, 1]))).toEqual(bytes(0, 0, 1));
    expect(core.toUint8(Float64Array.from([-1.0000001, 0.5, 1]))).toEqual(bytes(0, 0, 1));
  });

  test('float32 input is computed in float32', () => {
    // The same value, -0.2 rounded to float32, lands on either side of 102:
    // 127.5·(v+1) is 102 exactly in float32 and 101.99999962 in float64.
    expect(core.toUint8(Float32Array.from([-0.2, 1]))).toEqual(bytes(102, 255));
    expect(core.toUint8(Float64Array.from([Math.fround(-0.2), 1]))).toEqual(bytes(101, 255));
  });

  test('NaN anywhere → whole array clipped, NaN pixels 0', () => {
    expect(core.toUint8(Float32Array.from([0.5, NaN, 1]))).toEqual(bytes(0, 0, 1));
    expect(core.toUint8(Float64Array.from([0.5, NaN, 200]))).toEqual(bytes(0, 0, 200));
  });

  test('±inf → 255 / 0', () => {
    expect(core.toUint8(Float32Array.from([Infinity, -Infinity, 0.5]))).toEqual(bytes(255, 0, 0));
    expect(core.toUint8(Float64Array.from([Infinity, -Infinity, 100]))).toEqual(bytes(255, 0, 100));
  });

  test('bool-like uint8 0/1 → 0/255, ordinary uint8 unchanged', () => {
    expect(core.toUint8(Uint8Array.from([0, 1, 1, 0]))).toEqual(bytes(0, 255, 255, 0));
    expect(core.toUint8(Uint8Array.from([0, 2, 128, 255]))).toEqual(bytes(0, 2, 128, 255));
  });

  test('integer types go through the same branches', () => {
    expect(core.toUint8(Int8Array.from([-1, 0, 1]))).toEqual(bytes(0, 127, 255));
    expect(core.toUint8(Int16Array.from([-300, 0, 100, 1000]))).toEqual(bytes(0, 0, 100, 255));
    expect(core.toUint8(Uint16Array.from([0, 1]))).toEqual(bytes(0, 255));
    expect(core.toUint8(Uint16Array.from([0, 65535, 254]))).toEqual(bytes(0, 255, 254));
    expect(core.toUint8(Int32Array.from([-(2 ** 31), 2 ** 31 - 1, 7]))).toEqual(bytes(0, 255, 7));
    expect(core.toUint8(Uint32Array.from([2 ** 32 - 1, 1, 0]))).toEqual(bytes(255, 1, 0));
    expect(core.toUint8(Uint8ClampedArray.from([0, 1]))).toEqual(bytes(0, 255));
  });

  test('plain number arrays and booleans are read as float64', () => {
    expect(core.toUint8([0, 0.5, 1])).toEqual(bytes(0, 127, 255));
    expect(core.toUint8([true, false])).toEqual(bytes(255, 0));
  });

  test('normalize: false only clips', () => {
    expect(core.toUint8(Float32Array.from([-1, 300, 0.7, 1]), { normalize: false })).toEqual(bytes(0, 255, 0, 1));
    expect(core.toUint8(Uint8Array.from([0, 1]), { normalize: false })).toEqual(bytes(0, 1));
  });

  test('results are fresh arrays, not views of Wasm memory', () => {
    const out = core.toUint8(Float32Array.from([0, 1]));
    expect(out).toBeInstanceOf(Uint8Array);
    expect(out.byteOffset).toBe(0);
    expect(out.buffer.byteLength).toBe(2);
  });

  test('unsupported inputs throw ImageFieldError', () => {
    expect(() => core.toUint8(new BigInt64Array(2))).toThrow(ImageFieldError);
    expect(() => core.toUint8('abc')).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => core.toUint8([1, 'x'])).toThrow(/data\[1\]/);
    expect(() => core.toUint8([1], { normalize: 'yes' })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});
