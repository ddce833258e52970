// Shapes, layouts, mode guessing and conversion of arrays, through the real Wasm build.
import { loadCore, ImageFieldError } from '../../web/index.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

function chwAndHwc(h, w, c, value) {
  const hwc = new Float32Array(h * w * c);
  const chw = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let ch = 0; ch < c; ch++) {
        const v = value(y, x, ch);
        hwc[(y * w + x) * c + ch] = v;
        chw[(ch * h + y) * w + x] = v;
      }
    }
  }
  return { hwc, chw };
}

describe('guessMode', () => {
  test.each([
    [[4, 5], 'hwc', 'png', 'L'],
    [[4, 5, 1], 'hwc', 'png', 'L'],
    [[4, 5, 2], 'hwc', 'png', 'LA'],
    [[4, 5, 3], 'hwc', 'png', 'RGB'],
    [[4, 5, 4], 'hwc', 'png', 'RGBA'],
    [[4, 5, 4], 'hwc', 'jpg', 'RGB'],
    [[4, 5, 4], 'hwc', 'jpeg', 'RGB'],
    [[3, 4, 5], 'chw', 'png', 'RGB'],
    [[1, 4, 8, 8], 'chw', 'png', 'RGBA'],
    [[1, 4, 8, 8], 'chw', 'jpg', 'RGB'],
  ])('%j %s %s → %s', (shape, layout, fileType, mode) => {
    expect(core.guessMode(shape, { layout, fileType })).toBe(mode);
  });

  test('other channel counts → invalid_shape naming the shape', () => {
    expect(() => core.guessMode([2, 2, 5])).toThrow(expect.objectContaining({
      code: 'invalid_shape', message: expect.stringContaining('[2,2,5]'),
    }));
  });
});

describe('fromArray', () => {
  test('hwc, chw and [1,C,H,W] give identical rasters', () => {
    const { hwc, chw } = chwAndHwc(3, 4, 3, (y, x, c) => Math.sin(y * 7 + x * 3 + c));
    const a = core.fromArray(hwc, { shape: [3, 4, 3] });
    const b = core.fromArray(chw, { shape: [3, 3, 4], layout: 'chw' });
    const d = core.fromArray(chw, { shape: [1, 3, 3, 4], layout: 'chw' });
    expect(a).toMatchObject({ width: 4, height: 3, mode: 'RGB' });
    expect(b).toEqual(a);
    expect(d).toEqual(a);
    // sin values lie in [-1,1]: the signed branch applies to every element.
    expect(a.data[0]).toBe(Math.trunc(Math.fround(127.5 * (Math.fround(Math.sin(0)) + 1))));
  });

  test('exact bytes for a [0,1] CHW tensor', () => {
    const chw = Float32Array.from([0, 0.5, 1, 0.25, /* G */ 1, 1, 0, 0, /* B */ 0.1, 0.2, 0.3, 0.4]);
    const r = core.fromArray(chw, { shape: [3, 2, 2], layout: 'chw' });
    expect(r).toEqual({
      width: 2, height: 2, mode: 'RGB',
      data: Uint8Array.from([0, 255, 25, 127, 255, 51, 255, 0, 76, 63, 0, 102]),
    });
  });

  test('tensor objects: onnxruntime-web {data, dims} and {data, shape}', () => {
    const data = Float32Array.from([0, 1, 1, 0]);
    const expected = { width: 2, height: 2, mode: 'L', data: Uint8Array.from([0, 255, 255, 0]) };
    expect(core.fromArray({ data, dims: [1, 1, 2, 2], type: 'float32' }, { layout: 'chw' })).toEqual(expected);
    expect(core.fromArray({ data, shape: [2, 2] })).toEqual(expected);
    expect(core.fromArray({ dataSync: () => data, shape: [2, 2, 1] })).toEqual(expected);
  });

  test('nested plain arrays infer their shape', () => {
    const r = core.fromArray([[[255, 0, 0], [0, 255, 0]]]);
    expect(r).toEqual({ width: 2, height: 1, mode: 'RGB', data: Uint8Array.from([255, 0, 0, 0, 255, 0]) });
  });

  test('4 channels with fileType jpg drop alpha', () => {
    const r = core.fromArray(Uint8Array.from([10, 20, 30, 40, 50, 60, 70, 80]), { shape: [1, 2, 4], fileType: 'jpg' });
    expect(r).toEqual({ width: 2, height: 1, mode: 'RGB', data: Uint8Array.from([10, 20, 30, 50, 60, 70]) });
  });

  test('an explicit mode reads the natural mode then converts (RGB → L with Pillow luma)', () => {
    const r = core.fromArray(Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255]), { shape: [1, 3, 3], mode: 'L' });
    expect(r).toEqual({ width: 3, height: 1, mode: 'L', data: Uint8Array.from([76, 150, 29]) });
  });

  test('normalize: false', () => {
    const r = core.fromArray(Float32Array.from([-1, 300, 0.7, 1]), { shape: [2, 2], normalize: false });
    expect(Array.from(r.data)).toEqual([0, 255, 0, 1]);
  });

  test.each([
    [[0, 4], 0, 'at least 1'],
    [[2, 0, 3], 0, 'at least 1'],
    [[2, 2, 5], 20, '5 channels'],
    [[2, 2, 3], 11, 'needs 12 elements but the data has 11'],
    [[4], 4, 'not an image shape'],
    [[3, 8, 8], 192, 'layout "chw"'],
  ])('invalid shape %j → invalid_shape naming it', (shape, length, text) => {
    let error;
    try {
      core.fromArray(new Float32Array(length), { shape });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImageFieldError);
    expect(error.code).toBe('invalid_shape');
    expect(error.message).toContain(JSON.stringify(shape));
    expect(error.message).toContain(text);
  });

  test('non-integer shapes and missing shapes are invalid_shape', () => {
    expect(() => core.fromArray(new Float32Array(4), { shape: [2, 2.5] })).toThrow(expect.objectContaining({ code: 'invalid_shape' }));
    expect(() => core.fromArray(new Float32Array(4))).toThrow(expect.objectContaining({ code: 'invalid_shape' }));
  });

  test('unknown file type → invalid_format; unknown mode → invalid_mode; bad layout → invalid_argument', () => {
    expect(() => core.fromArray(new Uint8Array(4), { shape: [2, 2], fileType: 'gif' }))
      .toThrow(expect.objectContaining({ code: 'invalid_format' }));
    expect(() => core.fromArray(new Uint8Array(4), { shape: [2, 2], mode: 'XYZ' }))
      .toThrow(expect.objectContaining({ code: 'invalid_mode', message: expect.stringContaining('XYZ') }));
    expect(() => core.fromArray(new Uint8Array(4), { shape: [2, 2], layout: 'nhwc' }))
      .toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});
