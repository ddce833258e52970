// The Wasm core must run under a strict Content-Security-Policy: Embind's
// default glue uses `new Function`, which the build disables.
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { halvesPng } from './element-helpers.js';
import { loadCore } from '../../web/index.js';

jest.setTimeout(60_000);

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
const NO_WASM = "default-src 'self'; script-src 'self'";

let policy = STRICT;
const suite = browserSuite({ headers: () => ({ 'content-security-policy': policy }) });

async function runPage() {
  const page = await suite.openPage('/tests/browser/pages/csp.html');
  await page.waitForSelector('#result[data-done="true"]', { state: 'attached' });
  const result = JSON.parse(await page.text('#result'));
  await page.close();
  return { result, problems: page.problems };
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
  // The engine reports the refused compilation (a console error in some engines).
  suite.allowProblems(/Content Security Policy|wasm-unsafe-eval|WebAssembly/i);
  const { result } = await runPage();
  expect(result.ok).toBe(false);
});

test("<image-field> runs under the strict policy plus img-src blob: (styles are a constructed sheet, not inline)", async () => {
  policy = `${STRICT}; img-src 'self' blob:`;
  const page = await suite.openPage('/tests/browser/pages/element.html', { ready: true });
  await page.evaluate(() => window.makeField({ interactive: true, label: 'Photo' }));
  const core = await loadCore();
  const pair = Buffer.from(core.encode({ width: 2, height: 1, mode: 'RGB', data: new Uint8Array([255, 0, 0, 0, 0, 255]) }));
  await page.dropFiles('image-field >> .frame', [{ name: 'pair.png', mimeType: 'image/png', buffer: pair }]);
  await page.waitForFunction(() => window.events.some((e) => e.type === 'change'));
  const state = await page.evaluate(() => ({
    violations: window.violations,
    types: window.events.map((e) => e.type),
    // The shadow styles apply: the frame has the themed border radius.
    radius: getComputedStyle(document.querySelector('image-field').shadowRoot.querySelector('.frame')).borderTopLeftRadius,
  }));
  expect(state).toEqual({ violations: [], types: ['upload', 'input', 'change'], radius: '8px' });
  expect(page.problems).toEqual([]);
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
  const page = await suite.newPage();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto('/demo/');
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  // The tensor playground and the segmentation example (boxes, masks, legend).
  await page.waitForFunction(() => document.getElementById('segmentation').shadowRoot.querySelectorAll('[part="legend-item"]').length === 4);
  const tensorWidth = await page.evaluate(() => document.getElementById('tensor-output').width);
  const tensorJsonType = JSON.parse(await page.text('#tensor-json'))._type;
  const swatch = await page.evalOn('#segmentation >> [part="legend-swatch"]', (el) => getComputedStyle(el).backgroundColor);
  // The convert section: a file through the real chooser, then another mode.
  await page.chooseFile('#file-input', { name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('output').width === 8);
  await page.selectOption('#mode-select', 'L');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('→ L'));
  // The element: a PNG through its chooser, a TGA (decoded in the contained Worker) dropped on it, a page value.
  await page.chooseFile('#field >> .dropzone', { name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 3);
  const tga = await readFile(new URL('../data/structure/rgb.tga', import.meta.url));
  await page.dropFiles('#field >> .frame', [{ name: 'rgb.tga', mimeType: 'image/x-tga', buffer: tga }]);
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
  return { tensorWidth, tensorJsonType, swatch, state, problems: page.problems };
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
  suite.allowProblems(/Content Security Policy|img-src|blob:/i);
  const { state } = await driveDemo();
  expect(state.violations.length).toBeGreaterThan(0);
  expect(state.violations.filter((v) => !/^img-src blob/.test(v))).toEqual([]);
  expect(state.log).toHaveLength(7);  // the field still works: the value is drawn on a canvas
});
