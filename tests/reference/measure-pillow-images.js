// Decodes every file measured by measure_pillow_images.py with the core's
// Wasm builds (SIMD and non-SIMD), twice each with the other files' decodes
// and a dirtied heap in between, and classifies each file against Pillow 9.4:
//
//   node tests/reference/measure-pillow-images.js IMAGES_DIR OUT_DIR
//
// OUT_DIR is the one the Python script wrote (pillow.json, rgba/); the result
// goes to OUT_DIR/core.json and a summary to stdout. The decodes run in a
// worker thread so that a hang (no answer within HANG_MS) or a trap can be
// told apart from an error and the measurement goes on with a fresh core.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { loadCore, ImageFieldError } from '../../web/index.js';
import { poisonHeap } from '../js/poison-heap.js';

const HANG_MS = 60000;

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

async function decodeWorker() {
  const cores = {};
  const coreFor = async (simd) => {
    cores[simd] ??= await loadCore({ simd });
    return cores[simd];
  };
  parentPort.on('message', async ({ kind, file, simd, value }) => {
    const core = await coreFor(simd);
    if (kind === 'poison') {
      poisonHeap(core, value);
      parentPort.postMessage({ done: true });
      return;
    }
    try {
      const raster = core.decode(new Uint8Array(fs.readFileSync(file)), { mode: 'RGBA' });
      const data = new Uint8Array(raster.data);
      parentPort.postMessage({ ok: true, width: raster.width, height: raster.height, mode: raster.mode, data }, [data.buffer]);
    } catch (error) {
      const known = error instanceof ImageFieldError;
      if (!known) delete cores[simd];  // a trap may leave the instance broken
      parentPort.postMessage({ ok: false, known, code: error.code, message: `${error.name}: ${error.message}` });
    }
  });
}

class Decoder {
  constructor() { this.start(); }

  start() {
    this.worker = new Worker(new URL(import.meta.url));
    this.worker.unref();
  }

  ask(message) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeAllListeners();
        this.worker.terminate();
        this.start();
        resolve({ ok: false, hang: true, message: `no answer within ${HANG_MS} ms` });
      }, HANG_MS);
      const onExit = (code) => {
        clearTimeout(timer);
        this.start();
        resolve({ ok: false, crash: true, message: `worker exited with ${code}` });
      };
      this.worker.once('exit', onExit);
      this.worker.once('message', (answer) => {
        clearTimeout(timer);
        this.worker.off('exit', onExit);
        resolve(answer);
      });
      this.worker.postMessage(message);
    });
  }

  close() { return this.worker.terminate(); }
}

function difference(reference, data) {
  let max = 0;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < reference.length; i++) {
    const d = Math.abs(reference[i] - data[i]);
    if (d > max) max = d;
    if (d) count++;
    sum += d;
  }
  return { max, mean: sum / reference.length, samples_off: count, samples: reference.length };
}

function classify(entry, outDir, runs) {
  const failed = runs.find((run) => !run.ok);
  if (failed) {
    if (failed.hang) return { class: 'hang', message: failed.message };
    if (failed.crash || !failed.known) return { class: 'trap/crash', message: failed.message };
    if (entry.refused) return { class: 'both refuse', message: failed.message, pillow_error: entry.pillow_error };
    if (runs.some((run) => run.ok)) return { class: 'unstable', message: `refused on some runs only: ${failed.message}` };
    return { class: 'refused by core, Pillow reads', code: failed.code, message: failed.message };
  }
  const digests = new Set(runs.map((run) => run.sha256));
  if (digests.size > 1) return { class: 'unstable', message: `${digests.size} different results over ${runs.length} decodes` };
  const run = runs[0];
  if (entry.refused) return { class: 'core reads, Pillow refuses', pillow_error: entry.pillow_error, size: [run.width, run.height] };
  if (run.width !== entry.size[0] || run.height !== entry.size[1]) {
    return { class: 'mismatch', message: `size ${run.width}x${run.height}, Pillow ${entry.size.join('x')}` };
  }
  if (run.sha256 === entry.rgba_sha256) return { class: 'exact' };
  if (entry.spec_rle_sha256 && run.sha256 === entry.spec_rle_sha256) {
    return { class: 'mismatch', cause: 'BMP RLE: the specification\'s reading where Pillow 9.4 misreads (deliberate)' };
  }
  if (entry.sixteen_bit && run.sha256 === entry.high_byte_sha256) {
    return { class: 'mismatch', cause: '16-bit grey: the high byte where Pillow\'s convert(\'RGBA\') clips mode I at 255 (deliberate)' };
  }
  if (entry.sixteen_bit && run.sha256 === entry.high_byte_trns_sha256) {
    return { class: 'mismatch', cause: '16-bit grey: the high byte, transparency colour as alpha 0, where Pillow clips mode I at 255 (deliberate)' };
  }
  const reference = zlib.gunzipSync(fs.readFileSync(path.join(outDir, entry.vector)));
  const diff = difference(reference, run.data);
  if (entry.format === 'JPEG') {
    const sampling = { 0: '4:4:4', 1: '4:2:2', 2: '4:2:0', '-1': 'one component' }[entry.jpeg_sampling] ?? 'unknown';
    return { class: 'mismatch', cause: `JPEG, chroma ${sampling}${entry.progressive ? ', progressive' : ''}`, ...diff };
  }
  return { class: 'mismatch', ...diff };
}

async function main() {
  const [imagesDir, outDir] = process.argv.slice(2);
  if (!imagesDir || !outDir) {
    console.error('usage: node tests/reference/measure-pillow-images.js IMAGES_DIR OUT_DIR');
    process.exit(2);
  }
  const pillow = JSON.parse(fs.readFileSync(path.join(outDir, 'pillow.json'), 'utf8'));
  const names = Object.keys(pillow).sort();
  const decoder = new Decoder();
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (const simd of [true, false]) {
    for (const [pass, order] of [[0, names], [1, [...names].reverse()]]) {
      await decoder.ask({ kind: 'poison', simd, value: pass ? 0xa5 : 0x5a });
      for (const name of order) {
        const answer = await decoder.ask({ kind: 'decode', simd, file: path.join(imagesDir, name) });
        if (answer.ok) answer.sha256 = sha256(answer.data);
        runs[name].push({ ...answer, simd, pass });
      }
    }
  }
  await decoder.close();
  const result = {};
  const counts = Object.fromEntries(['exact', 'mismatch', 'refused by core, Pillow reads',
    'unstable', 'trap/crash', 'hang', 'both refuse', 'core reads, Pillow refuses'].map((kind) => [kind, 0]));
  for (const name of names) {
    const entry = pillow[name];
    const verdict = classify(entry, outDir, runs[name]);
    verdict.format = entry.format;
    if (entry.frames > 1) verdict.frames = entry.frames;
    if (entry.mode) verdict.pillow_mode = entry.mode;
    if (entry.sixteen_bit) verdict.sixteen_bit = true;
    result[name] = verdict;
    counts[verdict.class] = (counts[verdict.class] ?? 0) + 1;
  }
  fs.writeFileSync(path.join(outDir, 'core.json'), `${JSON.stringify(result, null, 1)}\n`);
  console.log(`${names.length} files:`, counts);
  for (const [name, verdict] of Object.entries(result)) {
    if (['exact', 'both refuse'].includes(verdict.class)) continue;
    const { class: kind, ...rest } = verdict;
    console.log(`${kind}\t${name}\t${JSON.stringify(rest)}`);
  }
}

if (isMainThread) {
  await main();
} else {
  await decodeWorker();
}
