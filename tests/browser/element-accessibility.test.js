// axe-core finds no accessibility violation in <image-field> in each of its
// states (empty, filled, the webcam view, an error shown, disabled, readonly)
// nor on the demo page, in each engine.
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { axeViolations } from './axe.js';
import { useFieldPage, waitForEvent } from './element-helpers.js';

jest.setTimeout(60_000);

const suite = browserSuite();
let page;
let png;
useFieldPage(suite, (p, b) => { page = p; png = b; });

/** A labelled field in a form, with these attributes, holding the 8×4 image when `filled`. */
async function field(attributes, { filled = false } = {}) {
  await page.evaluate(([a, bytes]) => {
    const element = window.makeField({ label: 'Photo', name: 'photo', alt: 'A photo', ...a }, { inForm: true });
    if (bytes) element.value = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
  }, [attributes, filled ? [...png] : null]);
  if (filled) await waitForEvent(page, 'change');
}

const fieldViolations = () => axeViolations(page, '#form');

test('empty', async () => {
  await field({});
  expect(await fieldViolations()).toEqual([]);
});

test('filled', async () => {
  await field({}, { filled: true });
  expect(await fieldViolations()).toEqual([]);
});

test('the webcam view (before the camera starts)', async () => {
  await field({ sources: 'webcam upload' });
  expect(await page.isVisible('image-field >> button.start')).toBe(true);
  expect(await fieldViolations()).toEqual([]);
});

test('an error shown', async () => {
  await field({});
  await page.dropFiles('image-field >> .frame', [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') }]);
  await waitForEvent(page, 'error');
  expect(await page.isVisible('image-field >> [role=alert]')).toBe(true);
  expect(await fieldViolations()).toEqual([]);
});

test('disabled, empty and filled', async () => {
  await field({ disabled: true });
  await field({ disabled: true }, { filled: true });
  expect(await fieldViolations()).toEqual([]);
});

test('readonly, empty and filled', async () => {
  await field({ readonly: true });
  await field({ readonly: true }, { filled: true });
  expect(await fieldViolations()).toEqual([]);
});

test('the demo page', async () => {
  const demo = await suite.openPage('/demo/', { ready: true });
  await demo.waitForFunction(() => document.getElementById('segmentation').shadowRoot.querySelectorAll('[part="legend-item"]').length > 0);
  expect(await axeViolations(demo)).toEqual([]);
  await demo.close();
});
