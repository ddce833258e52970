// loadCore({ worker: true }) in a browser: a WorkerCore whose methods mirror
// the synchronous Core's and return Promises, computed in a Worker with its
// own Wasm instance (the same bytes as the page's core), so the page's main
// thread keeps running while a 13 MP image is encoded, decoded and
// converted. An AbortSignal cancels queued and running work; traps and hangs
// replace the Worker and surface as ImageFieldError. Traps and hangs are
// real: the test-hooks build (build/wasm/test-hooks, never shipped).
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { TEST_HOOKS_WASM } from './element-helpers.js';

jest.setTimeout(120_000);

const suite = browserSuite();
const currentPage = suite.pagePerTest('/tests/browser/pages/blank.html');

/** Runs `body(imagefield, helpers, arg)` in the page; errors come back as plain objects. */
function inPage(body, arg) {
  return currentPage().evaluate(async ([source, value]) => {
    const imagefield = await import('/web/index.js');
    const helpers = {
      async file(path) {
        return new Uint8Array(await (await fetch(path)).arrayBuffer());
      },
      async outcome(promise) {
        try {
          return { ok: true, value: await promise };
        } catch (error) {
          return { ok: false, isImageFieldError: error instanceof imagefield.ImageFieldError, code: error.code, message: error.message };
        }
      },
      same(a, b) {
        return a.length === b.length && a.every((v, i) => v === b[i]);
      },
    };
    return (0, eval)(`(${source})`)(imagefield, helpers, value);
  }, [body.toString(), arg]);
}

test('every method gives the synchronous core\'s result, as a Promise, computed in the Worker', async () => {
  const result = await inPage(async ({ loadCore, WorkerCore }, h) => {
    const core = await loadCore();
    const worker = await loadCore({ worker: true });
    const png = await h.file('/tests/data/structure/rgb.png');
    const raster = core.decode(png, { mode: 'RGB' });
    const tensor = Float32Array.from({ length: 3 * 4 * 5 }, (_, i) => (i % 7) / 3 - 1);
    const mark = { width: 2, height: 2, mode: 'RGBA', data: new Uint8Array(16).fill(200) };
    const mask = { width: 3, height: 1, data: new Uint8Array([0, 1, 2]) };
    const colors = new Uint8Array(1024).fill(90);
    const pending = worker.decode(png, { mode: 'RGB' });
    const checks = {
      isWorkerCore: worker instanceof WorkerCore,
      promise: pending instanceof Promise,
      simd: worker.simd === core.simd,
      limits: JSON.stringify(worker.defaultLimits) === JSON.stringify(core.defaultLimits),
      decode: h.same((await pending).data, raster.data),
      encode: h.same(await worker.encode(raster), core.encode(raster)),
      jpeg: h.same(await worker.encode(raster, { format: 'jpeg', quality: 80 }), core.encode(raster, { format: 'jpeg', quality: 80 })),
      convert: h.same((await worker.convert(raster, 'L')).data, core.convert(raster, 'L').data),
      fromArray: h.same((await worker.fromArray(tensor, { shape: [3, 4, 5], layout: 'chw' })).data,
        core.fromArray(tensor, { shape: [3, 4, 5], layout: 'chw' }).data),
      tensorObject: h.same((await worker.fromArray({ data: tensor, dims: [4, 5, 3] })).data, core.fromArray({ data: tensor, dims: [4, 5, 3] }).data),
      toUint8: h.same(await worker.toUint8(tensor), core.toUint8(tensor)),
      imageData: await worker.toImageData(raster).then((image) => image instanceof ImageData && h.same(image.data, core.toImageData(raster).data)),
      watermark: h.same((await worker.watermark(raster, mark, { position: 'top-left', margin: 0 })).data,
        core.watermark(raster, mark, { position: 'top-left', margin: 0 }).data),
      guessMode: (await worker.guessMode([4, 5, 3])) === core.guessMode([4, 5, 3]),
      maskOverlay: h.same((await worker.maskOverlay(mask, colors)).data, core.maskOverlay(mask, colors).data),
      resize: h.same((await worker.resize(raster, { width: 7, height: 3, filter: 'lanczos' })).data,
        core.resize(raster, { width: 7, height: 3, filter: 'lanczos' }).data),
      toTensor: await worker.toTensor(raster, { resize: 6, crop: [4, 4], mean: [0.5, 0.5, 0.5], std: [0.2, 0.2, 0.2] })
        .then((t) => {
          const sync = core.toTensor(raster, { resize: 6, crop: [4, 4], mean: [0.5, 0.5, 0.5], std: [0.2, 0.2, 0.2] });
          return t.data instanceof Float32Array && h.same(t.data, sync.data) && h.same(t.dims, sync.dims);
        }),
    };
    const bad = await h.outcome(worker.decode(png.subarray(0, 50)));
    const badMode = await h.outcome(worker.convert(raster, 'XYZ'));
    const stats = worker.stats;
    worker.close();
    const closed = await h.outcome(worker.encode(raster));
    return { checks, bad, badMode, stats, closed, usable: worker.usable };
  });
  expect(Object.entries(result.checks).filter(([, ok]) => ok !== true)).toEqual([]);
  expect(result.bad).toMatchObject({ ok: false, isImageFieldError: true, code: 'decode_failed' });
  expect(result.badMode).toMatchObject({ ok: false, isImageFieldError: true, code: 'invalid_mode' });
  expect(result.stats).toMatchObject({ workersStarted: 1, replaced: { trap: 0, timeout: 0, heap: 0, storm: 0, crash: 0 } });
  expect(result.closed).toMatchObject({ ok: false, code: 'closed' });
  expect(result.usable).toBe(false);
});

test('a 13 MP image: the page\'s timers keep running while the Worker encodes, decodes and converts it', async () => {
  const result = await inPage(async ({ loadCore }, h) => {
    const [width, height] = [4200, 3100];
    const data = new Uint8Array(width * height * 3);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 10)) & 255;
    const raster = { width, height, mode: 'RGB', data };
    // Counts zero-delay timer ticks on the main thread until `promise` settles.
    const ticksDuring = async (run) => {
      let ticks = 0;
      let done = false;
      const tick = () => { if (!done) { ticks++; setTimeout(tick, 0); } };
      setTimeout(tick, 0);
      const value = await run();
      done = true;
      return { ticks, value };
    };
    const worker = await loadCore({ worker: true, timeoutMs: 60_000 });
    const encoded = await ticksDuring(() => worker.encode(raster));
    const decoded = await ticksDuring(() => worker.decode(encoded.value, { transfer: true }));
    const encodedBytesAfter = encoded.value.byteLength;
    const roundTrip = h.same(decoded.value.data, data) && decoded.value.width === width;
    const gray = await ticksDuring(() => worker.convert(decoded.value, 'L', { transfer: true }));
    worker.close();
    // Control: the synchronous core on this thread lets no timer run during its call.
    const core = await loadCore();
    const here = await ticksDuring(async () => core.encode(raster));
    return {
      ticks: [encoded.ticks, decoded.ticks, gray.ticks],
      roundTrip,
      gray: [gray.value.width, gray.value.height, gray.value.mode, gray.value.data.length],
      encodedBytesAfter,
      decodedDataAfter: decoded.value.data.byteLength,
      hereTicks: here.ticks,
      inputKept: raster.data.byteLength,
    };
  });
  expect(result.roundTrip).toBe(true);
  expect(result.gray).toEqual([4200, 3100, 'L', 4200 * 3100]);
  expect(result.ticks.every((ticks) => ticks > 0)).toBe(true);
  expect(result.hereTicks).toBe(0);
  expect(result.encodedBytesAfter).toBe(0);  // transfer: true hands the buffer over
  expect(result.decodedDataAfter).toBe(0);
  expect(result.inputKept).toBe(4200 * 3100 * 3);  // copied by default
});

test('an AbortSignal cancels a running call (the Worker is replaced) and a queued one (never run)', async () => {
  const result = await inPage(async ({ loadCore }, h, wasmUrl) => {
    const worker = await loadCore({ worker: true, wasmUrl });
    const hang = new TextEncoder().encode('imagefield:test-hang');
    const running = new AbortController();
    const queued = new AbortController();
    const first = h.outcome(worker.decode(hang, { signal: running.signal }));
    const second = h.outcome(worker.encode({ width: 1, height: 1, mode: 'L', data: new Uint8Array(1) }, { signal: queued.signal }));
    queued.abort();
    // Once the hang has been sent to the Worker (stats.decodes counts calls sent), it is running there.
    while (worker.stats.decodes < 1) await new Promise((resolve) => { setTimeout(resolve, 5); });
    running.abort();
    const outcomes = [await first, await second];
    const already = await h.outcome(worker.guessMode([2, 2, 3], { signal: AbortSignal.abort() }));
    const after = await h.outcome(worker.decode(await h.file('/tests/data/structure/rgb.png')));
    const stats = worker.stats;
    worker.close();
    return { outcomes, already, after: after.ok && after.value.width, stats };
  }, TEST_HOOKS_WASM);
  expect(result.outcomes).toMatchObject([{ ok: false, code: 'aborted' }, { ok: false, code: 'aborted' }]);
  expect(result.already).toMatchObject({ ok: false, isImageFieldError: true, code: 'aborted' });
  expect(result.after).toBeGreaterThan(0);
  // The hang ran and was cancelled; the queued encode never reached the Worker.
  expect(result.stats).toMatchObject({ cancelled: 1, workersStarted: 2, decodes: 2, replaced: { trap: 0, timeout: 0 } });
});

test('a trap and a hang in the Worker: ImageFieldError, the Worker replaced, later calls work', async () => {
  const result = await inPage(async ({ loadCore }, h, wasmUrl) => {
    const reasons = [];
    const worker = await loadCore({ worker: true, wasmUrl, timeoutMs: 1000, onReplace: (reason) => reasons.push(reason) });
    const png = await h.file('/tests/data/structure/rgb.png');
    const trapped = await h.outcome(worker.decode(new TextEncoder().encode('imagefield:test-trap')));
    const hung = await h.outcome(worker.decode(new TextEncoder().encode('imagefield:test-hang')));
    const after = await h.outcome(worker.decode(png));
    const stats = worker.stats;
    worker.close();
    return { trapped, hung, after: after.ok, reasons, stats };
  }, TEST_HOOKS_WASM);
  expect(result.trapped).toMatchObject({ ok: false, isImageFieldError: true, code: 'decode_failed' });
  expect(result.trapped.message).toMatch(/crashed on this file/);
  expect(result.hung).toMatchObject({ ok: false, code: 'decode_failed', message: expect.stringContaining('took longer than 1000 ms') });
  expect(result.after).toBe(true);
  expect(result.reasons).toEqual(['trap', 'timeout']);
  expect(result.stats).toMatchObject({ workersStarted: 3, replaced: { trap: 1, timeout: 1 } });
});

test('a Worker whose core cannot load rejects loadCore({ worker: true }) with load_failed naming the URL', async () => {
  suite.allowProblems(/missing\.wasm/, /status of 404/);
  const result = await inPage(async ({ loadCore }, h) => h.outcome(loadCore({ worker: true, wasmUrl: '/web/core/wasm/missing.wasm' })));
  expect(result).toMatchObject({ ok: false, isImageFieldError: true, code: 'load_failed' });
  expect(result.message).toMatch(/missing\.wasm.*HTTP 404/);
});

/** Starts a WorkerCore in the page (kept as window.workerCore) and lists the page's Workers. */
async function startWorkerCore(page) {
  await page.evaluate(async () => {
    const { loadCore } = await import('/web/index.js');
    window.workerCore = await loadCore({ worker: true });
  });
  return page.workers();
}

suite.test('the WorkerCore computes in a Worker of its own, which close() ends', async () => {
  const page = currentPage();
  const workers = await startWorkerCore(page);
  expect(workers.map((worker) => worker.url)).toEqual([`${suite.url}/web/worker/core-worker.js`]);
  await page.evaluate(() => window.workerCore.close());
  // Ending a Worker is not instant: the driver drops it once the browser reports it ended.
  for (let polls = 0; (await page.workers()).length > 0; polls++) {
    if (polls === 500) throw new Error('the Worker still runs after close()');
    await new Promise((resolve) => { setTimeout(resolve, 20); });
  }
}, { needs: ['workers'] });

suite.test('the WorkerCore\'s Worker is a Worker global with WebAssembly, not the page', async () => {
  const [worker] = await startWorkerCore(currentPage());
  expect(await worker.evaluate(() => `${self.constructor.name} ${typeof WebAssembly.instantiate} ${typeof document}`))
    .toBe('DedicatedWorkerGlobalScope function undefined');
}, { needs: ['workers', 'workerScript'] });
