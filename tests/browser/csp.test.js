// The Wasm core must run under a strict Content-Security-Policy: Embind's
// default glue uses `new Function`, which the build disables.
import { jest } from '@jest/globals';
import { launchChromium, startServer, watchProblems } from './chromium.js';

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

test('the demo page runs under the strict policy: playground, fields and overlays, no violation', async () => {
  policy = `${STRICT}; img-src 'self' blob:`;
  const page = await browser.newPage();
  const problems = watchProblems(page);
  const violations = [];
  await page.exposeFunction('reportViolation', (text) => violations.push(text));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (event) => window.reportViolation(`${event.violatedDirective} ${event.blockedURI}`)));
  await page.goto(`${server.url}/demo/`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForFunction(() => document.getElementById('segmentation').shadowRoot.querySelectorAll('[part="legend-item"]').length === 4);
  expect(JSON.parse(await page.textContent('#tensor-json'))._type).toBe('image-file');
  const swatch = await page.$eval('#segmentation >> [part="legend-swatch"]', (el) => getComputedStyle(el).backgroundColor);
  expect(swatch).toBe('rgb(60, 180, 75)');  // class 1's colour, set through the CSSOM
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
