// JPEG through the real Wasm builds (SIMD and non-SIMD) against Pillow 9.4's
// own output, byte for byte: tests/data/jpeg/expected.json, written by
// tests/golden/make_jpeg_reference.py for the JPEG files it generates (every
// subsampling, progressive, grey, Adobe CMYK, restart intervals, arithmetic
// coding, odd sizes) and every other JPEG in tests/data/.
import fs from 'node:fs';
import { readFileSync } from 'node:fs';
import crypto from 'node:crypto';
import { loadCore, ImageFieldError } from '../../web/index.js';
import { poisonHeap } from './poison-heap.js';
import { expectRefusedAsPillowRefuses, thrown } from './refusals.js';

const dataDir = new URL('../data/', import.meta.url);
// The same core with allocation counters (scripts/build.sh test-hooks), never shipped.
const TEST_HOOKS_WASM = new URL('../../build/wasm/test-hooks/imagefield-core-test-hooks.wasm', import.meta.url);
const expected = JSON.parse(fs.readFileSync(new URL('jpeg/expected.json', dataDir), 'utf8'));
const names = Object.keys(expected).sort();
const readable = names.filter((name) => !expected[name].refused);
const bytesOf = (name) => new Uint8Array(fs.readFileSync(new URL(name, dataDir)));
const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** The last scan of a progressive file repeated `copies` times before its EOI. */
function withRepeatedLastScan(jpeg, copies) {
  let last = 0;
  for (let i = 0; i + 1 < jpeg.length; i++) if (jpeg[i] === 0xff && jpeg[i + 1] === 0xda) last = i;
  const scan = jpeg.subarray(last, jpeg.length - 2);
  const parts = [jpeg.subarray(0, jpeg.length - 2)];
  for (let i = 0; i < copies; i++) parts.push(scan);
  parts.push(Uint8Array.of(0xff, 0xd9));
  return new Uint8Array(Buffer.concat(parts));
}

test('the reference covers the generated cases and the repository\'s own JPEGs', () => {
  expect(readable.length).toBeGreaterThanOrEqual(29);
  for (const mode of ['L', 'RGB', 'CMYK']) expect(readable.some((name) => expected[name].mode === mode)).toBe(true);
  expect(names).toEqual(expect.arrayContaining(['pillow-cases/hopper_bad_exif.jpg', 'jpeg/odd_17x13_420.jpg',
    'jpeg/hopper_arithmetic_progressive.jpg', 'jpeg/hopper_restart_420.jpg', 'jpeg/hopper_cmyk_adobe.jpg']));
});

describe.each([
  ['SIMD', true],
  ['non-SIMD', false],
])('%s build', (_label, simd) => {
  let core;
  beforeAll(async () => {
    core = await loadCore({ simd });
  });

  test.each(names)('%s: Pillow\'s mode and pixels', (name) => {
    const entry = expected[name];
    if (entry.refused) {
      // Pillow refuses it ("${entry.pillow_error}"), and so does the core.
      expectRefusedAsPillowRefuses(() => core.decode(bytesOf(name)));
      return;
    }
    const natural = core.decode(bytesOf(name));
    expect([natural.width, natural.height, natural.mode]).toEqual([...entry.size, entry.mode]);
    expect(sha256(natural.data)).toBe(entry.natural_sha256);
    const rgba = core.decode(bytesOf(name), { mode: 'RGBA' });
    expect(sha256(rgba.data)).toBe(entry.rgba_sha256);
  });

  test('every file decodes to the same bytes twice, with other decodes and a dirtied heap in between', () => {
    poisonHeap(core, 0x5a);
    const first = readable.map((name) => sha256(core.decode(bytesOf(name)).data));
    poisonHeap(core, 0xa5);
    const second = [...readable].reverse().map((name) => sha256(core.decode(bytesOf(name)).data)).reverse();
    expect(readable.filter((_name, i) => first[i] !== second[i])).toEqual([]);
  });

  test('a file cut anywhere, even just before its end-of-image marker, is refused (Pillow: "image file is truncated")', () => {
    for (const name of ['jpeg/hopper_420.jpg', 'jpeg/hopper_progressive_420.jpg', 'jpeg/hopper_arithmetic.jpg']) {
      const whole = bytesOf(name);
      for (let cut = 0; cut < whole.length; cut += cut + 40 < whole.length ? 101 : 1) {
        const error = thrown(() => core.decode(whole.subarray(0, cut)));
        expect(error).toBeInstanceOf(ImageFieldError);
        expect(error.code).toBe('decode_failed');
      }
    }
  });

  test('a progressive file with more than 500 scans is refused, and the core stays usable', () => {
    const progressive = bytesOf('jpeg/hopper_progressive_420.jpg');
    expect(core.decode(withRepeatedLastScan(progressive, 20)).width).toBe(128);
    const error = thrown(() => core.decode(withRepeatedLastScan(progressive, 500)));
    expect(error).toMatchObject({ code: 'decode_failed', message: expect.stringContaining('more than 500 scans') });
    expect(sha256(core.decode(progressive).data)).toBe(expected['jpeg/hopper_progressive_420.jpg'].natural_sha256);
  });

  test('limits and the decode budget apply to JPEG', () => {
    const jpeg = bytesOf('jpeg/hopper_progressive_420.jpg');
    expect(thrown(() => core.decode(jpeg, { maxDecodeBytes: 20000 }))).toMatchObject({ code: 'too_large', message: expect.stringContaining('maxDecodeBytes') });
    expect(thrown(() => core.decode(jpeg, { maxAxis: 127 }))).toMatchObject({ code: 'too_large', message: expect.stringContaining('maxAxis') });
    expect(thrown(() => core.decode(jpeg, { maxPixels: 16383 }))).toMatchObject({ code: 'too_large', message: expect.stringContaining('maxPixels') });
  });

  test('libjpeg\'s own refusals reach the caller as decode_failed with its reason', () => {
    const jpeg = bytesOf('jpeg/hopper_420.jpg');
    const sof = jpeg.findIndex((v, i) => v === 0xff && jpeg[i + 1] === 0xc0);
    const twelveBit = jpeg.slice();
    twelveBit[sof + 4] = 12;
    expect(thrown(() => core.decode(twelveBit))).toMatchObject({ code: 'decode_failed', message: expect.stringContaining('precision 12') });
  });
});

// libjpeg reports a fatal error by a longjmp out of its own frames; every such
// exit (its own errors, the scan limit, the decode budget running out mid-file)
// must still free everything the decode allocated.
test('failed JPEG decodes leave no allocation behind', async () => {
  const core = await loadCore({ wasmBinary: readFileSync(TEST_HOOKS_WASM) });
  const jpeg = bytesOf('jpeg/hopper_420.jpg');
  const sof = jpeg.findIndex((v, i) => v === 0xff && jpeg[i + 1] === 0xc0);
  const twelveBit = jpeg.slice();
  twelveBit[sof + 4] = 12;
  const progressive = bytesOf('jpeg/hopper_progressive_420.jpg');
  const tooManyScans = withRepeatedLastScan(progressive, 500);
  const round = () => {
    expect(core.decode(jpeg).width).toBe(128);
    expect(thrown(() => core.decode(twelveBit)).code).toBe('decode_failed');
    expect(thrown(() => core.decode(tooManyScans)).code).toBe('decode_failed');
    expect(thrown(() => core.decode(progressive, { maxDecodeBytes: 120000 })).code).toBe('too_large');
  };
  round();
  const before = core.testHeapCounters;
  for (let i = 0; i < 20; i++) round();
  const after = core.testHeapCounters;
  expect(after.liveAllocations).toBe(before.liveAllocations);
  expect(after.heapBytesInUse).toBe(before.heapBytesInUse);
});
