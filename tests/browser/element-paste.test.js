// A real Ctrl+V of an image, where each engine delivers it. Chromium
// dispatches the paste at the focused element; Firefox at the element holding
// the selection or at <body>, even while a button of the field has the focus;
// WebKitGTK at the focused element, but with a clipboardData holding no file
// and no item, while navigator.clipboard.read() inside that same event gives
// the image. In Firefox and WebKit the image is on the system clipboard and
// the key is a real key press (engines/*.js); the browsers run without any
// clipboard permission a page would not have.
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { eventLog, types, useFieldPage, waitForEvent } from './element-helpers.js';

jest.setTimeout(60_000);

const suite = browserSuite();
let page;
let png;
// What the paste event carried, seen before the field handles it.
useFieldPage(suite, (p, b) => { page = p; png = b; }, () => {
  window.pastes = [];
  if (!window.pasteWatch) {
    window.pasteWatch = true;
    document.addEventListener('paste', (event) => {
      const data = event.clipboardData;
      window.pastes.push({ trusted: event.isTrusted, files: data?.files.length ?? 0, items: data?.items.length ?? 0, target: event.composedPath()[0]?.localName ?? '' });
    }, { capture: true });
  }
});

const image = () => ({ file: { name: 'image.png', mimeType: 'image/png', buffer: png } });

const valuePixels = () => page.evaluate(() => {
  const v = document.querySelector('image-field').value;
  return v && { width: v.width, height: v.height, mode: v.mode, left: Array.from(v.data.slice(0, 3)), right: Array.from(v.data.slice(21, 24)) };
});

test('Ctrl+V while a button of the field has the focus: the image becomes the value', async () => {
  await page.evaluate(() => window.makeField({ name: 'photo' }));
  // The Upload source button: in Firefox the paste then goes to <body>, not to the field.
  await page.paste('image-field >> button[data-source=upload]', image());
  await waitForEvent(page, 'change');
  const log = await eventLog(page);
  expect(types(log)).toEqual(['upload', 'input', 'change']);
  expect(log[0].source).toBe('clipboard');
  expect(await valuePixels()).toEqual({ width: 8, height: 4, mode: 'RGB', left: [255, 0, 0], right: [0, 0, 255] });
});

test('Ctrl+V on the focused drop zone of an empty field', async () => {
  await page.evaluate(() => window.makeField({}));
  await page.paste('image-field >> .dropzone', image());
  await waitForEvent(page, 'change');
  expect(types(await eventLog(page))).toEqual(['upload', 'input', 'change']);
  expect((await valuePixels()).width).toBe(8);
  // The trusted paste really happened, wherever the engine put it.
  expect(await page.evaluate(() => window.pastes.length)).toBe(1);
});

test('a paste into a text box of the page, or with nothing focused, is not the field\'s (without paste-anywhere)', async () => {
  await page.evaluate(() => {
    window.makeField({});
    document.getElementById('fields').append(Object.assign(document.createElement('textarea'), { id: 'notes' }));
  });
  await page.paste('#notes', image());
  await page.paste('body', image());
  // Then one the field takes: the two before it would have come first.
  await page.paste('image-field >> .dropzone', image());
  await waitForEvent(page, 'change');
  expect(types(await eventLog(page))).toEqual(['upload', 'input', 'change']);
  expect(await page.evaluate(() => window.pastes.length)).toBe(3);
});

test('two fields: the one holding the focus takes the paste, not the paste-anywhere one', async () => {
  await page.evaluate(() => {
    window.makeField({ id: 'anywhere', 'paste-anywhere': true });
    window.makeField({ id: 'focused' });
    for (const id of ['anywhere', 'focused']) {
      document.getElementById(id).addEventListener('change', () => window.events.push({ type: `change:${id}` }));
    }
  });
  await page.paste('#focused >> .dropzone', image());
  await waitForEvent(page, 'change');
  await page.paste('body', image());
  await waitForEvent(page, 'change', 2);
  const order = await page.evaluate(() => window.events.filter((e) => e.type.startsWith('change:')).map((e) => e.type));
  expect(order).toEqual(['change:focused', 'change:anywhere']);
});

// What each engine's paste event carries for one image on the clipboard. WebKit's
// carries nothing: without reading the clipboard inside the event, the field
// would report clipboard_empty there.
const CARRIED = {
  chromium: { trusted: false, files: 1, items: 1 },  // the harness's paste event (engines/chromium.js)
  firefox: { trusted: true, files: 1, items: 1 },
  webkit: { trusted: true, files: 0, items: 0 },
};

test('a real Ctrl+V of an image: what the event carried, and the value is the image', async () => {
  await page.evaluate(() => window.makeField({}));
  await page.paste('image-field >> .dropzone', image());
  await waitForEvent(page, 'change');
  expect(await page.evaluate(() => window.pastes)).toMatchObject([CARRIED[suite.engine]]);
  expect(types(await eventLog(page))).toEqual(['upload', 'input', 'change']);
  expect(await valuePixels()).toEqual({ width: 8, height: 4, mode: 'RGB', left: [255, 0, 0], right: [0, 0, 255] });
});

test('a text paste on the focused field: clipboard_empty, the value kept', async () => {
  await page.evaluate(() => { window.makeField({}).value = { width: 2, height: 1, mode: 'RGB', data: new Uint8Array(6) }; });
  await waitForEvent(page, 'change');
  await page.paste('image-field >> button[data-source=upload]', { text: 'hello' });
  await waitForEvent(page, 'error');
  const log = await eventLog(page);
  expect(types(log)).toEqual(['change', 'error']);
  expect(log[1].code).toBe('clipboard_empty');
  expect((await valuePixels()).width).toBe(2);
});
