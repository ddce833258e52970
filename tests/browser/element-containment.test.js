// <image-field> decodes the files the browser cannot read (TGA, PSD, .npy, and
// everything with image-mode="none") through a ContainedDecoder: a file that
// traps the decoder costs the user an `error` event, the value stays, and the
// next file works. The trap is real: the test-hooks build of the core
// (build/wasm/test-hooks, never shipped) runs __builtin_trap() on input that
// starts with "imagefield:test-trap".
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { npyFile } from '../js/npy-fixtures.js';
import { eventLog, fieldWithTestHooksDecoder, halvesPng, openFieldPage, TEST_HOOKS_WASM, types, waitForEvent } from './element-helpers.js';

jest.setTimeout(60_000);


const suite = browserSuite();
let page;

beforeEach(async () => {
  page = await openFieldPage(suite);
});

const ROOT = new URL('../../', import.meta.url);

/** Drops a file made of `bytes` (an array of numbers, or a served path) on the field with this id. */
async function drop(id, name, { bytes, path, type = '' }) {
  const buffer = path ? await readFile(new URL(`.${path}`, ROOT)) : Buffer.from(bytes);
  await page.dropFiles(`#${id} >> .frame`, [{ name, mimeType: type, buffer }]);
}

const trapBytes = [...Buffer.from('imagefield:test-trap')];

test('by default the field decodes TGA in one ContainedDecoder shared by the page, not in the page\'s core', async () => {
  await page.evaluate(() => {
    window.makeField({ id: 'a', interactive: true });
    window.makeField({ id: 'b', interactive: true });
  });
  const before = await page.evaluate(() => {
    const [a, b] = document.querySelectorAll('image-field');
    return { same: a.decoder === b.decoder, name: a.decoder.constructor.name, decodes: a.decoder.stats.decodes };
  });
  expect(before).toEqual({ same: true, name: 'ContainedDecoder', decodes: 0 });
  await drop('a', 'rgb.tga', { path: '/tests/data/structure/rgb.tga' });
  await waitForEvent(page, 'change');
  const after = await page.evaluate(() => {
    const a = document.getElementById('a');
    return { stats: a.decoder.stats, value: { width: a.value.width, height: a.value.height, mode: a.value.mode } };
  });
  expect(after.stats).toMatchObject({ decodes: 1, workersStarted: 1 });
  const reference = await page.evaluate(async () => {
    const raster = window.core.decode(new Uint8Array(await (await fetch('/tests/data/structure/rgb.tga')).arrayBuffer()), { mode: 'RGB' });
    return { width: raster.width, height: raster.height, mode: raster.mode };
  });
  expect(after.value).toEqual(reference);
});

test('a file that traps the decoder: `error`, the previous value kept, the field and the page keep working', async () => {
  await fieldWithTestHooksDecoder(page);

  await drop('f', 'first.tga', { path: '/tests/data/structure/rgb.tga' });
  await waitForEvent(page, 'change', 1);
  const first = await page.evaluate(() => { window.first = document.getElementById('f').value; return window.first.width; });

  await drop('f', 'hostile.tga', { bytes: trapBytes });
  await waitForEvent(page, 'error', 1);
  const trapped = await page.evaluate(() => {
    const field = document.getElementById('f');
    return {
      kept: field.value === window.first,
      replaced: window.replaced,
      message: field.shadowRoot.querySelector('.message').textContent,
      canvasShown: !field.shadowRoot.querySelector('canvas').hidden,
      pageCoreUsable: window.core.usable,
    };
  });
  expect(trapped).toMatchObject({ kept: true, replaced: ['trap'], canvasShown: true, pageCoreUsable: true });
  expect(trapped.message).toMatch(/crashed on this file/);
  let log = await eventLog(page);
  expect(types(log)).toEqual(['upload', 'input', 'change', 'error']);
  expect(log[3]).toMatchObject({ code: 'decode_failed' });
  expect(log[3].message).toMatch(/crashed on this file/);

  // The next upload works, through the replacement Worker and through the browser.
  await drop('f', 'next.tga', { path: '/tests/data/structure/gray.tga' });
  await waitForEvent(page, 'change', 2);
  await drop('f', 'halves.png', { bytes: [...(await halvesPng())], type: 'image/png' });
  await waitForEvent(page, 'change', 3);
  log = await eventLog(page);
  expect(types(log)).toEqual(['upload', 'input', 'change', 'error', 'upload', 'input', 'change', 'upload', 'input', 'change']);
  expect(log[9].value).toMatchObject({ width: 8, height: 4, mode: 'RGB', first: [255, 0, 0, 255] });
  const stats = await page.evaluate(() => document.getElementById('f').decoder.stats);
  expect(stats).toMatchObject({ workersStarted: 2, replaced: { trap: 1 } });
  expect(first).toBeGreaterThan(0);
});

test('a dropped .npy is decoded in the shared ContainedDecoder with the field\'s layout', async () => {
  await page.evaluate(() => window.makeField({ id: 't', interactive: true, layout: 'chw' }));
  // 3×1×2 CHW u1: channel planes R=[10, 20], G=[30, 40], B=[50, 60].
  await drop('t', 'tensor.npy', { bytes: [...npyFile('u1', [3, 1, 2], [10, 20, 30, 40, 50, 60])] });
  await waitForEvent(page, 'change');
  const state = await page.evaluate(() => {
    const field = document.getElementById('t');
    return { decodes: field.decoder.stats.decodes, width: field.value.width, height: field.value.height, data: Array.from(field.value.data) };
  });
  expect(state).toEqual({ decodes: 1, width: 2, height: 1, data: [10, 30, 50, 20, 40, 60] });
});

test('image-mode="none" decodes every file in the Worker; a trap there also keeps the value', async () => {
  await page.evaluate(async (wasmUrl) => {
    const { ContainedDecoder } = await import('/web/index.js');
    const field = window.makeField({ id: 'n', interactive: true, 'image-mode': 'none' });
    field.decoder = new ContainedDecoder({ wasmUrl });
  }, TEST_HOOKS_WASM);
  await drop('n', 'halves.png', { bytes: [...(await halvesPng())], type: 'image/png' });
  await waitForEvent(page, 'change', 1);
  await drop('n', 'hostile.png', { bytes: trapBytes, type: 'image/png' });
  await waitForEvent(page, 'error', 1);
  const state = await page.evaluate(() => {
    const field = document.getElementById('n');
    return { width: field.value.width, mode: field.value.mode, stats: field.decoder.stats };
  });
  expect(state).toMatchObject({ width: 8, mode: 'RGB', stats: { decodes: 2, replaced: { trap: 1 } } });
  expect(types(await eventLog(page))).toEqual(['upload', 'input', 'change', 'error']);
});

test('decoder accepts only something with decode(); null restores the shared one', async () => {
  const result = await page.evaluate(() => {
    const field = window.makeField({ id: 'd' });
    const shared = field.decoder;
    let code = null;
    try { field.decoder = { nope: true }; } catch (error) { code = error.code; }
    field.decoder = { decode: async () => ({}) };
    const custom = field.decoder !== shared;
    field.decoder = null;
    return { code, custom, restored: field.decoder === shared };
  });
  expect(result).toEqual({ code: 'invalid_argument', custom: true, restored: true });
});

test('a newer file aborts the field\'s running work: its Worker is replaced, no error, one change for the newer file', async () => {
  await page.evaluate(async (wasmUrl) => {
    const { ContainedDecoder } = await import('/web/index.js');
    window.replaced = [];
    const field = window.makeField({ id: 'h', interactive: true });
    field.decoder = new ContainedDecoder({ wasmUrl, onReplace: (reason) => window.replaced.push(reason) });
  }, TEST_HOOKS_WASM);
  // Not an image the browser reads, so the core decodes it: the test-hooks build spins on it.
  await drop('h', 'hang.tga', { bytes: [...Buffer.from('imagefield:test-hang')] });
  await page.waitForFunction(() => document.getElementById('h').decoder.stats.decodes === 1);  // running in the Worker
  await drop('h', 'halves.png', { bytes: [...(await halvesPng())], type: 'image/png' });
  await waitForEvent(page, 'change', 1);
  const state = await page.evaluate(() => {
    const field = document.getElementById('h');
    return { stats: field.decoder.stats, replaced: window.replaced, width: field.value.width };
  });
  expect(types(await eventLog(page))).toEqual(['upload', 'input', 'change']);
  expect(state).toMatchObject({ width: 8, replaced: [], stats: { cancelled: 1, workersStarted: 2, replaced: { timeout: 0, trap: 0 } } });
});
