// The SIMD build must give the same bytes as the scalar (non-SIMD) build, and
// both must follow the rules; random and edge-case data, lengths that are not
// a multiple of the vector width, planes that start unaligned.
import { loadCore } from '../../web/index.js';
import { seededUint32 } from './fixtures.js';
import { engineHasSimd } from '../../web/core/load-wasm.js';

let simd;
let scalar;
beforeAll(async () => {
  simd = await loadCore({ simd: true });
  scalar = await loadCore({ simd: false });
});

// Reproducible random numbers in [0, 1).
function random(seed) {
  const next = seededUint32(seed);
  return () => next() / 2 ** 32;
}

/** The wandb rules in float32, written independently of the core. */
function referenceToUint8(values) {
  let lo = Infinity;
  let hi = -Infinity;
  let nan = false;
  for (const v of values) {
    if (Number.isNaN(v)) nan = true;
    else {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const rule = nan ? 'clip' : lo >= 0 && hi <= 1 ? 'unit' : lo >= -1 && hi <= 1 ? 'signed' : 'clip';
  return Uint8Array.from(values, (v) => {
    const f = rule === 'unit' ? Math.fround(v * 255) : rule === 'signed' ? Math.fround(127.5 * Math.fround(v + 1)) : v;
    if (!(f > 0)) return 0;
    return f >= 255 ? 255 : Math.trunc(f);
  });
}

const LENGTHS = [0, 1, 3, 15, 16, 17, 31, 33, 47, 48, 49, 63, 64, 65, 100, 255, 1000, 4099];

function floatCases() {
  const rnd = random(7);
  const cases = [];
  for (const n of LENGTHS) {
    cases.push([`unit n=${n}`, Float32Array.from({ length: n }, () => rnd())]);
    cases.push([`signed n=${n}`, Float32Array.from({ length: n }, () => rnd() * 2 - 1)]);
    cases.push([`wide n=${n}`, Float32Array.from({ length: n }, () => rnd() * 600 - 200)]);
  }
  const edges = [0, -0, 1, -1, 0.5, 0.3, 254.5, 255, 255.5, 256, -1e-45, 1e-45, 3.4e38, -3.4e38, 0.99999994, 1.0000001];
  cases.push(['edge values', Float32Array.from(edges)]);
  cases.push(['±inf', Float32Array.from([Infinity, -Infinity, 0.2, 7, ...edges])]);
  cases.push(['exact boundaries, signed', Float32Array.from({ length: 37 }, (_, i) => (i % 3) - 1)]);
  cases.push(['exact boundaries, unit', Float32Array.from({ length: 37 }, (_, i) => i % 2)]);
  cases.push(['-0 only', Float32Array.from({ length: 20 }, () => -0)]);
  for (const at of [0, 5, 16, 19, 40]) {
    const withNaN = Float32Array.from({ length: 41 }, () => rnd() * 2 - 1);
    withNaN[at] = NaN;
    cases.push([`NaN at ${at} (in a vector lane or the tail)`, withNaN]);
  }
  cases.push(['all NaN', Float32Array.from({ length: 33 }, () => NaN)]);
  // A subarray starting 1 float into its buffer: unaligned for the caller.
  const big = Float32Array.from({ length: 1001 }, () => rnd() * 2 - 1);
  cases.push(['unaligned subarray', big.subarray(1)]);
  return cases;
}

test('loadCore({simd}) picks the build; the default follows WebAssembly.validate', async () => {
  expect(simd.simd).toBe(true);
  expect(scalar.simd).toBe(false);
  expect((await loadCore()).simd).toBe(engineHasSimd());
  expect(engineHasSimd()).toBe(true);  // Node 20 has Wasm SIMD
});

describe('float32 normalization: SIMD = scalar = the rules', () => {
  test.each(floatCases())('%s', (_, values) => {
    const expected = referenceToUint8(values);
    expect(simd.toUint8(values)).toEqual(expected);
    expect(scalar.toUint8(values)).toEqual(expected);
    expect(simd.toUint8(values, { normalize: false })).toEqual(scalar.toUint8(values, { normalize: false }));
  });
});

describe('CHW → HWC interleave: SIMD = scalar = reference', () => {
  const rnd = random(11);
  const cases = [];
  for (const channels of [1, 2, 3, 4]) {
    for (const [h, w] of [[1, 1], [3, 5], [4, 4], [7, 9], [16, 16], [17, 33], [64, 65]]) cases.push([channels, h, w]);
  }
  test.each(cases)('C=%i, %i×%i', (channels, height, width) => {
    const chw = Float32Array.from({ length: channels * height * width }, () => rnd() * 2 - 1);
    const bytes = referenceToUint8(chw);
    const n = height * width;
    const expected = new Uint8Array(bytes.length);
    for (let c = 0; c < channels; c++) for (let i = 0; i < n; i++) expected[i * channels + c] = bytes[c * n + i];
    const options = { shape: [channels, height, width], layout: 'chw' };
    expect(simd.fromArray(chw, options).data).toEqual(expected);
    expect(scalar.fromArray(chw, options).data).toEqual(expected);
  });
});

// Float32 arrays are converted in one pass with the rule a sample of 64 runs of
// 64 values suggests, and converted again when the whole range picks another
// rule. These arrays hide what decides the rule where no sample looks: every
// wrong guess must still give the bytes of the rules.
describe('float32 normalization when the sample misleads: SIMD = scalar = the rules', () => {
  const rnd = random(31);
  const channels = 3, height = 97, width = 101;  // 29391 values: sampled, with a tail
  const n = channels * height * width;
  const stride = Math.floor((n - 64) / 63);
  // Between two sampled runs, and in the scalar tail of the last plane.
  const hidden = [stride + 64 + 5, 40 * stride + 100, n - 3];
  const cases = [];
  for (const at of hidden) {
    for (const [label, base, odd] of [
      ['unit data, one -0.25 → signed', () => rnd(), -0.25],
      ['unit data, one -0 → still unit', () => rnd(), -0],
      ['unit data, one 1.5 → clip', () => rnd(), 1.5],
      ['unit data, one NaN → clip', () => rnd(), NaN],
      ['signed data, one -1.0000001 → clip', () => rnd() * 2 - 1, -1.0000001],
      ['signed data, one +inf → clip', () => rnd() * 2 - 1, Infinity],
      ['signed data, one NaN → clip', () => rnd() * 2 - 1, NaN],
    ]) {
      const values = Float32Array.from({ length: n }, base);
      values[at] = odd;
      cases.push([`${label}, at ${at}`, values]);
    }
  }
  // Opposite infinities overflow any running sum to NaN without a NaN value.
  const wide = Float32Array.from({ length: n }, () => rnd() * 2 - 1);
  wide[stride + 70] = 3e38;
  wide[stride + 71] = 3e38;
  wide[2 * stride + 70] = -3e38;
  wide[2 * stride + 71] = -3e38;
  cases.push(['±3e38 pairs whose sums overflow both ways', wide]);
  // The first differing index (-1: none); a diff of 29391 bytes would drown the report.
  const firstDifference = (actual, expected) => {
    if (actual.length !== expected.length) return `length ${actual.length} ≠ ${expected.length}`;
    const at = actual.findIndex((v, i) => v !== expected[i]);
    return at < 0 ? -1 : `${at}: ${actual[at]} ≠ ${expected[at]}`;
  };
  test.each(cases)('%s', (_, values) => {
    const expected = referenceToUint8(values);
    expect(firstDifference(simd.toUint8(values), expected)).toBe(-1);
    expect(firstDifference(scalar.toUint8(values), expected)).toBe(-1);
    const pixels = new Uint8Array(n);
    const plane = height * width;
    for (let c = 0; c < channels; c++) for (let i = 0; i < plane; i++) pixels[i * channels + c] = expected[c * plane + i];
    const options = { shape: [channels, height, width], layout: 'chw' };
    expect(firstDifference(simd.fromArray(values, options).data, pixels)).toBe(-1);
    expect(firstDifference(scalar.fromArray(values, options).data, pixels)).toBe(-1);
  });
});

describe('hot mode conversions: SIMD = scalar = Pillow formulas', () => {
  const rnd = random(23);
  const sizes = [[1, 1], [1, 15], [1, 16], [3, 17], [5, 13], [16, 16], [31, 33], [100, 7]];
  const bytesFor = (n) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
  const reference = {
    'RGB→L': (d, n) => Uint8Array.from({ length: n },
      (_, i) => Math.floor((d[3 * i] * 19595 + d[3 * i + 1] * 38470 + d[3 * i + 2] * 7471 + 0x8000) / 65536)),
    'RGB→RGBA': (d, n) => Uint8Array.from({ length: 4 * n }, (_, k) => (k % 4 === 3 ? 255 : d[3 * (k >> 2) + (k % 4)])),
    'RGBA→RGB': (d, n) => Uint8Array.from({ length: 3 * n }, (_, k) => d[4 * Math.floor(k / 3) + (k % 3)]),
    'L→RGBA': (d, n) => Uint8Array.from({ length: 4 * n }, (_, k) => (k % 4 === 3 ? 255 : d[k >> 2])),
    'L→RGB': (d, n) => Uint8Array.from({ length: 3 * n }, (_, k) => d[Math.floor(k / 3)]),
  };
  const cases = [];
  for (const pair of Object.keys(reference)) for (const [h, w] of sizes) cases.push([pair, h, w]);
  test.each(cases)('%s %i×%i', (pair, height, width) => {
    const [from, to] = pair.split('→');
    const n = height * width;
    const data = bytesFor(n * from.length);
    // Extremes in the first pixels: all-0 and all-255 channels.
    data.fill(255, 0, Math.min(data.length, from.length));
    const raster = { width, height, mode: from, data };
    const expected = reference[pair](data, n);
    expect(simd.convert(raster, to).data).toEqual(expected);
    expect(scalar.convert(raster, to).data).toEqual(expected);
  });
});
