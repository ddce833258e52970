// Every file of Debian's gdk-pixbuf test images through the Wasm build: each
// gives a raster or an ImageFieldError, never a trap, and none takes longer
// than 2 s (a hang guard: the worker decoding it is terminated). Files in
// tests/corpus/guards.txt must be refused as listed there; files with a
// .ref.png must match it under the rule of tests/corpus/reference_match.h.
import { Worker } from 'node:worker_threads';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const CORPUS = process.env.IMAGEFIELD_CORPUS_DIR ?? '/usr/libexec/installed-tests/gdk-pixbuf/test-images';
const GUARDS = new URL('../corpus/guards.txt', import.meta.url);
const HANG_MS = 2000;
const CODES = ['decode_failed', 'too_large', 'unsupported_file'];

function listFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

function readGuards() {
  const guards = new Map();
  for (const line of readFileSync(GUARDS, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [, name, code, part] = line.match(/^(\S+)\s+(\S+)\s+(.+)$/);
    guards.set(name, { code, part });
  }
  return guards;
}

/** The tolerance rule of tests/corpus/reference_match.h. */
function tolerance(bytes) {
  const isOtherFormat = [[0xff, 0xd8], [0x89, 0x50], [0x47, 0x49], [0x42, 0x4d], [0x38, 0x42]].some(([a, b]) => bytes[0] === a && bytes[1] === b);
  if (!isOtherFormat && bytes.length >= 18) {
    const type = bytes[2];
    const fiveBitPixels = (type === 2 || type === 10) && (bytes[16] === 15 || bytes[16] === 16);
    const fiveBitMap = (type === 1 || type === 9) && (bytes[7] === 15 || bytes[7] === 16);
    if (fiveBitPixels || fiveBitMap) return { max: 1, mean: 1 };
  }
  return { max: 0, mean: 0 };
}

/** A worker that decodes one file at a time and is replaced after a hang or a crash. */
class Decoder {
  #worker = null;
  #pending = null;  // resolve() of the decode in flight
  #next = 0;
  async #start() {
    const worker = new Worker(new URL('./corpus-worker.js', import.meta.url));
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const settle = (result) => {
      const pending = this.#pending;
      this.#pending = null;
      pending?.(result);
    };
    worker.on('message', settle);
    worker.on('error', (error) => settle({ outcome: 'crash', message: String(error) }));
    worker.on('exit', (code) => settle({ outcome: 'crash', message: `worker exited with ${code}` }));
    this.#worker = worker;
  }
  async decode(file, mode) {
    if (!this.#worker) await this.#start();
    const worker = this.#worker;
    let timer;
    const answer = new Promise((resolve) => { this.#pending = resolve; });
    const hang = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ outcome: 'hang', message: `no answer within ${HANG_MS} ms` }), HANG_MS);
    });
    worker.postMessage({ id: this.#next++, path: file, mode });
    const result = await Promise.race([answer, hang]);
    clearTimeout(timer);
    if (result.outcome === 'hang' || result.outcome === 'crash') {
      this.#worker = null;
      this.#pending = null;
      await worker.terminate();
    }
    return result;
  }
  close() {
    return this.#worker?.terminate();
  }
}

const haveCorpus = existsSync(CORPUS);
if (!haveCorpus) {
  test('the corpus is installed (scripts/setup.sh installs gdk-pixbuf-tests)', () => {
    throw new Error(`no corpus at ${CORPUS}: run bash scripts/setup.sh`);
  });
}

(haveCorpus ? describe : describe.skip)('gdk-pixbuf test images through the Wasm core', () => {
  const decoder = new Decoder();
  const outcomes = new Map();
  afterAll(() => decoder.close());

  test('every file: a raster or an ImageFieldError; no trap, no hang; guarded files refused as listed', async () => {
    const guards = readGuards();
    const files = listFiles(CORPUS);
    expect(files.length).toBeGreaterThan(300);
    const problems = [];
    const counts = {};
    for (const file of files) {
      const name = path.relative(CORPUS, file);
      const result = await decoder.decode(file);
      outcomes.set(name, result);
      counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
      if (result.outcome === 'raster') {
        const channels = { L: 1, LA: 2, RGB: 3, RGBA: 4 }[result.mode];
        if (!channels || result.data.length !== result.width * result.height * channels) problems.push(`${name}: inconsistent raster`);
      } else if (!CODES.includes(result.outcome)) {
        problems.push(`${name}: ${result.outcome}: ${result.message}`);
      }
      const guard = guards.get(name);
      if (guard && !(result.outcome === guard.code && result.message.includes(guard.part))) {
        problems.push(`${name}: expected ${guard.code} containing "${guard.part}", got ${result.outcome} ${result.message ?? ''}`);
      }
    }
    for (const name of guards.keys()) if (!outcomes.has(name)) problems.push(`${name}: listed in guards.txt, not in the corpus`);
    console.log(`corpus (Wasm): ${files.length} files: ${JSON.stringify(counts)}`);
    expect(problems).toEqual([]);
    expect(counts.hang ?? 0).toBe(0);
    expect(counts.crash ?? 0).toBe(0);
  }, 300_000);

  test('files with a .ref.png match it (exact for lossless files)', async () => {
    const guards = readGuards();
    const problems = [];
    let compared = 0;
    for (const [name, result] of outcomes) {
      const file = path.join(CORPUS, name);
      if (!existsSync(`${file}.ref.png`)) continue;
      compared++;
      if (result.outcome !== 'raster') {
        if (!guards.has(name)) problems.push(`${name}: refused (${result.message}) but has a reference and is not in guards.txt`);
        continue;
      }
      const mine = await decoder.decode(file, 'RGBA');
      const theirs = await decoder.decode(`${file}.ref.png`, 'RGBA');
      if (mine.width !== theirs.width || mine.height !== theirs.height) {
        problems.push(`${name}: ${mine.width}x${mine.height}, reference ${theirs.width}x${theirs.height}`);
        continue;
      }
      let max = 0;
      let total = 0;
      for (let i = 0; i < mine.data.length; i++) {
        const d = Math.abs(mine.data[i] - theirs.data[i]);
        total += d;
        if (d > max) max = d;
      }
      const allowed = tolerance(readFileSync(file));
      if (max > allowed.max || total / mine.data.length > allowed.mean) {
        problems.push(`${name}: max difference ${max}, mean ${total / mine.data.length} (allowed ${allowed.max}, ${allowed.mean})`);
      }
    }
    expect(compared).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  }, 120_000);
});
