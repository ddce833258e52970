// The benchmark cases, run the same way in Node and in Chromium. Every case
// is a median of repeated runs; baselines are measured in the same run.
import { loadCore } from '../web/index.js';
import { instantiateModule } from '../web/core/load-core.js';
import { chartLike, modelOutput, photoLike, toRgba } from './images.js';

const now = () => performance.now();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median ms of fn(); setup() runs untimed before each run. */
async function measure(fn, { runs = 15, warmup = 3, setup = () => undefined } = {}) {
  for (let i = 0; i < warmup; i++) await fn(setup());
  const times = [];
  for (let i = 0; i < runs; i++) {
    const state = setup();
    const start = now();
    await fn(state);
    times.push(now() - start);
  }
  return median(times);
}

/** The tuned JS baseline: the same rules as the core, CHW → HWC, one output allocation. */
export function normalizeInJs(chw, channels, height, width) {
  const pixels = height * width;
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (let i = 0; i < chw.length; i++) {
    const v = chw[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== v) nan = true;
  }
  const out = new Uint8Array(chw.length);
  const unit = !nan && min >= 0 && max <= 1;
  const signed = !nan && !unit && min >= -1 && max <= 1;
  for (let c = 0; c < channels; c++) {
    const plane = c * pixels;
    for (let i = 0, o = c; i < pixels; i++, o += channels) {
      const v = chw[plane + i];
      const scaled = unit ? Math.fround(v * 255) : signed ? Math.fround(127.5 * Math.fround(v + 1)) : v;
      out[o] = scaled > 0 ? (scaled >= 255 ? 255 : scaled) : 0;
    }
  }
  return out;
}

function canvasOf({ width, height, data }) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d').putImageData(new ImageData(toRgba({ width, height, data }), width, height), 0, 0);
  return canvas;
}

const toBlob = (canvas, type, quality) => new Promise((resolve) => canvas.toBlob(resolve, type, quality));

/**
 * @param {{ browser: boolean, log?: (line: string) => void }} env
 * @returns {Promise<{ rows: object[], loadCoreMs: number, simd: boolean }>}
 */
export async function runSuite({ browser, log = () => undefined }) {
  const rows = [];
  const add = (name, ms, extra = {}) => {
    rows.push({ name, ms: +ms.toFixed(3), ...extra });
    log(`${name}: ${ms.toFixed(2)} ms`);
    return ms;
  };

  const start = now();
  const core = await loadCore();
  const loadCoreMs = now() - start;
  add('loadCore() (first call)', loadCoreMs);

  // --- Normalization, 1024² CHW float32 in [-1, 1] → RGB ---
  const C = 3, H = 1024, W = 1024;
  const chw = modelOutput(C, H, W);
  const reference = normalizeInJs(chw, C, H, W);
  const viaCore = core.fromArray(chw, { shape: [C, H, W], layout: 'chw' }).data;
  if (!viaCore.every((v, i) => v === reference[i])) throw new Error('the JS baseline and the core disagree');

  // benchKernel is in the bench build of the modules only (build/wasm/bench,
  // `scripts/build.sh bench`): the same core and bindings plus that function.
  const kernelMs = {};
  for (const simd of [true, false]) {
    const file = simd ? 'imagefield-core-bench.wasm' : 'imagefield-core-bench-nosimd.wasm';
    const module = await instantiateModule({ simd, wasmUrl: new URL(`../build/wasm/bench/${file}`, import.meta.url) });
    const input = module.allocInput(chw.byteLength);
    const output = module.allocInput(chw.length);
    new Float32Array(module.HEAPU8.buffer, input, chw.length).set(chw);
    const tag = simd ? 'SIMD' : 'no SIMD';
    kernelMs[`floor ${tag}`] = add(`floor: read f32 + write u8, Wasm ${tag}`,
      await measure(() => module.benchKernel('floor', input, output, C, H, W)));
    kernelMs[`kernel ${tag}`] = add(`normalize kernel CHW→RGB, Wasm ${tag}`,
      await measure(() => module.benchKernel('kernel', input, output, C, H, W)));
    rows.at(-1).ratio = +(kernelMs[`kernel ${tag}`] / kernelMs['floor SIMD']).toFixed(2);
    rows.at(-1).baseline = 'floor SIMD';
    module.releaseInput(input);
    module.releaseInput(output);
  }
  const js = add('normalize CHW→RGB, tuned JS loop', await measure(() => normalizeInJs(chw, C, H, W)));
  const e2e = add('normalize end to end: core.fromArray(Float32Array)',
    await measure(() => core.fromArray(chw, { shape: [C, H, W], layout: 'chw' })));
  Object.assign(rows.at(-1), { baseline: 'tuned JS', ratio: +(e2e / js).toFixed(3), speedup: +(js / e2e).toFixed(2) });
  const zero = add('normalize end to end: allocInput + fromArray (zero-copy)',
    await measure((input) => core.fromArray(input, { shape: [C, H, W], layout: 'chw' }), {
      setup: () => {
        const input = core.allocInput('float32', chw.length);
        input.array.set(chw);  // the model's own write, not timed
        return input;
      },
    }));
  Object.assign(rows.at(-1), { baseline: 'tuned JS', ratio: +(zero / js).toFixed(3), speedup: +(js / zero).toFixed(2) });

  // --- PNG encode ---
  const photo = photoLike(1024, 1024);
  const chart = chartLike(1024, 768);
  const sizes = {};
  for (const [label, image] of [['photo', photo], ['chart', chart]]) {
    const runs = { runs: 5, warmup: 1 };
    for (const [variant, options] of [['libdeflate level 1 (default)', {}], ['libdeflate level 6', { compression: 6 }],
      ['stb deflate', { deflate: 'stb' }]]) {
      const png = core.encode(image, options);
      sizes[`png ${label} ${variant}`] = png.length;
      add(`PNG encode ${label} 1024², ${variant}`, await measure(() => core.encode(image, options), runs),
        { bytes: png.length });
    }
    if (browser) {
      const canvas = canvasOf(image);
      const blob = await toBlob(canvas, 'image/png');
      sizes[`png ${label} canvas.toBlob`] = blob.size;
      add(`PNG encode ${label} 1024², canvas.toBlob`, await measure(() => toBlob(canvas, 'image/png'), runs),
        { bytes: blob.size });
    }
  }

  // --- JPEG encode / decode (q90) ---
  const jpeg = core.encode(photo, { format: 'jpeg', quality: 90 });
  add('JPEG q90 encode photo 1024², core', await measure(() => core.encode(photo, { format: 'jpeg', quality: 90 }), { runs: 7, warmup: 1 }),
    { bytes: jpeg.length });
  add('JPEG decode photo 1024², core', await measure(() => core.decode(jpeg), { runs: 9, warmup: 2 }));
  if (browser) {
    const canvas = canvasOf(photo);
    const blob = await toBlob(canvas, 'image/jpeg', 0.9);
    add('JPEG q90 encode photo 1024², canvas.toBlob', await measure(() => toBlob(canvas, 'image/jpeg', 0.9), { runs: 7, warmup: 1 }),
      { bytes: blob.size });
    const file = new Blob([jpeg], { type: 'image/jpeg' });
    const ctx = new OffscreenCanvas(photo.width, photo.height).getContext('2d');
    add('JPEG decode photo 1024², createImageBitmap + getImageData', await measure(async () => {
      const bitmap = await createImageBitmap(file);
      ctx.drawImage(bitmap, 0, 0);
      ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      bitmap.close();
    }, { runs: 9, warmup: 2 }));
  }
  if (browser) await (await import('./drop-to-change.js')).dropToChangeRows(add);  // the element needs a DOM
  return { rows, sizes, loadCoreMs, simd: core.simd };
}
