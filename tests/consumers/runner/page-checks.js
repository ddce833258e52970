// The checks every consumer app must pass in Chromium: the core loads and
// decodes in all three forms (SIMD, non-SIMD, in its own Worker), a real file chosen through the field's own file input gives a
// `change` with the right pixels, the field's Worker is alive, and nothing
// failed on the way (no failed request, no console or page error).
import { HEIGHT, WIDTH, expectedPixels, fixturePng } from './png-fixture.js';

// Generous: these guard against a hang on a loaded machine, they measure nothing.
const WAIT_MS = 60_000;

export const CHECK_NAMES = ['app runs', 'loadCore()', 'loadCore({ simd: false })', 'loadCore({ worker: true })', 'upload → change',
  'Worker alive', 'no failed request', 'no console error'];

function samePixels(actual, expected) {
  if (!actual) return 'no pixels';
  if (actual.length !== expected.length) return `${actual.length} bytes, expected ${expected.length}`;
  const at = actual.findIndex((value, index) => value !== expected[index]);
  return at < 0 ? '' : `byte ${at} is ${actual[at]}, expected ${expected[at]}`;
}

/** Watches a browser context for failed requests and errors while an app runs. */
function watchContext(context) {
  const seen = { failedRequests: [], consoleErrors: [] };
  context.on('requestfailed', (request) => {
    seen.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) seen.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location()?.url;
      seen.consoleErrors.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  context.on('weberror', (error) => seen.consoleErrors.push(`uncaught: ${error.error().message}`));
  return seen;
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
  }, { name, bytes: [...fixturePng()] });
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

async function checkUpload(page) {
  await page.locator('image-field input[type=file]').setInputFiles({
    name: 'photo.png', mimeType: 'image/png', buffer: fixturePng(),
  });
  try {
    await page.waitForFunction(() => window.imagefieldApp.changes.length > 0 || window.imagefieldApp.fieldErrors.length > 0,
      null, { timeout: WAIT_MS });
  } catch {
    return { ok: false, detail: `neither change nor error within ${WAIT_MS / 1000} s` };
  }
  const { change, errors } = await page.evaluate(() => {
    const raster = window.imagefieldApp.changes[0];
    return {
      change: raster && { width: raster.width, height: raster.height, mode: raster.mode, data: Array.from(raster.data ?? []) },
      errors: window.imagefieldApp.fieldErrors,
    };
  });
  if (errors.length) return { ok: false, detail: `field error ${errors[0].code}: ${firstLine(errors[0].message)}` };
  if (change.width !== WIDTH || change.height !== HEIGHT || change.mode !== 'RGB') {
    return { ok: false, detail: `change value ${change.width}×${change.height} ${change.mode}` };
  }
  const pixels = samePixels(change.data, expectedPixels());
  return { ok: !pixels, detail: pixels || `change: ${WIDTH}×${HEIGHT} RGB, pixels exact` };
}

// The app runs two: the field's (pipeline-worker.js) and loadCore({ worker: true })'s (core-worker.js).
const APP_WORKERS = 2;

async function checkWorkers(page, closedWorkers) {
  const workers = page.workers();
  if (workers.length < APP_WORKERS) {
    const ended = closedWorkers.length ? ` (${closedWorkers.length} ended: ${closedWorkers.join(', ')})` : '';
    return { ok: false, detail: `${workers.length} Workers running, expected ${APP_WORKERS}${ended}` };
  }
  const answers = await Promise.all(workers.map((worker) => worker.evaluate(() => typeof self.postMessage).catch((error) => error.message)));
  const dead = answers.filter((answer) => answer !== 'function');
  if (dead.length) return { ok: false, detail: `a Worker does not answer: ${firstLine(dead[0])}` };
  if (closedWorkers.length) return { ok: false, detail: `Worker ended: ${closedWorkers.join(', ')}` };
  return { ok: true, detail: workers.map((worker) => workerName(worker.url())).join(', ') };
}

/** A Worker's script as a short name: its path, or what kind of URL it is. */
function workerName(url) {
  const parsed = new URL(url);
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' ? `${parsed.protocol} URL (${url.length} chars)` : parsed.pathname;
}

function firstLine(text) {
  return String(text).split('\n')[0].slice(0, 300);
}

/**
 * Opens `url` in a fresh context of `browser` and runs every check.
 * @returns {Promise<Array<{ name: string, ok: boolean, detail: string }>>}
 */
export async function checkApp(browser, url) {
  const context = await browser.newContext();
  const seen = watchContext(context);
  const checks = [];
  const add = (name, { ok, detail }) => checks.push({ name, ok, detail });
  try {
    const page = await context.newPage();
    const closedWorkers = [];
    page.on('worker', (worker) => worker.on('close', () => closedWorkers.push(workerName(worker.url()))));
    await page.goto(url);
    try {
      await page.waitForFunction(() => window.imagefieldApp, null, { timeout: WAIT_MS });
      // A loadCore() that never settles is reported by its check below, not waited for here.
      await page.evaluate((ms) => Promise.race([window.imagefieldApp.ready, new Promise((done) => setTimeout(done, ms))]), WAIT_MS);
      add('app runs', { ok: true, detail: 'window.imagefieldApp set' });
    } catch (error) {
      add('app runs', { ok: false, detail: `the app's script did not run: ${firstLine(error.message)}` });
    }
    if (checks[0].ok) {
      add('loadCore()', await checkCore(page, 'simd', true));
      add('loadCore({ simd: false })', await checkCore(page, 'noSimd', false));
      add('loadCore({ worker: true })', await checkCore(page, 'worker', true));
      add('upload → change', await checkUpload(page));
      add('Worker alive', await checkWorkers(page, closedWorkers));
    }
  } catch (error) {
    add('page', { ok: false, detail: firstLine(error.message) });
  } finally {
    await context.close();
  }
  add('no failed request', { ok: !seen.failedRequests.length, detail: seen.failedRequests.join('\n') });
  add('no console error', { ok: !seen.consoleErrors.length, detail: seen.consoleErrors.join('\n') });
  return checks;
}
