// `npm run bench`: medians of repeated runs, with ratios against baselines
// measured in the same run. Writes bench/results/latest.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadCore } from '../web/index.js';

const ROOT = new URL('..', import.meta.url);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The tuned JS baseline: the same rule as the core ([-1,1] branch known), CHW → HWC. */
function normalizeInJs(chw, channels, height, width) {
  const pixels = height * width;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < chw.length; i++) {
    const v = chw[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out = new Uint8Array(chw.length);
  const unit = min >= 0 && max <= 1;
  const signed = !unit && min >= -1 && max <= 1;
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

function floorCopy(chw, out) {
  // Reading every float and writing every byte: the bandwidth floor of normalization.
  for (let i = 0; i < chw.length; i++) out[i] = chw[i];
}

const loadStart = performance.now();
const core = await loadCore();
const loadMs = performance.now() - loadStart;

const W = 1024, H = 1024, C = 3;
const chw = new Float32Array(C * H * W);
for (let i = 0; i < chw.length; i++) chw[i] = Math.sin(i * 0.001) * Math.cos(i * 0.00007);
const raster = core.fromArray(chw, { shape: [C, H, W], layout: 'chw' });
const check = normalizeInJs(chw, C, H, W);
if (!check.every((v, i) => v === raster.data[i])) throw new Error('JS baseline and core disagree');

const rows = [];
const add = (name, ms, baseline) => rows.push({ name, ms: +ms.toFixed(2), ...(baseline ? { baseline: baseline.name, ratio: +(ms / baseline.ms).toFixed(2) } : {}) });

const floorBytes = new Uint8Array(chw.length);
const floor = { name: 'floor: read f32 + write u8 (JS)', ms: measure(() => floorCopy(chw, floorBytes)) };
const jsLoop = { name: 'normalize CHW f32 1024² (tuned JS)', ms: measure(() => normalizeInJs(chw, C, H, W)) };
add(floor.name, floor.ms);
add(jsLoop.name, jsLoop.ms);
add('normalize CHW f32 1024² (core, end to end)', measure(() => core.fromArray(chw, { shape: [C, H, W], layout: 'chw' })), jsLoop);
add('toUint8 f32 3·1024² (core, end to end)', measure(() => core.toUint8(chw)), floor);

const png = core.encode(raster);
const jpeg = core.encode(raster, { format: 'jpeg', quality: 90 });
const encodePng = { name: 'encode PNG 1024² RGB', ms: measure(() => core.encode(raster), { runs: 5, warmup: 1 }) };
add(encodePng.name, encodePng.ms);
add('encode JPEG q90 1024² RGB', measure(() => core.encode(raster, { format: 'jpeg', quality: 90 }), { runs: 7, warmup: 1 }));
add('decode PNG 1024² RGB', measure(() => core.decode(png), { runs: 7, warmup: 1 }));
add('decode JPEG 1024² RGB', measure(() => core.decode(jpeg), { runs: 7, warmup: 1 }));
add('convert RGB → L 1024²', measure(() => core.convert(raster, 'L')));

const wasm = await readFile(new URL('web/wasm/imagefield-core.wasm', ROOT));
const glue = await readFile(new URL('web/wasm/imagefield-core.js', ROOT));
const sizes = {
  wasmBytes: wasm.length,
  wasmGzipBytes: gzipSync(wasm, { level: 9 }).length,
  glueBytes: glue.length,
  glueGzipBytes: gzipSync(glue, { level: 9 }).length,
  pngBytes: png.length,
  jpegQ90Bytes: jpeg.length,
};

console.log(`loadCore() in Node: ${loadMs.toFixed(1)} ms`);
console.table(rows);
console.table(sizes);
const results = { date: new Date().toISOString(), node: process.version, loadCoreMs: +loadMs.toFixed(1), rows, sizes };
await mkdir(new URL('bench/results/', ROOT), { recursive: true });
await writeFile(new URL('bench/results/latest.json', ROOT), `${JSON.stringify(results, null, 2)}\n`);
console.log('written: bench/results/latest.json');
