// The demo page, driven like a user: a real file chooser and a real drop.
import { jest } from '@jest/globals';
import { launchChromium, startServer, watchProblems } from './chromium.js';
import { loadCore } from '../../web/index.js';

jest.setTimeout(60_000);

let browser;
let server;
let png;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const core = await loadCore();
  // Left half red, right half blue, 8×4.
  const data = new Uint8Array(8 * 4 * 3);
  for (let i = 0; i < 32; i++) data.set((i % 8) < 4 ? [255, 0, 0] : [0, 0, 255], i * 3);
  png = Buffer.from(core.encode({ width: 8, height: 4, mode: 'RGB', data }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo() {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}/demo/`);
  await page.waitForSelector('html[data-ready="true"]');
  return { page, problems };
}

const canvasPixels = (page, id) => page.evaluate((canvasId) => {
  const canvas = document.getElementById(canvasId);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data: Array.from(data) };
}, id);

test('loads without console errors and shows the tensor', async () => {
  const { page, problems } = await openDemo();
  const tensor = await canvasPixels(page, 'tensor-output');
  expect([tensor.width, tensor.height]).toEqual([96, 64]);
  expect(problems).toEqual([]);
  await page.close();
});

test('a file from the real file chooser is decoded and converted to the chosen mode', async () => {
  const { page, problems } = await openDemo();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#file-input')]);
  await chooser.setFiles({ name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('output').width === 8);
  let out = await canvasPixels(page, 'output');
  expect(out.data.slice(0, 4)).toEqual([255, 0, 0, 255]);
  expect(out.data.slice(7 * 4, 8 * 4)).toEqual([0, 0, 255, 255]);

  await page.selectOption('#mode-select', 'L');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('→ L'));
  out = await canvasPixels(page, 'output');
  // Pillow luma: red → 76, blue → 29.
  expect(out.data.slice(0, 4)).toEqual([76, 76, 76, 255]);
  expect(out.data.slice(7 * 4, 8 * 4)).toEqual([29, 29, 29, 255]);
  expect(problems).toEqual([]);
  await page.close();
});

test('a dropped non-image shows an error and keeps the previous image', async () => {
  const { page } = await openDemo();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#file-input')]);
  await chooser.setFiles({ name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('output').width === 8);

  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['not an image'], 'notes.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
  await page.waitForSelector('#status.error');
  expect(await page.textContent('#status')).toMatch(/^unsupported_file: /);
  const out = await canvasPixels(page, 'output');
  expect(out.width).toBe(8);
  expect(out.data.slice(0, 4)).toEqual([255, 0, 0, 255]);
  await page.close();
});

test('the <image-field> section logs upload → input → change for a chosen file', async () => {
  const { page, problems } = await openDemo();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#field >> .dropzone')]);
  await chooser.setFiles({ name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 3);
  const lines = await page.$$eval('#field-log li', (items) => items.map((li) => li.textContent).reverse());
  expect(lines).toEqual([
    `upload source=upload file="halves.png" (${png.length} B)`,
    'input value=8×4 RGB',
    'change value=8×4 RGB',
  ]);
  await page.click('#field-set');
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 4);
  expect(await page.textContent('#field-log li')).toBe('change value=64×48 RGB');
  expect(problems).toEqual([]);
  await page.close();
});
