// Shared steps of the <image-field> browser tests.
import { loadCore } from '../../web/index.js';

export const PAGE = '/tests/browser/pages/element.html';

/** The <image-field> test page of this suite, once its core is loaded. */
export function openFieldPage(suite, options = {}) {
  return suite.openPage(PAGE, { ready: true, ...options });
}

/**
 * The element test files' fixture: the field page opened once per file, reset
 * before each test (plus `beforeEachTest` run in the page, if given), and the
 * 8×4 halves PNG; `ready(page, png)` hands both to the file.
 */
export function useFieldPage(suite, ready, beforeEachTest = null) {
  let page;
  beforeAll(async () => {
    page = await openFieldPage(suite);
    ready(page, await halvesPng());
  });
  beforeEach(async () => {
    await page.evaluate(() => window.reset());
    if (beforeEachTest) await page.evaluate(beforeEachTest);
  });
}

/** An 8×4 PNG: left half red, right half blue. */
export async function halvesPng() {
  const core = await loadCore();
  const data = new Uint8Array(8 * 4 * 3);
  for (let i = 0; i < 32; i++) data.set((i % 8) < 4 ? [255, 0, 0] : [0, 0, 255], i * 3);
  return Buffer.from(core.encode({ width: 8, height: 4, mode: 'RGB', data }));
}

/** The recorded events, with values summarized so they can cross into Node. */
export function eventLog(page) {
  return page.evaluate(() => window.events.map(({ type, custom, bubbles, composed, detail }) => {
    const summary = { type, custom, bubbles, composed };
    if (detail && 'value' in detail) {
      const v = detail.value;
      summary.value = v === null ? null : { width: v.width, height: v.height, mode: v.mode, first: v.data ? Array.from(v.data.slice(0, 4)) : undefined };
    }
    if (detail?.file) summary.file = { name: detail.file.name, size: detail.file.size, type: detail.file.type };
    if (detail?.source) summary.source = detail.source;
    if (detail?.code) summary.code = detail.code;
    if (detail?.message) summary.message = detail.message;
    if (detail?.index) summary.index = detail.index;
    return summary;
  }));
}

export const waitForEvent = (page, type, count = 1) => page.waitForFunction(
  ([t, n]) => window.events.filter((e) => e.type === t).length >= n, [type, count]);

export const types = (log) => log.map((event) => event.type);

/** The test-hooks build of the core (build/wasm/test-hooks, never shipped): it traps or hangs on request. */
export const TEST_HOOKS_WASM = '/build/wasm/test-hooks/imagefield-core-test-hooks.wasm';

/** A field with id "f" whose decoder runs the test-hooks build; window.replaced lists why its Worker was replaced. */
export const fieldWithTestHooksDecoder = (page) => page.evaluate(async (wasmUrl) => {
  const { ContainedDecoder } = await import('/web/index.js');
  window.replaced = [];
  const field = window.makeField({ id: 'f', interactive: true });
  field.decoder = new ContainedDecoder({ wasmUrl, onReplace: (reason) => window.replaced.push(reason) });
}, TEST_HOOKS_WASM);
