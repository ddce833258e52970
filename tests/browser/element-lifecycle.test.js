// 200 mixed operations on <image-field> in Chromium — uploads through the real
// file chooser, drops, pastes, webcam captures (fake device), values replaced
// by the page, clears, and 20 remove/re-add cycles — then nothing may be left
// behind: object URLs, live camera tracks, C++ objects, Wasm heap growth,
// uncaught errors, and every value-changing operation fired exactly one
// `change`. The field's pixel work runs in the page's core Worker; its core,
// like the page's, is the test-hooks build (same code, plus counters: C++
// objects alive = operator new − delete, and heap bytes in use from mallinfo,
// which also covers stb's and the input buffers' mallocs), read through the
// decoder's stats. URL and getUserMedia are wrapped before any module runs.
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { halvesPng, PAGE } from './element-helpers.js';

jest.setTimeout(120_000);

const TEST_HOOKS_WASM = new URL('../../build/wasm/test-hooks/imagefield-core-test-hooks.wasm', import.meta.url);
const OPERATIONS = 200;
const REMOUNTS = 20;
const MiB = 2 ** 20;

const suite = browserSuite({ camera: 'fake' });

function countResources() {
  const created = URL.createObjectURL.bind(URL);
  const revoked = URL.revokeObjectURL.bind(URL);
  const live = new Set();
  window.objectUrls = { created: 0, revoked: 0, live };
  URL.createObjectURL = (object) => {
    const url = created(object);
    window.objectUrls.created++;
    live.add(url);
    return url;
  };
  URL.revokeObjectURL = (url) => {
    if (live.delete(url)) window.objectUrls.revoked++;
    revoked(url);
  };
  window.cameraTracks = [];
  // On the prototype: WebKit can drop properties set on navigator.mediaDevices itself.
  const original = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = async function counted(constraints) {
    const stream = await original.call(this, constraints);
    window.cameraTracks.push(...stream.getTracks());
    return stream;
  };
}

/** The schedule: every kind of operation, interleaved; a remount every 10th. */
function schedule() {
  const kinds = ['upload', 'drop', 'paste', 'replace', 'capture', 'upload-tga', 'clear', 'drop', 'paste'];
  const plan = [];
  let k = 0;
  for (let i = 1; i <= OPERATIONS; i++) plan.push(i % (OPERATIONS / REMOUNTS) === 0 ? 'remount' : kinds[k++ % kinds.length]);
  return plan;
}

test(`${OPERATIONS} mixed operations leave no object URL, camera track, C++ object or heap growth behind`, async () => {
  const page = await suite.newPage();
  await page.addInitScript(countResources);
  const wasm = await readFile(TEST_HOOKS_WASM);
  // The page's own core (and the decoder Worker's) is the test-hooks build.
  suite.server.route(/\/web\/core\/wasm\/imagefield-core(-nosimd)?\.wasm$/, async () => ({
    status: 200, headers: { 'content-type': 'application/wasm', 'cache-control': 'no-store' }, body: wasm,
  }));
  await page.goto(PAGE);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  const png = await halvesPng();
  const tga = await readFile(new URL('../data/structure/rgb.tga', import.meta.url));

  await page.evaluate(([pngBytes]) => {
    window.png = new Uint8Array(pngBytes);
    window.field = window.makeField({ id: 'f', interactive: true, type: 'url', 'paste-anywhere': true });
    window.changes = () => window.events.filter((e) => e.type === 'change').length;
    window.settled = (type, count) => new Promise((resolve, reject) => {
      const started = Date.now();
      (function poll() {
        if (window.events.filter((e) => e.type === type).length >= count) resolve();
        else if (window.events.some((e) => e.type === 'error')) reject(new Error(JSON.stringify(window.events.find((e) => e.type === 'error').detail)));
        else if (Date.now() - started > 10_000) reject(new Error(`no ${type} event`));
        else setTimeout(poll, 5);
      }());
    });
  }, [[...png]]);
  expect(await page.evaluate(() => window.core.testHeapCounters)).toBeDefined();

  // The Worker's counters as of its last request: every operation below ends with one.
  const counters = () => page.evaluate(() => ({
    heapBytes: window.field.decoder.stats.heapBytes,
    ...window.field.decoder.stats.testHeapCounters,
    urlsLive: window.objectUrls.live.size,
    tracksNotEnded: window.cameraTracks.filter((t) => t.readyState !== 'ended').length,
  }));

  const changeCounts = [];
  let filled = false;
  let atStart;
  let at50;
  for (const [index, kind] of schedule().entries()) {
    const before = await page.evaluate(() => window.changes());
    const expected = kind === 'remount' ? 0 : 1;
    if (kind === 'upload') {
      await page.uploadFile('#f >> .file-input', { name: `upload-${index}.png`, mimeType: 'image/png', buffer: png });
    } else if (kind === 'upload-tga') {
      await page.uploadFile('#f >> .file-input', { name: `upload-${index}.tga`, mimeType: 'image/x-tga', buffer: tga });
    } else if (kind === 'drop') {
      await page.dropFiles('#f >> .frame', [{ name: `drop-${index}.png`, mimeType: 'image/png', buffer: png }]);
    } else if (kind === 'paste') {
      await page.paste('body', { file: { name: 'pasted.png', mimeType: 'image/png', buffer: png } });
    } else if (kind === 'capture') {
      expect(await page.evaluate(() => window.field.capture())).toBe(true);
    } else if (kind === 'replace') {
      await page.evaluate(() => {
        window.field.value = { width: 3, height: 2, mode: 'RGB', data: new Uint8Array(18).fill(200) };
      });
    } else if (kind === 'clear') {
      if (filled) await page.evaluate(() => window.field.clear());
      else await page.evaluate(() => { window.field.value = null; });
    } else {
      // Out of the page with the camera running, then back: the camera stops, the value stays.
      const kept = await page.evaluate(async () => {
        const field = window.field;
        const frames = field.frames();
        URL.revokeObjectURL((await frames.next()).value);  // frames of type="url" are the consumer's to revoke
        const value = field.value;
        field.remove();
        await frames.return();
        document.getElementById('fields').append(field);
        return field.value === value;
      });
      expect(kept).toBe(true);
    }
    if (expected) await page.evaluate((count) => window.settled('change', count), before + 1);
    filled = kind !== 'clear' ? (kind === 'remount' ? filled : true) : false;
    // Let any late duplicate arrive before counting.
    await page.evaluate(() => new Promise((resolve) => { setTimeout(resolve, 0); }));
    changeCounts.push({ kind, changes: (await page.evaluate(() => window.changes())) - before, expected });
    // Baseline once every kind of operation ran (first-call allocations of the bindings are not leaks).
    if (index + 1 === 10) atStart = await counters();
    if (index + 1 === 50) at50 = await counters();
  }
  await page.evaluate(() => window.field.clear());
  await page.evaluate(() => new Promise((resolve) => { setTimeout(resolve, 50); }));
  const end = await counters();
  const urls = await page.evaluate(() => ({ created: window.objectUrls.created, revoked: window.objectUrls.revoked }));
  const tracks = await page.evaluate(() => window.cameraTracks.length);
  const errors = await page.evaluate(() => window.events.filter((e) => e.type === 'error').map((e) => e.detail));
  expect(await page.evaluate(() => window.field.decoder.stats.replaced)).toEqual({ trap: 0, timeout: 0, heap: 0, storm: 0, crash: 0 });
  // Control: the counters (the page's core has the same) see a leak — an input buffer held and not released.
  // One round first: the page's core does no field work, so this is its first
  // allocInput, and first-call allocations of the bindings are not leaks.
  const leak = await page.evaluate(() => {
    window.core.allocInput('uint8', 100_000).release();
    const before = window.core.testHeapCounters.heapBytesInUse;
    const held = window.core.allocInput('uint8', 100_000);
    const during = window.core.testHeapCounters.heapBytesInUse;
    held.release();
    return { grew: during - before, after: window.core.testHeapCounters.heapBytesInUse - before };
  });
  await page.close();
  const uncaught = page.problems.filter((problem) => problem.startsWith('pageerror:'));

  const report = {
    objectUrlsLive: end.urlsLive, objectUrls: urls,
    cameraTracks: tracks, tracksNotEnded: end.tracksNotEnded,
    liveAllocations: { at10: atStart.liveAllocations, at200: end.liveAllocations },
    heapBytesInUse: { at10: atStart.heapBytesInUse, at200: end.heapBytesInUse },
    cppObjectsMade10to200: end.allocationsMade - atStart.allocationsMade,
    liveAllocationsGrowth: end.liveAllocations - atStart.liveAllocations,
    heapBytesInUseGrowth: end.heapBytesInUse - atStart.heapBytesInUse,
    wasmHeapGrowth50to200: end.heapBytes - at50.heapBytes,
    uncaught: uncaught.length,
    errorEvents: errors.length,
  };
  console.log(`lifecycle after ${OPERATIONS} operations: ${JSON.stringify(report)}`);
  expect(changeCounts.filter(({ changes, expected }) => changes !== expected)).toEqual([]);
  expect(changeCounts.filter(({ kind }) => kind === 'remount')).toHaveLength(REMOUNTS);
  expect(errors).toEqual([]);
  expect(uncaught).toEqual([]);
  expect(end.urlsLive).toBe(0);
  expect(urls.created).toBeGreaterThan(OPERATIONS);  // previews and url values really went through the counter
  expect(tracks).toBeGreaterThanOrEqual(REMOUNTS + 20);
  expect(end.tracksNotEnded).toBe(0);
  expect(leak).toEqual({ grew: expect.any(Number), after: 0 });
  expect(leak.grew).toBeGreaterThanOrEqual(100_000);
  expect(report.cppObjectsMade10to200).toBeGreaterThan(OPERATIONS);  // the counter saw the C++ objects come and go
  expect(report.liveAllocationsGrowth).toBe(0);
  expect(report.heapBytesInUseGrowth).toBe(0);
  expect(report.wasmHeapGrowth50to200).toBeLessThanOrEqual(MiB);
});
