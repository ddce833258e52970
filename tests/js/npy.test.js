// .npy files written by hand, decoded by core.decode with the wandb rules.
import { loadCore } from '../../web/index.js';
import { npyFile, npyHeaderBytes } from './npy-fixtures.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

const ARRAYS = {
  u1: [Uint8Array, [0, 1, 2, 100, 200, 255, 7, 8, 9, 10, 11, 12]],
  i1: [Int8Array, [-128, -1, 0, 1, 127, 5, 6, 7, 8, 9, 10, 11]],
  b1: [Uint8Array, [0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1]],
  u2: [Uint16Array, [0, 1, 300, 65535, 5, 6, 7, 8, 9, 10, 11, 12]],
  i2: [Int16Array, [-32768, -1, 0, 1, 32767, 200, 7, 8, 9, 10, 11, 12]],
  u4: [Uint32Array, [0, 1, 70000, 4294967295, 5, 6, 7, 8, 9, 10, 11, 12]],
  i4: [Int32Array, [-2147483648, -5, 0, 5, 2147483647, 250, 7, 8, 9, 10, 11, 12]],
  f4: [Float32Array, [0, 0.25, 0.5, 0.75, 1, 0.125, 0.3, 0.6, 0.9, 0.1, 0.2, 0.4]],
  f8: [Float64Array, [-1, -0.5, 0, 0.5, 1, 0.25, -0.25, 0.3, -0.3, 0.9, -0.9, 0.1]],
};
const SHAPE = [2, 2, 3];

describe.each(Object.keys(ARRAYS))('dtype %s', (kind) => {
  const [Type, values] = ARRAYS[kind];
  const expected = () => core.fromArray(Type.from(values), { shape: SHAPE });

  test.each([1, 2, 3])('format version %i, little-endian', (major) => {
    expect(core.decode(npyFile(kind, SHAPE, values, { major }))).toEqual(expected());
  });

  if (Type.BYTES_PER_ELEMENT > 1) {
    test.each([1, 2, 3])('format version %i, big-endian', (major) => {
      expect(core.decode(npyFile(kind, SHAPE, values, { major, bigEndian: true }))).toEqual(expected());
    });
  }
});

describe('pixels by the wandb rules', () => {
  test('uint8 is taken as it is, float [0,1] scaled, [-1,1] shifted, bool 0/255', () => {
    expect(Array.from(core.decode(npyFile('u1', [2, 3], [0, 1, 2, 100, 200, 255])).data)).toEqual([0, 1, 2, 100, 200, 255]);
    expect(Array.from(core.decode(npyFile('f4', [1, 3], [0, 0.5, 1])).data)).toEqual([0, 127, 255]);
    expect(Array.from(core.decode(npyFile('f8', [1, 3], [-1, 0, 1])).data)).toEqual([0, 127, 255]);
    expect(Array.from(core.decode(npyFile('b1', [1, 2], [0, 1])).data)).toEqual([0, 255]);
    expect(Array.from(core.decode(npyFile('i2', [1, 3], [-5, 128, 999])).data)).toEqual([0, 128, 255]);
  });

  test('modes are guessed from the shape', () => {
    expect(core.decode(npyFile('u1', [2, 3], new Array(6).fill(9))).mode).toBe('L');
    expect(core.decode(npyFile('u1', [2, 3, 1], new Array(6).fill(9))).mode).toBe('L');
    expect(core.decode(npyFile('u1', [2, 3, 2], new Array(12).fill(9))).mode).toBe('LA');
    expect(core.decode(npyFile('u1', [2, 1, 4], new Array(8).fill(9))).mode).toBe('RGBA');
  });

  test('layout chw reads torch order; [1,C,H,W] too', () => {
    const chw = [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0];  // 3 planes of 2x3, in [0, 1]
    const raster = core.decode(npyFile('f4', [3, 2, 3], chw), { layout: 'chw' });
    expect(raster).toMatchObject({ width: 3, height: 2, mode: 'RGB' });
    expect(Array.from(raster.data.slice(0, 6))).toEqual([0, 0, 0, 0, 0, 255]);
    expect(core.decode(npyFile('f4', [1, 3, 2, 3], chw), { layout: 'chw' })).toEqual(raster);
    // The default hwc reads the same file as 3 rows of 2 RGB pixels.
    expect(core.decode(npyFile('f4', [3, 2, 3], chw))).toMatchObject({ width: 2, height: 3, mode: 'RGB' });
  });

  test('Fortran order is transposed to C order', () => {
    const values = Array.from({ length: 24 }, (_, i) => i * 10);
    expect(core.decode(npyFile('u1', [2, 4, 3], values, { fortran: true })))
      .toEqual(core.decode(npyFile('u1', [2, 4, 3], values)));
  });

  test('mode converts the result and core.Image takes .npy bytes', () => {
    const file = npyFile('u1', [2, 2, 3], [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    expect(core.decode(file, { mode: 'L' })).toEqual(core.convert(core.decode(file), 'L'));
    const img = new core.Image(file);
    expect(img.format).toBe('png');
    expect(img.raster).toEqual(core.decode(file));
  });

  test('the decode limits apply', () => {
    const file = npyFile('u1', [20, 30], new Array(600).fill(1));
    expect(() => core.decode(file, { maxPixels: 599 })).toThrow(expect.objectContaining({ code: 'too_large', message: expect.stringContaining('maxPixels') }));
    expect(() => core.decode(file, { maxAxis: 29 })).toThrow(expect.objectContaining({ code: 'too_large', message: expect.stringContaining('maxAxis') }));
    expect(() => core.decode(file, { maxFileBytes: 100 })).toThrow(expect.objectContaining({ code: 'too_large' }));
  });
});

describe('malformed and unsupported files give clear errors', () => {
  const withHeader = (dict, dataBytes = 0, major = 1) => {
    const header = npyHeaderBytes(dict, major);
    const out = new Uint8Array(header.length + dataBytes);
    out.set(header);
    return out;
  };
  const dict = (descr, shape, fortran = 'False') => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

  test.each([
    ['a missing key', withHeader("{'descr': '|u1', 'shape': (2, 2), }", 4), 'decode_failed', 'must have the keys descr, fortran_order and shape'],
    ['an unknown key', withHeader("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2), 'x': 1}", 4), 'decode_failed', "unexpected key 'x'"],
    ['no opening brace', withHeader("'descr': '|u1'", 0), 'decode_failed', "does not start with '{'"],
    ['an unclosed dict', withHeader("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2)", 4), 'decode_failed', "expected ',' or '}'"],
    ['fortran_order not a bool', withHeader(dict('|u1', '(2, 2)', 'None'), 4), 'decode_failed', "'fortran_order' is not True or False"],
    ['a negative dimension', withHeader(dict('|u1', '(2, -2)'), 4), 'decode_failed', "'shape' holds something other than non-negative integers"],
    ['a list for the shape', withHeader(dict('|u1', '[2, 2]'), 4), 'decode_failed', "'shape' is not a tuple"],
    ['control characters', withHeader("{'descr': '|u1',\u0001 'fortran_order': False, 'shape': (2, 2)}", 4), 'decode_failed', 'control characters'],
    ['too little data', withHeader(dict('<f4', '(2, 2)'), 15), 'decode_failed', "declares 4 elements of '<f4' (16 bytes) but the file holds 15 bytes"],
    ['too much data', withHeader(dict('<f4', '(2, 2)'), 17), 'decode_failed', 'the file holds 17 bytes'],
    ['int64', withHeader(dict('<i8', '(2, 2)'), 32), 'unsupported_file', "dtype '<i8' is not supported; supported: u1 i1 u2 i2 u4 i4 f4 f8 b1"],
    ['float16', withHeader(dict('<f2', '(2, 2)'), 8), 'unsupported_file', "dtype '<f2'"],
    ['a structured dtype', withHeader("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", 8), 'decode_failed', "'descr' is not a string"],
    ['a 1-D array', withHeader(dict('|u1', '(4,)'), 4), 'invalid_shape', '[4]'],
    ['an empty array', withHeader(dict('|u1', '(0, 3)'), 0), 'invalid_shape', '[0,3]'],
  ])('%s', (_, bytes, code, message) => {
    expect(() => core.decode(bytes)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });

  test('a header length beyond the file, an unknown version, a truncated signature', () => {
    const file = npyFile('u1', [2, 2], [1, 2, 3, 4]);
    const long = file.slice();
    new DataView(long.buffer).setUint16(8, 60000, true);
    expect(() => core.decode(long)).toThrow(expect.objectContaining({ code: 'decode_failed', message: expect.stringContaining('declares 60000 bytes') }));
    const v4 = file.slice();
    v4[6] = 4;
    expect(() => core.decode(v4)).toThrow(expect.objectContaining({ code: 'unsupported_file', message: expect.stringContaining('version 4.0') }));
    expect(() => core.decode(file.slice(0, 9))).toThrow(expect.objectContaining({ code: 'decode_failed' }));
    const huge = npyFile('u1', [2, 2], [1, 2, 3, 4], { major: 2 });
    new DataView(huge.buffer).setUint32(8, 0x7fffffff, true);
    expect(() => core.decode(huge)).toThrow(expect.objectContaining({ code: 'decode_failed', message: expect.stringContaining('above the limit of 65535') }));
  });
});
