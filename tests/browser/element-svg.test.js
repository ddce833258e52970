// SVG through <image-field>: refused with unsupported_file (by type, by name,
// by content; from the file chooser, a paste or a URL) unless the page sets
// allow-svg, and then only drawn through an <img> onto the canvas — never put
// in the DOM, an iframe, or navigated to. The test SVG carries a script, an
// onload handler and an external image; none may run or load.
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { eventLog, openFieldPage, types, waitForEvent } from './element-helpers.js';

jest.setTimeout(60_000);

const SVG_PATH = '/tests/browser/pages/scripted.svg';

const suite = browserSuite();
let page;
let dialogs;
let requested;
let svg;

beforeAll(async () => {
  svg = await readFile(new URL('./pages/scripted.svg', import.meta.url));
});

beforeEach(async () => {
  const firstRequest = suite.server.requests.length;
  page = await openFieldPage(suite);
  dialogs = page.dialogs;
  // Every request of the page reaches the test server, which lists them.
  requested = () => suite.server.requestedPaths(firstRequest);
  await page.evaluate(() => {
    window.ran = 0;
    window.svgUrls = 0;
    const create = URL.createObjectURL;
    URL.createObjectURL = (object) => {
      if (object?.type === 'image/svg+xml') window.svgUrls++;
      return create(object);
    };
  });
});

/** What the field's shadow DOM and the page hold after the attempts. */
const inspect = () => page.evaluate(() => {
  const field = document.querySelector('image-field');
  const root = field.shadowRoot;
  return {
    ran: window.ran,
    svgElements: root.querySelectorAll('svg').length,       // the toolbar's own four icons only
    fromFile: root.querySelectorAll('#payload, script, iframe, object, embed').length
      + document.querySelectorAll('#payload, iframe, object, embed').length,
    location: location.pathname,
    value: field.value && { width: field.value.width, height: field.value.height, mode: field.value.mode, data: Array.from(field.value.data) },
    svgUrls: window.svgUrls,
    imgSrc: root.querySelector('img').getAttribute('src'),
  };
});

const pasteSvg = (name, type) => page.paste('image-field', { file: { name, mimeType: type, buffer: svg } });

suite.test('without allow-svg: refused as unsupported_file from the chooser, a paste, a disguised file and a URL; never shown', async () => {
  await page.evaluate(() => window.makeField({ interactive: true }));
  await page.uploadFile('image-field >> .file-input', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svg });
  await waitForEvent(page, 'error', 1);
  await pasteSvg('clipboard.svg', 'image/svg+xml');
  await waitForEvent(page, 'error', 2);
  await page.uploadFile('image-field >> .file-input', { name: 'photo.png', mimeType: 'image/png', buffer: svg });
  await waitForEvent(page, 'error', 3);
  await page.evaluate((url) => { document.querySelector('image-field').value = url; }, SVG_PATH);
  await waitForEvent(page, 'error', 4);
  const log = await eventLog(page);
  expect(types(log)).toEqual(['error', 'error', 'error', 'error']);
  expect(log.map((e) => e.code)).toEqual(['unsupported_file', 'unsupported_file', 'unsupported_file', 'unsupported_file']);
  expect(log[0].message).toMatch(/allow-svg/);
  await new Promise((resolve) => { setTimeout(resolve, 200); });
  expect(await inspect()).toEqual({
    ran: 0, svgElements: 4, fromFile: 0, location: '/tests/browser/pages/element.html', value: null, svgUrls: 0, imgSrc: null,
  });
  expect(dialogs).toEqual([]);
  expect(requested()).not.toContain('/tests/browser/pages/never-fetched.png');
}, { needs: ['pasteAnyFile'] });

suite.test('with allow-svg: drawn through an <img> onto the canvas; its script, handler and external image never run', async () => {
  await page.evaluate(() => window.makeField({ interactive: true, 'allow-svg': true }));
  await page.uploadFile('image-field >> .file-input', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svg });
  await waitForEvent(page, 'change', 1);
  await pasteSvg('pasted.png', 'image/png');  // disguised: still only an image
  await waitForEvent(page, 'change', 2);
  await page.evaluate((url) => { document.querySelector('image-field').value = url; }, SVG_PATH);
  await waitForEvent(page, 'change', 3);
  const log = await eventLog(page);
  expect(types(log)).toEqual(['upload', 'input', 'change', 'upload', 'input', 'change', 'change']);
  await new Promise((resolve) => { setTimeout(resolve, 200); });
  const state = await inspect();
  // Left half red, right half blue, in the field's default RGB mode.
  expect(state.value).toEqual({ width: 4, height: 2, mode: 'RGB', data: [255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255] });
  expect(state).toMatchObject({ ran: 0, svgElements: 4, fromFile: 0, location: '/tests/browser/pages/element.html' });
  expect(state.svgUrls).toBeGreaterThan(0);  // it went through an <img> (object URL of type image/svg+xml)
  expect(dialogs).toEqual([]);
  expect(requested()).not.toContain('/tests/browser/pages/never-fetched.png');
  const drawn = await page.evaluate(() => {
    const canvas = document.querySelector('image-field').shadowRoot.querySelector('canvas');
    return { hidden: canvas.hidden, width: canvas.width, pixel: Array.from(canvas.getContext('2d').getImageData(3, 1, 1, 1).data) };
  });
  expect(drawn).toEqual({ hidden: false, width: 4, pixel: [0, 0, 255, 255] });
}, { needs: ['pasteAnyFile'] });
