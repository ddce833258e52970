// The Wasm core must run under a strict Content-Security-Policy: Embind's
// default glue uses `new Function`, which the build disables.
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { launchChromium, startServer, watchProblems } from './chromium.js';
import { halvesPng } from './element-helpers.js';

jest.setTimeout(60_000);

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
const NO_WASM = "default-src 'self'; script-src 'self'";

let browser;
let server;
let policy = STRICT;

beforeAll(async () => {
  server = await startServer({ headers: () => ({ 'content-security-policy': policy }) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function runPage() {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}/tests/browser/pages/csp.html`);
  await page.waitForSelector('#result[data-done="true"]', { state: 'attached' });
  const result = JSON.parse(await page.textContent('#result'));
  await page.close();
  return { result, problems };
}

test("the core loads and works under script-src 'self' 'wasm-unsafe-eval'", async () => {
  policy = STRICT;
  const { result, problems } = await runPage();
  expect(result.ok).toBe(true);
  expect(result.violations).toEqual([]);
  expect(problems).toEqual([]);
  // Values i%3/2 − 0.5 lie in [-0.5, 0.5]: the signed branch, 127.5·(v+1).
  expect(result.raster).toMatchObject({ width: 2, height: 2, mode: 'RGB' });
  expect(result.raster.data).toEqual([63, 127, 191, 127, 191, 63, 191, 63, 127, 63, 127, 191]);
  expect(result.roundTrip).toEqual(result.raster.data);
});

test("without 'wasm-unsafe-eval' the policy is really enforced (control)", async () => {
  policy = NO_WASM;
  const { result } = await runPage();
  expect(result.ok).toBe(false);
});

test("<image-field> runs under the strict policy plus img-src blob: (styles are a constructed sheet, not inline)", async () => {
  policy = `${STRICT}; img-src 'self' blob:`;
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}/tests/browser/pages/element.html`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.evaluate(() => window.makeField({ interactive: true, label: 'Photo' }));
  const dataTransfer = await page.evaluateHandle(async () => {
    const transfer = new DataTransfer();
    const png = window.core.encode({ width: 2, height: 1, mode: 'RGB', data: new Uint8Array([255, 0, 0, 0, 0, 255]) });
    transfer.items.add(new File([png], 'pair.png', { type: 'image/png' }));
    return transfer;
  });
  await page.dispatchEvent('image-field >> .frame', 'drop', { dataTransfer });
  await page.waitForFunction(() => window.events.some((e) => e.type === 'change'));
  const state = await page.evaluate(() => ({
    violations: window.violations,
    types: window.events.map((e) => e.type),
    // The shadow styles apply: the frame has the themed border radius.
    radius: getComputedStyle(document.querySelector('image-field').shadowRoot.querySelector('.frame')).borderTopLeftRadius,
  }));
  expect(state).toEqual({ violations: [], types: ['upload', 'input', 'change'], radius: '8px' });
  expect(problems).toEqual([]);
  await page.close();
});

// The demo's own policy: no inline script or style anywhere. img-src blob: is
// there for one reason — the field shows a chosen file at once through an
// object URL in an <img>, before decoding; without it that preview is the
// only thing blocked (the control below).
const DEMO = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const DEMO_WITH_PREVIEW = `${DEMO}; img-src 'self' blob:`;

async function driveDemo() {
  const png = await halvesPng();
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${server.url}/demo/`);
  await page.waitForSelector('html[data-ready="true"]');
  // The tensor playground and the segmentation example (boxes, masks, legend).
  await page.waitForFunction(() => document.getElementById('segmentation').shadowRoot.querySelectorAll('[part="legend-item"]').length === 4);
  const tensorWidth = await page.evaluate(() => document.getElementById('tensor-output').width);
  const tensorJsonType = JSON.parse(await page.textContent('#tensor-json'))._type;
  const swatch = await page.$eval('#segmentation >> [part="legend-swatch"]', (el) => getComputedStyle(el).backgroundColor);
  // The convert section: a file through the real chooser, then another mode.
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#file-input')]);
  await chooser.setFiles({ name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('output').width === 8);
  await page.selectOption('#mode-select', 'L');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('→ L'));
  // The element: a PNG through its chooser, a TGA (decoded in the contained Worker) dropped on it, a page value.
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#field >> .dropzone')]);
  await chooser.setFiles({ name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 3);
  const tga = [...await readFile(new URL('../data/structure/rgb.tga', import.meta.url))];
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'rgb.tga', { type: 'image/x-tga' }));
    return transfer;
  }, tga);
  await page.dispatchEvent('#field >> .frame', 'drop', { dataTransfer });
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 6);
  await page.click('#field-set');
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 7);
  const state = await page.evaluate(() => ({
    violations: window.violations,
    log: [...document.querySelectorAll('#field-log li')].map((li) => li.textContent).reverse(),
    radius: getComputedStyle(document.getElementById('field').shadowRoot.querySelector('.frame')).borderTopLeftRadius,
    decodesInWorker: document.getElementById('field').decoder.stats.decodes,
  }));
  await page.close();
  return { tensorWidth, tensorJsonType, swatch, state, problems };
}

test("the demo works fully (playground, convert, fields, overlays) under default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob:", async () => {
  policy = DEMO_WITH_PREVIEW;
  const { tensorWidth, tensorJsonType, swatch, state, problems } = await driveDemo();
  expect(tensorWidth).toBeGreaterThan(0);
  expect(tensorJsonType).toBe('image-file');
  expect(swatch).toBe('rgb(60, 180, 75)');  // class 1's colour, set through the CSSOM
  expect(state.violations).toEqual([]);
  expect(problems).toEqual([]);
  expect(state.log.map((line) => line.split(' ')[0])).toEqual(['upload', 'input', 'change', 'upload', 'input', 'change', 'change']);
  expect(state.log[5]).toMatch(/^change value=\d+×\d+ RGB$/);
  // Every operation of the field (the chosen PNG, the dropped TGA, the page's value) ran in its Worker.
  expect(state.decodesInWorker).toBeGreaterThanOrEqual(3);
  expect(state.radius).toBe('8px');
});

test('without img-src blob: only the instant file preview is blocked (why the demo policy has it)', async () => {
  policy = DEMO;
  const { state } = await driveDemo();
  expect(state.violations.length).toBeGreaterThan(0);
  expect(state.violations.filter((v) => !/^img-src blob/.test(v))).toEqual([]);
  expect(state.log).toHaveLength(7);  // the field still works: the value is drawn on a canvas
});
