// ContainedDecoder in Chromium: untrusted bytes are decoded in a Worker with
// its own Wasm instance, which is replaced after a trap, a hang, an error
// storm or heap growth past the threshold; callers get ImageFieldError and
// carry on. Traps and hangs are real: the test-hooks build of the same core
// (build/wasm/test-hooks, never shipped) runs __builtin_trap() or spins when
// the input starts with "imagefield:test-trap" / "imagefield:test-hang".
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';

jest.setTimeout(60_000);

const TEST_HOOKS_WASM = '/build/wasm/test-hooks/imagefield-core-test-hooks.wasm';

const suite = browserSuite();
let page;

beforeEach(async () => {
  page = await suite.openPage('/tests/browser/pages/blank.html');
});

/** Runs `body(ContainedDecoder, helpers)` in the page; errors come back as plain objects. */
function inPage(body, arg) {
  return page.evaluate(async ([source, value]) => {
    const { ContainedDecoder, ImageFieldError } = await import('/web/index.js');
    const helpers = {
      async file(path) {
        return new Uint8Array(await (await fetch(path)).arrayBuffer());
      },
      text(value) {
        return new TextEncoder().encode(value);
      },
      async outcome(promise) {
        try {
          const raster = await promise;
          return { ok: true, width: raster.width, height: raster.height, mode: raster.mode,
            isUint8Array: raster.data instanceof Uint8Array, length: raster.data.length };
        } catch (error) {
          return { ok: false, name: error.name, isImageFieldError: error instanceof ImageFieldError,
            code: error.code, message: error.message };
        }
      },
    };
    // The test bodies are functions of this file, rebuilt in the page.
    return (0, eval)(`(${source})`)(ContainedDecoder, helpers, value);
  }, [body.toString(), arg]);
}

test('decodes in a Worker: raster out (transferred), ImageFieldError for bad input, same Worker', async () => {
  const result = await inPage(async (ContainedDecoder, h) => {
    const decoder = new ContainedDecoder();
    const png = await h.file('/tests/data/structure/rgb.png');
    const input = png.slice();
    const good = await h.outcome(decoder.decode(png, { mode: 'RGBA' }));
    const bad = await h.outcome(decoder.decode(png.subarray(0, 60)));
    const transferred = await h.outcome(decoder.decode(input.buffer, { transfer: true }));
    const stats = decoder.stats;
    decoder.close();
    return { good, bad, transferred, inputBytesAfter: input.byteLength, stats, pngBytesAfter: png.byteLength };
  });
  expect(result.good).toMatchObject({ ok: true, mode: 'RGBA', isUint8Array: true });
  expect(result.good.length).toBe(result.good.width * result.good.height * 4);
  expect(result.bad).toMatchObject({ ok: false, isImageFieldError: true, code: 'decode_failed' });
  expect(result.transferred).toMatchObject({ ok: true, width: result.good.width });
  expect(result.pngBytesAfter).toBeGreaterThan(0);  // copied by default
  expect(result.inputBytesAfter).toBe(0);          // transfer: true detaches the caller's buffer
  expect(result.stats).toMatchObject({ decodes: 3, workersStarted: 1 });
});

test('a real Wasm trap replaces the Worker; the caller gets decode_failed and carries on', async () => {
  const result = await inPage(async (ContainedDecoder, h, wasmUrl) => {
    const reasons = [];
    const decoder = new ContainedDecoder({ wasmUrl, onReplace: (reason) => reasons.push(reason) });
    const png = await h.file('/tests/data/structure/rgb.png');
    const before = await h.outcome(decoder.decode(png));
    const trapped = await h.outcome(decoder.decode(h.text('imagefield:test-trap')));
    const after = await h.outcome(decoder.decode(png));
    const stats = decoder.stats;
    decoder.close();
    // Control: the shipped build has no hook; the same bytes are just not an image.
    const shipped = new ContainedDecoder();
    const control = await h.outcome(shipped.decode(h.text('imagefield:test-trap')));
    const shippedStats = shipped.stats;
    shipped.close();
    return { before, trapped, after, stats, reasons, control, shippedStats };
  }, TEST_HOOKS_WASM);
  expect(result.before).toMatchObject({ ok: true });
  expect(result.trapped).toMatchObject({ ok: false, isImageFieldError: true, code: 'decode_failed' });
  // The engine's own words for the trap: "unreachable" (V8, SpiderMonkey), "Unreachable code ..." (JavaScriptCore).
  expect(result.trapped.message).toMatch(/crashed on this file \(.*unreachable.*\)/i);
  expect(result.after).toMatchObject({ ok: true, width: result.before.width });
  expect(result.reasons).toEqual(['trap']);
  expect(result.stats).toMatchObject({ workersStarted: 2, replaced: { trap: 1, timeout: 0, heap: 0, storm: 0 } });
  expect(result.control).toMatchObject({ ok: false, code: 'unsupported_file' });
  expect(result.shippedStats.replaced.trap).toBe(0);
});

test('a decode that hangs is stopped after timeoutMs and the Worker replaced', async () => {
  const result = await inPage(async (ContainedDecoder, h, wasmUrl) => {
    const decoder = new ContainedDecoder({ wasmUrl, timeoutMs: 1000 });
    const hung = await h.outcome(decoder.decode(h.text('imagefield:test-hang')));
    const after = await h.outcome(decoder.decode(await h.file('/tests/data/structure/rgb.png')));
    const stats = decoder.stats;
    decoder.close();
    return { hung, after, stats };
  }, TEST_HOOKS_WASM);
  expect(result.hung).toMatchObject({ ok: false, isImageFieldError: true, code: 'decode_failed' });
  expect(result.hung.message).toContain('took longer than 1000 ms');
  expect(result.after).toMatchObject({ ok: true });
  expect(result.stats.replaced).toMatchObject({ timeout: 1, trap: 0 });
});

test('heap growth past maxHeapBytes retires the Worker after returning the raster', async () => {
  const result = await inPage(async (ContainedDecoder, h) => {
    const canvas = new OffscreenCanvas(3000, 3000);
    const context = canvas.getContext('2d');
    const gradient = context.createLinearGradient(0, 0, 3000, 3000);
    gradient.addColorStop(0, '#123456');
    gradient.addColorStop(1, '#fedcba');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 3000, 3000);
    const big = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    const decoder = new ContainedDecoder({ maxHeapBytes: 40 * 2 ** 20 });
    const small = await h.outcome(decoder.decode(await h.file('/tests/data/structure/rgb.png')));
    const afterSmall = decoder.stats;
    const large = await h.outcome(decoder.decode(big));
    const afterLarge = decoder.stats;
    const again = await h.outcome(decoder.decode(await h.file('/tests/data/structure/rgb.png')));
    const stats = decoder.stats;
    decoder.close();
    return { small, afterSmall, large, afterLarge, again, stats };
  });
  expect(result.small).toMatchObject({ ok: true });
  expect(result.afterSmall.replaced.heap).toBe(0);
  expect(result.large).toMatchObject({ ok: true, width: 3000, height: 3000 });
  expect(result.afterLarge.replaced.heap).toBe(1);
  expect(result.again).toMatchObject({ ok: true });
  expect(result.stats.workersStarted).toBe(2);
});

test('an error storm retires the Worker; every caller still gets its ImageFieldError', async () => {
  const result = await inPage(async (ContainedDecoder, h) => {
    const decoder = new ContainedDecoder({ errorStorm: { errors: 3, withinMs: 60_000 } });
    const png = await h.file('/tests/data/structure/rgb.png');
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await h.outcome(decoder.decode(png.subarray(0, 40 + i))));
    outcomes.push(await h.outcome(decoder.decode(png)));
    const stats = decoder.stats;
    decoder.close();
    return { outcomes, stats };
  });
  expect(result.outcomes.slice(0, 4).every((o) => !o.ok && o.isImageFieldError && o.code === 'decode_failed')).toBe(true);
  expect(result.outcomes[4]).toMatchObject({ ok: true });
  expect(result.stats.replaced.storm).toBe(1);
  expect(result.stats.workersStarted).toBe(2);
});
