// `npm run bench`: the same cases in Node and in Chromium (Debian's, through
// playwright-core), side by side, with ratios against baselines measured in
// the same run. Prints a table of medians and writes bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { runSuite } from './suite.js';
import { launchChromium, startServer } from './chromium.js';

const ROOT = new URL('..', import.meta.url);
// `node bench/run.js tensor`: only the resize / toTensor rows.
const only = process.argv[2] ?? null;

/** Native -O3 timings of the resize/tensor cases (build/native/resize_bench), or null without a native build. */
function nativeTimings() {
  const binary = new URL('build/native/resize_bench', ROOT);
  if (!existsSync(binary)) return null;
  return JSON.parse(execFileSync(binary.pathname, { encoding: 'utf8' }));
}

async function runInChromium(native) {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`chromium: ${error.message}`));
    await page.goto(`${server.url}/bench/page.html`);
    await page.waitForFunction(() => window.benchReady === true);
    page.setDefaultTimeout(0);
    const result = await page.evaluate((options) => window.runBench(options), { native, only });
    result.version = browser.version();
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function sizes() {
  const out = {};
  for (const name of ['imagefield-core', 'imagefield-core-nosimd']) {
    const wasm = await readFile(new URL(`web/core/wasm/${name}.wasm`, ROOT));
    const glue = await readFile(new URL(`web/core/wasm/${name}.js`, ROOT));
    const wasmGzip = gzipSync(wasm, { level: 9 }).length;
    const glueGzip = gzipSync(glue, { level: 9 }).length;
    out[name] = { wasm: wasm.length, wasmGzip, glue: glue.length, glueGzip, totalGzip: wasmGzip + glueGzip };
  }
  return out;
}

const fmt = (v, digits = 2) => (v === undefined ? '' : Number(v).toFixed(digits));

console.log('bench: native…');
const native = nativeTimings();
console.log('bench: Node…');
const node = await runSuite({ browser: false, native, only });
console.log('bench: Chromium…');
const chromium = await runInChromium(native);
const size = await sizes();

const names = [...new Set([...node.rows.map((r) => r.name), ...chromium.rows.map((r) => r.name)])];
const table = names.map((name) => {
  const n = node.rows.find((r) => r.name === name) ?? {};
  const c = chromium.rows.find((r) => r.name === name) ?? {};
  return {
    case: name,
    'node ms': fmt(n.ms),
    'node ratio': fmt(n.ratio),
    'chromium ms': fmt(c.ms),
    'chromium ratio': fmt(c.ratio),
    bytes: c.bytes ?? n.bytes ?? '',
    'longest task ms': c.longestTaskMs ?? '',
  };
});
console.table(table);

// The issue's targets, as ratios measured in this run (Chromium numbers).
const ms = (rows, name) => rows.find((r) => r.name === name)?.ms;
const pick = (name) => ms(chromium.rows, name);
const bytes = (name) => chromium.rows.find((r) => r.name === name)?.bytes;
const targets = [
  ['normalize kernel / floor (≤ 1.5)', pick('normalize kernel CHW→RGB, Wasm SIMD') / pick('floor: read f32 + write u8, Wasm SIMD'), 1.5, 'max'],
  ['tuned JS / end to end (≥ 2)', pick('normalize CHW→RGB, tuned JS loop') / pick('normalize end to end: core.fromArray(Float32Array)'), 2, 'min'],
  ['tuned JS / zero-copy end to end (≥ 5)', pick('normalize CHW→RGB, tuned JS loop') / pick('normalize end to end: allocInput + fromArray (zero-copy)'), 5, 'min'],
  ['PNG photo size / toBlob (≤ 0.75)', bytes('PNG encode photo 1024², libdeflate level 1 (default)') / bytes('PNG encode photo 1024², canvas.toBlob'), 0.75, 'max'],
  ['PNG photo time / toBlob (≤ 1.3)', pick('PNG encode photo 1024², libdeflate level 1 (default)') / pick('PNG encode photo 1024², canvas.toBlob'), 1.3, 'max'],
  ['PNG chart size / toBlob (≤ 0.5)', bytes('PNG encode chart 1024², libdeflate level 1 (default)') / bytes('PNG encode chart 1024², canvas.toBlob'), 0.5, 'max'],
  ['Wasm + glue gzipped KB (≤ 70)', size['imagefield-core'].totalGzip / 1024, 70, 'max'],
  ['loadCore() in Chromium ms (≤ 50)', chromium.loadCoreMs, 50, 'max'],
  ['drop-to-change 12 MP JPEG / createImageBitmap + getImageData (≤ 1.3)',
    chromium.rows.find((r) => r.name.startsWith('drop-to-change 12 MP JPEG (4000×3000, photo-like), <image-field> type=array'))?.ratio, 1.3, 'max'],
  ['drop-to-change 12 MP JPEG, type=tensor ImageNet: longest main-thread task ms (≤ 50)',
    chromium.rows.find((r) => r.name.includes('<image-field> type=tensor ImageNet'))?.longestTaskMs, 50, 'max'],
  ['toTensor ImageNet 12 MP / createImageBitmap(blob) + JS normalize (≤ 2)',
    chromium.rows.find((r) => r.name.startsWith('toTensor 4000×3000') && r.name.endsWith('Wasm SIMD'))?.ratio, 2, 'max'],
].filter(([target]) => !only || target.startsWith('toTensor')).map(([target, value, limit, kind]) => ({
  target, value: fmt(value), met: kind === 'max' ? value <= limit : value >= limit,
}));
console.table(targets);
console.table(Object.entries(size).map(([module, s]) => ({ module, ...s })));

const results = {
  date: new Date().toISOString(),
  node: { version: process.version, ...node },
  chromium,
  sizes: size,
  native,
  targets,
};
await mkdir(new URL('bench/results/', ROOT), { recursive: true });
if (native) console.log(`native -O3: ${JSON.stringify(native)}`);
await writeFile(new URL(only ? `bench/results/latest-${only}.json` : 'bench/results/latest.json', ROOT), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written: bench/results/${only ? `latest-${only}` : 'latest'}.json`);
