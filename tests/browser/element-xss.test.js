// Script payloads in everything the page or the user can put into
// <image-field> — label, placeholder, alt, UI strings, file names, box captions,
// class labels, javascript: URLs as value or watermark — are shown as text and
// never run. Detection: the
// payloads bump a global counter and open a dialog; a control injects the same
// payload as markup to prove the detector fires.
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { halvesPng, openFieldPage, waitForEvent } from './element-helpers.js';

jest.setTimeout(60_000);

const IMG = '<img src=x onerror="window.ran++;alert(1)">';
const SVG = '"><svg onload="window.ran++;alert(1)"></svg>';
const SCRIPT = '<script>window.ran++;alert(1)</script>';
const JS_URL = 'javascript:window.ran++;alert(1)';

const suite = browserSuite({ downloads: true });
let page;
let problems;
let dialogs;

beforeEach(async () => {
  page = await openFieldPage(suite);
  problems = page.problems;
  dialogs = page.dialogs;
  await page.evaluate(() => { window.ran = 0; });
});

/** Waits for late handlers (failed image loads fire onerror asynchronously), then reads the detector. */
async function executions() {
  await new Promise((resolve) => { setTimeout(resolve, 300); });
  return { ran: await page.evaluate(() => window.ran), dialogs, violations: await page.evaluate(() => window.violations) };
}

const injectedMarkup = () => page.evaluate(() => {
  const roots = [document, ...[...document.querySelectorAll('image-field')].map((f) => f.shadowRoot)];
  return roots.flatMap((root) => [...root.querySelectorAll('img[src="x"], script:not([src]), [onerror], [onload], iframe, object, embed, a[href^="javascript:"]')]
    .map((element) => element.outerHTML));
});

test('control: the same payload injected as markup is detected', async () => {
  suite.allowProblems(/\/tests\/browser\/pages\/x\b|status of 404/);  // the payload's <img src=x>
  await page.evaluate((html) => { document.getElementById('fields').innerHTML = html; }, IMG);
  expect(await injectedMarkup()).toHaveLength(1);
  expect((await executions()).ran).toBe(1);
  expect(dialogs).toEqual(['1']);
});

test('label, placeholder, alt and UI strings render as text', async () => {
  const texts = await page.evaluate(([img, svg, script, jsUrl]) => {
    const field = window.makeField({ interactive: true, label: img, placeholder: `# ${svg}\n${script}`, alt: jsUrl });
    field.strings = { dropHint: img, sourceUpload: script, remove: svg };
    const inert = window.makeField({ label: script, placeholder: img });  // the static (non-interactive) view
    const $ = (f, selector) => f.shadowRoot.querySelector(selector);
    return {
      label: $(field, '.label').textContent,
      heading: $(field, '.dropzone .heading').textContent,
      body: $(field, '.dropzone .body').textContent,
      upload: $(field, '[data-source="upload"]').textContent,
      removeTitle: $(field, '.remove').title,
      alt: $(field, 'img').alt,
      frameName: $(field, '.frame').getAttribute('aria-label'),
      inertLabel: $(inert, '.label').textContent,
      inertEmpty: $(inert, '.empty .body').textContent,
    };
  }, [IMG, SVG, SCRIPT, JS_URL]);
  expect(texts).toEqual({
    label: IMG, heading: SVG, body: SCRIPT, upload: SCRIPT, removeTitle: SVG, alt: JS_URL, frameName: IMG,
    inertLabel: SCRIPT, inertEmpty: IMG,
  });
  expect(await injectedMarkup()).toEqual([]);
  expect(await executions()).toEqual({ ran: 0, dialogs: [], violations: [] });
});

suite.test('a file named like markup: its name stays text in events, errors and the download name', async () => {
  await page.evaluate(() => window.makeField({ interactive: true, format: 'png' }));
  const png = await halvesPng();
  const name = `${IMG}${SVG}.png`;
  await page.uploadFile('image-field >> .file-input', { name, mimeType: 'image/png', buffer: png });
  await waitForEvent(page, 'change');
  expect(await page.evaluate(() => window.events.find((e) => e.type === 'upload').detail.file.name)).toBe(name);
  const download = await page.download('image-field >> button.download');
  // The browser sanitizes the suggested name for the file system; the point is that nothing ran.
  expect(download.name).toMatch(/img src=x onerror=/);
  // A non-image under a markup name: the error is shown as text.
  await page.uploadFile('image-field >> .file-input', { name: `${SCRIPT}.png`, mimeType: 'image/png', buffer: Buffer.from(IMG) });
  await waitForEvent(page, 'error');
  const shown = await page.evaluate(() => {
    const node = document.querySelector('image-field').shadowRoot.querySelector('.message');
    return { text: node.textContent, children: node.children.length };
  });
  expect(shown.text.length).toBeGreaterThan(0);
  expect(shown.children).toBe(0);
  expect(await injectedMarkup()).toEqual([]);
  expect(await executions()).toEqual({ ran: 0, dialogs: [], violations: [] });
  expect(problems).toEqual([]);
}, { needs: ['download', 'anyFileName'] });

test('javascript: URLs as value and watermark are refused with an error shown as text', async () => {
  suite.allowProblems(/javascript:window\.ran/);  // the engine refuses to fetch the URL, and may say so in the console
  await page.evaluate((jsUrl) => {
    const field = window.makeField({ interactive: true });
    field.value = jsUrl;
  }, JS_URL);
  await waitForEvent(page, 'error');
  await page.evaluate((jsUrl) => {
    const field = document.querySelector('image-field');
    field.watermark = jsUrl;
  }, JS_URL);
  await waitForEvent(page, 'error', 2);
  const state = await page.evaluate(() => {
    const field = document.querySelector('image-field');
    const node = field.shadowRoot.querySelector('.message');
    return {
      codes: window.events.filter((e) => e.type === 'error').map((e) => e.detail.code),
      text: node.textContent,
      children: node.children.length,
      value: field.value,
      location: location.href,
    };
  });
  expect(state.codes).toEqual(['decode_failed', 'decode_failed']);
  expect(state.text).toContain('javascript:window.ran++');
  expect(state.children).toBe(0);
  expect(state.value).toBeNull();
  expect(state.location).toMatch(/\/tests\/browser\/pages\/element\.html$/);
  expect(await injectedMarkup()).toEqual([]);
  expect(await executions()).toEqual({ ran: 0, dialogs: [], violations: [] });
});

test('box captions and class labels of boxes and masks render as text (legend) or canvas text (captions)', async () => {
  await page.evaluate(async ([img, svg, script]) => {
    const field = window.makeField({});
    field.value = { width: 8, height: 8, mode: 'RGB', data: new Uint8Array(8 * 8 * 3) };
    await new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
    field.boxes = {
      predictions: {
        box_data: [
          { position: { minX: 0, maxX: 0.5, minY: 0, maxY: 0.5 }, class_id: 1, box_caption: img },
          { position: { minX: 0.5, maxX: 1, minY: 0.5, maxY: 1 }, class_id: 3 },
        ],
        class_labels: { 1: svg, 3: script },
      },
    };
    const ids = new Uint8Array(64).fill(2, 0, 8);
    field.masks = { segmentation: { mask_data: ids, shape: [8, 8], class_labels: { 2: img } } };
  }, [IMG, SVG, SCRIPT]);
  await page.waitForFunction(() => document.querySelector('image-field').shadowRoot.querySelectorAll('[part="legend-item"]').length === 3);
  const legend = await page.evaluate(() => [...document.querySelector('image-field').shadowRoot.querySelectorAll('[part="legend-item"]')]
    .map((item) => ({ text: item.textContent, elements: item.querySelectorAll('*').length })));
  expect(legend.map((item) => item.text).sort()).toEqual([IMG, SVG, SCRIPT].sort());
  expect(await injectedMarkup()).toEqual([]);
  expect(await executions()).toEqual({ ran: 0, dialogs: [], violations: [] });
  expect(problems).toEqual([]);
});
