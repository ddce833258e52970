// The checks every consumer app must pass in each engine: the core loads and
// decodes in all three forms (SIMD, non-SIMD, in its own Worker), a real file
// given to the field (through its file chooser, and put on its own
// <input type=file>) gives a `change` with the right pixels, the app's two
// Workers started (seen from the page), still run (seen by the driver) and
// answer (script run in each), and nothing failed on the way (no failed
// request, no console or page error). The page is the browser suite's
// engine-neutral one (tests/browser/page-facade.js); a check that needs what
// the engine's driver cannot do is skipped with the reason its capability
// table gives (tests/browser/engines/capabilities.js).
import { BrowserPage } from '../../browser/page-facade.js';
import { CAPABILITIES } from '../../browser/engines/capabilities.js';
import { HEIGHT, WIDTH, expectedPixels, fixturePng } from './png-fixture.js';

// Generous: these guard against a hang on a loaded machine, they measure nothing.
const WAIT_MS = 60_000;

export const CHECK_NAMES = ['app runs', 'loadCore()', 'loadCore({ simd: false })', 'loadCore({ worker: true })',
  'file chooser → change', 'upload → change', 'Workers started', 'Workers running', 'Workers answer', 'no failed request',
  'no console error'];

/** What a check needs of the engine's driver, beyond opening and scripting a page. */
const NEEDS = { 'file chooser → change': ['fileChooser'], 'Workers running': ['workers'], 'Workers answer': ['workers', 'workerScript'] };
for (const needs of Object.values(NEEDS)) {
  for (const need of needs) if (!(need in CAPABILITIES)) throw new Error(`unknown capability ${need}`);
}

// The app runs two: the field's (pipeline-worker.js) and loadCore({ worker: true })'s (core-worker.js).
const APP_WORKERS = 2;

const PHOTO = { name: 'photo.png', mimeType: 'image/png', buffer: fixturePng() };

function samePixels(actual, expected) {
  if (!actual) return 'no pixels';
  if (actual.length !== expected.length) return `${actual.length} bytes, expected ${expected.length}`;
  const at = actual.findIndex((value, index) => value !== expected[index]);
  return at < 0 ? '' : `byte ${at} is ${actual[at]}, expected ${expected[at]}`;
}

function firstLine(text) {
  return String(text).split('\n')[0].slice(0, 300);
}

/** A Worker's script as a short name: its path, or what kind of URL it is. */
function workerName(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return String(url);
  }
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' ? `${parsed.protocol} URL (${url.length} chars)` : parsed.pathname;
}

/**
 * Runs first in the app's page: keeps every Worker the page starts, each
 * `error` event it gets and whether it was terminated, where any engine's
 * driver can read them (WebDriver classic sees no Workers).
 */
function recordWorkers() {
  const Platform = window.Worker;
  const started = [];
  window.Worker = class extends Platform {
    #entry;

    constructor(url, options) {
      super(url, options);
      this.#entry = { url: String(url), type: options?.type ?? 'classic', errors: [], terminated: false };
      started.push(this.#entry);
      this.addEventListener('error', (event) => {
        this.#entry.errors.push(event.message || 'the script did not load or threw (an error event without a message)');
      });
    }

    terminate() {
      this.#entry.terminated = true;
      super.terminate();
    }
  };
  Object.defineProperty(window, '__startedWorkers', { value: started });
}

async function checkCore(page, name, wantSimd) {
  const result = await page.evaluate(async ({ name, bytes }) => {
    const app = window.imagefieldApp;
    if (app.coreErrors[name]) return { error: app.coreErrors[name] };
    const core = app.cores[name];
    if (!core) return { error: 'the promise of loadCore() has not settled' };
    try {
      // A WorkerCore's methods return Promises; Core's return values.
      const raster = await core.decode(new Uint8Array(bytes));
      return { simd: core.simd, width: raster.width, height: raster.height, mode: raster.mode, data: Array.from(raster.data) };
    } catch (error) {
      return { error: `decode threw ${error?.name}: ${error?.message}` };
    }
  }, { name, bytes: [...PHOTO.buffer] });
  if (result.error) return { ok: false, detail: firstLine(result.error) };
  const problems = [];
  if (result.simd !== wantSimd) problems.push(`core.simd is ${result.simd}`);
  if (result.width !== WIDTH || result.height !== HEIGHT || result.mode !== 'RGB') {
    problems.push(`decoded ${result.width}×${result.height} ${result.mode}, expected ${WIDTH}×${HEIGHT} RGB`);
  }
  const pixels = samePixels(result.data, expectedPixels());
  if (pixels) problems.push(pixels);
  return { ok: problems.length === 0, detail: problems.join('; ') || `decoded ${WIDTH}×${HEIGHT} RGB, SIMD ${wantSimd}` };
}

/** Gives the field the photo with `give`, then checks the `change` it sends. */
async function checkUpload(page, give) {
  const count = () => page.evaluate(() => window.imagefieldApp.changes.length + window.imagefieldApp.fieldErrors.length);
  const before = await count();
  await give();
  try {
    await page.waitForFunction((seen) => window.imagefieldApp.changes.length + window.imagefieldApp.fieldErrors.length > seen,
      before, { timeout: WAIT_MS });
  } catch {
    return { ok: false, detail: `neither change nor error within ${WAIT_MS / 1000} s` };
  }
  const { change, errors } = await page.evaluate(() => {
    const { changes, fieldErrors } = window.imagefieldApp;
    const raster = changes[changes.length - 1];
    return {
      change: raster && { width: raster.width, height: raster.height, mode: raster.mode, data: Array.from(raster.data ?? []) },
      errors: fieldErrors,
    };
  });
  if (errors.length) return { ok: false, detail: `field error ${errors[0].code}: ${firstLine(errors[0].message)}` };
  if (change.width !== WIDTH || change.height !== HEIGHT || change.mode !== 'RGB') {
    return { ok: false, detail: `change value ${change.width}×${change.height} ${change.mode}` };
  }
  const pixels = samePixels(change.data, expectedPixels());
  return { ok: !pixels, detail: pixels || `change: ${WIDTH}×${HEIGHT} RGB, pixels exact` };
}

/** The Workers the page started (recordWorkers): enough of them, none failed or terminated. */
async function checkWorkersStarted(page) {
  const started = await page.evaluate(() => window.__startedWorkers ?? null);
  if (!started) return { ok: false, detail: 'the page has no record of its Workers (the recording script did not run first)' };
  const problems = [];
  if (started.length < APP_WORKERS) problems.push(`${started.length} Workers started, expected ${APP_WORKERS}`);
  for (const worker of started) {
    const name = workerName(worker.url);
    if (worker.errors.length) problems.push(`${name}: ${firstLine(worker.errors[0])}`);
    if (worker.terminated) problems.push(`${name} was terminated`);
  }
  const names = started.map((worker) => `${workerName(worker.url)} (${worker.type})`).join(', ');
  return { ok: problems.length === 0, detail: problems.length ? `${problems.join('; ')} [${names}]` : names };
}

/** The browser still runs the app's Workers: its driver lists them. */
async function checkWorkersRunning(page) {
  const workers = await page.workers();
  const names = workers.map((worker) => workerName(worker.url)).join(', ');
  if (workers.length < APP_WORKERS) return { ok: false, detail: `${workers.length} Workers running, expected ${APP_WORKERS} [${names}]` };
  return { ok: true, detail: names };
}

/** Every Worker the driver lists runs script. */
async function checkWorkersAnswer(page) {
  const workers = await page.workers();
  if (workers.length < APP_WORKERS) return { ok: false, detail: `${workers.length} Workers running, expected ${APP_WORKERS}` };
  const answers = await Promise.all(workers.map((worker) => worker.evaluate(() => typeof self.postMessage).catch((error) => error.message)));
  const dead = answers.filter((answer) => answer !== 'function');
  if (dead.length) return { ok: false, detail: `a Worker does not answer: ${firstLine(dead[0])}` };
  return { ok: true, detail: workers.map((worker) => workerName(worker.url)).join(', ') };
}

const isFailedRequest = (problem) => /^(request failed|HTTP \d)/.test(problem);

/**
 * Opens `url` in a new page of the engine's browser and runs every check.
 * @param {{ newPage(): Promise<object> }} browser  an engine backend's launched browser
 * @param {{ engine: string, capabilities: Record<string, true|string>, url: string }} target
 * @returns {Promise<Array<{ name: string, ok: boolean, detail: string, skipped?: string }>>}
 */
export async function checkApp(browser, { engine, capabilities, url }) {
  const checks = [];
  const add = (name, { ok, detail }) => checks.push({ name, ok, detail });
  const page = new BrowserPage(await browser.newPage(), { engine, baseUrl: url, timeoutMs: WAIT_MS });
  const lacking = (name) => (NEEDS[name] ?? []).filter((need) => capabilities[need] !== true)
    .map((need) => `${need}: ${capabilities[need]}`).join('; ');
  const checkUnlessLacking = async (name, check) => {
    const reason = lacking(name);
    if (reason) checks.push({ name, ok: true, skipped: reason, detail: '' });
    else add(name, await check());
  };
  try {
    await page.addInitScript(recordWorkers);
    await page.goto(url);
    try {
      await page.waitForFunction(() => window.imagefieldApp, null, { timeout: WAIT_MS });
      // A loadCore() that never settles is reported by its check below, not waited for here.
      await page.evaluate((ms) => Promise.race([window.imagefieldApp.ready, new Promise((done) => { setTimeout(done, ms); })]), WAIT_MS);
      add('app runs', { ok: true, detail: 'window.imagefieldApp set' });
    } catch (error) {
      add('app runs', { ok: false, detail: `the app's script did not run: ${firstLine(error.message)}` });
    }
    if (checks[0].ok) {
      add('loadCore()', await checkCore(page, 'simd', true));
      add('loadCore({ simd: false })', await checkCore(page, 'noSimd', false));
      add('loadCore({ worker: true })', await checkCore(page, 'worker', true));
      await checkUnlessLacking('file chooser → change',
        () => checkUpload(page, () => page.chooseFile('image-field >> .dropzone', PHOTO)));
      add('upload → change', await checkUpload(page, () => page.uploadFile('image-field >> input[type=file]', PHOTO)));
      add('Workers started', await checkWorkersStarted(page));
      await checkUnlessLacking('Workers running', () => checkWorkersRunning(page));
      await checkUnlessLacking('Workers answer', () => checkWorkersAnswer(page));
    }
    await page.collect();
  } catch (error) {
    add('page', { ok: false, detail: firstLine(error.message) });
  } finally {
    await page.close().catch((error) => add('page closes', { ok: false, detail: firstLine(error.message) }));
  }
  const failedRequests = page.problems.filter(isFailedRequest);
  const consoleErrors = page.problems.filter((problem) => !isFailedRequest(problem));
  add('no failed request', { ok: !failedRequests.length, detail: failedRequests.join('\n') });
  add('no console error', { ok: !consoleErrors.length, detail: consoleErrors.join('\n') });
  return checks;
}
