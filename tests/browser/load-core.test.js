// How loadCore() gets the module in a real browser: the .wasm is fetched and
// compiled while the glue is still being imported (not after it), only the
// build the engine runs is downloaded, a server with the wrong MIME type still
// works, and a missing file is an error rather than a hang.
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';

jest.setTimeout(60_000);

const suite = browserSuite();

/** A blank page in a browsing context of its own: an empty HTTP cache. */
const blankPage = () => suite.openPage('/tests/browser/pages/blank.html');

const tryLoadCore = (page, options) => page.evaluate(async (opts) => {
  const { loadCore } = await import('/web/index.js');
  try {
    const core = await loadCore(opts);
    const pixels = core.fromArray(Float32Array.from([0, 0.5, 1]), { shape: [1, 3] });
    return { ok: true, simd: core.simd, pixels: Array.from(pixels.data) };
  } catch (error) {
    return { ok: false, message: String(error?.message ?? error) };
  }
}, options);

test('the .wasm request starts before the glue has arrived, and only the SIMD build is downloaded', async () => {
  const page = await blankPage();
  const events = [];
  // The glue is held back by the server: a loader that fetches the .wasm only
  // from inside the glue would request it after the glue's response.
  suite.server.route(/\/web\/core\/wasm\//, async ({ path, fetchOriginal }) => {
    events.push(`request ${path}`);
    if (path.endsWith('.js')) {
      await new Promise((resolve) => { setTimeout(resolve, 400); });
      events.push(`glue response ${path}`);
    }
    return fetchOriginal();
  });
  const result = await tryLoadCore(page);
  expect(result).toEqual({ ok: true, simd: true, pixels: [0, 127, 255] });
  const wasmRequests = events.filter((e) => e === 'request /web/core/wasm/imagefield-core.wasm');
  const wasmRequested = events.indexOf('request /web/core/wasm/imagefield-core.wasm');
  const glueReleased = events.indexOf('glue response /web/core/wasm/imagefield-core.js');
  expect(wasmRequests).toHaveLength(1);
  expect(glueReleased).toBeGreaterThanOrEqual(0);
  expect(wasmRequested).toBeLessThan(glueReleased);
  expect(events.filter((e) => e.includes('nosimd'))).toEqual([]);
  expect(page.problems).toEqual([]);
  await page.close();
});

test('a server that sends the .wasm with another MIME type still works (no streaming compilation)', async () => {
  const page = await blankPage();
  suite.server.route(/\/imagefield-core\.wasm$/, async ({ fetchOriginal }) => {
    const response = await fetchOriginal();
    return { ...response, headers: { ...response.headers, 'content-type': 'application/octet-stream' } };
  });
  expect(await tryLoadCore(page)).toEqual({ ok: true, simd: true, pixels: [0, 127, 255] });
  expect(page.problems).toEqual([]);
  await page.close();
});

test('a missing .wasm rejects loadCore() with the URL and the HTTP status', async () => {
  suite.allowProblems(/missing\.wasm/, /status of 404/);
  const page = await blankPage();
  const result = await tryLoadCore(page, { wasmUrl: '/web/core/wasm/missing.wasm' });
  expect(result.ok).toBe(false);
  expect(result.message).toMatch(/\/web\/core\/wasm\/missing\.wasm.*HTTP 404/);
  await page.close();
});

test('a server that answers the .wasm with a page: load_failed naming the content type, the first bytes and the fix', async () => {
  const page = await blankPage();
  suite.server.route(/\/imagefield-core\.wasm$/, async () => ({
    status: 200, headers: { 'content-type': 'text/html', 'cache-control': 'no-store' }, body: Buffer.from('<!doctype html><title>app</title>'),
  }));
  const result = await page.evaluate(async () => {
    const { loadCore, ImageFieldError } = await import('/web/index.js');
    try {
      await loadCore();
      return { ok: true };
    } catch (error) {
      return { ok: false, isImageFieldError: error instanceof ImageFieldError, code: error.code, message: error.message };
    }
  });
  expect(result).toMatchObject({ ok: false, isImageFieldError: true, code: 'load_failed' });
  expect(result.message).toContain('/web/core/wasm/imagefield-core.wasm is not a WebAssembly module (content type "text/html")');
  expect(result.message).toContain('3c 21 64 6f 63 74 79 70 65');  // "<!doctype"
  expect(result.message).toMatch(/serve .* as application\/wasm/);
  await page.close();
});
