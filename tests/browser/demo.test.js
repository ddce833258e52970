// The demo page, driven like a user: a real file chooser and a real drop,
// the fake camera, the clipboard, and every section's controls.
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { loadCore } from '../../web/index.js';

jest.setTimeout(60_000);

const suite = browserSuite({ camera: 'fake', clipboard: true });
let png;
let blackPng;

beforeAll(async () => {
  const core = await loadCore();
  blackPng = Buffer.from(core.encode({ width: 64, height: 48, mode: 'RGB', data: new Uint8Array(64 * 48 * 3) }));
  // Left half red, right half blue, 8×4.
  const data = new Uint8Array(8 * 4 * 3);
  for (let i = 0; i < 32; i++) data.set((i % 8) < 4 ? [255, 0, 0] : [0, 0, 255], i * 3);
  png = Buffer.from(core.encode({ width: 8, height: 4, mode: 'RGB', data }));
});

async function openDemo() {
  const page = await suite.openPage('/demo/', { ready: true });
  return { page, problems: page.problems };
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
  await page.chooseFile('#file-input', { name: 'halves.png', mimeType: 'image/png', buffer: png });
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
  await page.chooseFile('#file-input', { name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('output').width === 8);

  await page.dropFiles('#drop-zone', [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') }]);
  await page.waitForSelector('#status.error');
  expect(await page.text('#status')).toMatch(/^unsupported_file: /);
  const out = await canvasPixels(page, 'output');
  expect(out.width).toBe(8);
  expect(out.data.slice(0, 4)).toEqual([255, 0, 0, 255]);
  await page.close();
});

test('the <image-field> section logs upload → input → change for a chosen file', async () => {
  const { page, problems } = await openDemo();
  await page.chooseFile('#field >> .dropzone', { name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 3);
  const lines = await page.evalAll('#field-log li', (items) => items.map((li) => li.textContent).reverse());
  expect(lines).toEqual([
    `upload source=upload file="halves.png" (${png.length} B)`,
    'input value=8×4 RGB',
    'change value=8×4 RGB',
  ]);
  await page.click('#field-set');
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 4);
  expect(await page.text('#field-log li')).toBe('change value=64×48 RGB');
  expect(problems).toEqual([]);
  await page.close();
});

const logLines = (page) => page.evalAll('#field-log li', (items) => items.map((li) => li.textContent).reverse());

describe('tensor playground', () => {
  test('the generated tensor is the same picture from [-1, 1] and [0, 1]; normalize off changes it; the JSON is core.Image\'s', async () => {
    const { page, problems } = await openDemo();
    const json = JSON.parse(await page.text('#tensor-json'));
    expect(Object.keys(json)).toEqual(['caption', '_type', 'sha256', 'size', 'path', 'format', 'width', 'height']);
    expect(json).toMatchObject({ caption: 'CHW tensor 3×64×96', _type: 'image-file', format: 'png', width: 96, height: 64 });
    expect(json.path).toBe(`media/images/playground_0_${json.sha256.slice(0, 20)}.png`);
    const signed = await canvasPixels(page, 'tensor-output');

    await page.selectOption('#tensor-range', 'unit');
    await page.waitForFunction(() => document.getElementById('tensor-status').textContent.includes('[0, 1]'));
    const unit = await canvasPixels(page, 'tensor-output');
    // (x + 1) × 127.5 and x × 255 of (x + 1) / 2: the same picture up to rounding.
    expect(unit.data.length).toBe(signed.data.length);
    expect(unit.data.every((v, i) => Math.abs(v - signed.data[i]) <= 1)).toBe(true);

    await page.setChecked('#normalize-toggle', false);
    await page.waitForFunction(() => document.getElementById('tensor-info').textContent.includes('"normalize":false'));
    const raw = await canvasPixels(page, 'tensor-output');
    expect(raw.data.filter((v, i) => v !== unit.data[i]).length).toBeGreaterThan(1000);
    expect(JSON.parse(await page.text('#tensor-json')).sha256).not.toBe(json.sha256);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a pasted CHW tensor is shown pixel for pixel; a malformed one says what is wrong', async () => {
    const { page, problems } = await openDemo();
    await page.fill('#tensor-paste', '[[[0, 1], [1, 0]], [[0.2, 0.2], [0.8, 0.8]], [[1, 1], [0, 0]]]');
    await page.click('#tensor-show-pasted');
    await page.waitForFunction(() => document.getElementById('tensor-output').width === 2);
    const out = await canvasPixels(page, 'tensor-output');
    expect(out.data).toEqual([0, 51, 255, 255, 255, 51, 255, 255, 255, 204, 0, 255, 0, 204, 0, 255]);
    expect(JSON.parse(await page.text('#tensor-json'))).toMatchObject({ width: 2, height: 2 });

    await page.fill('#tensor-paste', '[[0, 1], [1, 0]]');
    await page.click('#tensor-show-pasted');
    await page.waitForSelector('#tensor-status.error');
    expect(await page.text('#tensor-status')).toMatch(/three nested arrays.*shape \[2, 2\]/);
    expect((await canvasPixels(page, 'tensor-output')).width).toBe(2);  // the previous tensor stays
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the <image-field> section', () => {
  test('watermark uploads on and off', async () => {
    const { page, problems } = await openDemo();
    const upload = async () => {
      const before = (await logLines(page)).length;
      await page.chooseFile('#field >> .dropzone', { name: 'black.png', mimeType: 'image/png', buffer: blackPng });
      await page.waitForFunction((n) => document.getElementById('field-log').children.length >= n + 3, before);
      // The 8×8 badge sits 10 px from the bottom-right corner.
      return page.evaluate(() => {
        const { data, width } = document.getElementById('field').value;
        const at = (x, y) => Array.from(data.slice((y * width + x) * 3, (y * width + x) * 3 + 3));
        return { badge: at(64 - 10 - 4, 48 - 10 - 4), corner: at(63, 47) };
      });
    };
    await page.setChecked('#field-watermark', true);
    let pixels = await upload();
    expect(pixels.badge.every((v) => v > 100)).toBe(true);
    expect(pixels.corner).toEqual([0, 0, 0]);
    await page.click('#field >> .remove');
    await page.setChecked('#field-watermark', false);
    pixels = await upload();
    expect(pixels.badge).toEqual([0, 0, 0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  suite.test('webcam and clipboard sources reach the events log', async () => {
    const { page, problems } = await openDemo();
    await page.click('#field >> button[data-source=webcam]');
    await page.click('#field >> button.start');
    await page.waitForSelector('#field >> button.capture', { state: 'visible' });
    await page.click('#field >> button.capture');
    await page.waitForFunction(() => document.getElementById('field-log').children.length >= 3);
    expect((await logLines(page))[0]).toMatch(/^upload source=webcam file="webcam.png"/);

    await page.writeClipboard({ png });
    await page.click('#field >> button[data-source=clipboard]');
    await page.waitForFunction(() => document.getElementById('field-log').children.length >= 6);
    const lines = (await logLines(page)).slice(3);
    expect(lines[0]).toMatch(/^upload source=clipboard file="clipboard\.png"/);  // the browser re-encodes clipboard images
    expect(lines.slice(1)).toEqual(['input value=8×4 RGB', 'change value=8×4 RGB']);
    expect(problems).toEqual([]);
    await page.close();
  }, { needs: ['clipboardImage'] });
});

describe('segmentation overlays', () => {
  const overlayAlpha = (page, [x, y]) => page.evaluate(([fx, fy]) => {
    const field = document.getElementById('segmentation');
    const canvas = field.shadowRoot.querySelector('.overlay');
    const frame = field.shadowRoot.querySelector('.frame');
    const ratio = canvas.width / frame.clientWidth;
    // Image point (fx, fy) as fractions → the overlay canvas, through the letterbox.
    const { width, height } = field.value;
    const scale = Math.min(frame.clientWidth / width, frame.clientHeight / height);
    const left = (frame.clientWidth - width * scale) / 2;
    const top = (frame.clientHeight - height * scale) / 2;
    const px = Math.round((left + fx * width * scale) * ratio);
    const py = Math.round((top + fy * height * scale) * ratio);
    return canvas.getContext('2d').getImageData(px, py, 1, 1).data[3];
  }, [x, y]);

  test('the example shows boxes and masks with a legend whose buttons toggle each class', async () => {
    const { page, problems } = await openDemo();
    await page.waitForFunction(() => document.getElementById('segmentation').shadowRoot.querySelectorAll('[part="legend-item"]').length === 4);
    const legend = await page.evalAll('#segmentation >> [part="legend-item"]', (items) => items.map((b) => [b.textContent, b.getAttribute('aria-pressed')]));
    expect(legend).toEqual([['sky', 'true'], ['road', 'true'], ['car', 'true'], ['person', 'true']]);
    const sky = [0.5, 0.1];
    expect(await overlayAlpha(page, sky)).toBeGreaterThan(0);
    const button = { css: '#segmentation >> button[part="legend-item"]', text: 'sky' };
    // The masks are recoloured in the field's Worker: wait for the overlay to follow the legend.
    const until = async (condition) => { while (!(await condition())) await page.evaluate(() => new Promise(requestAnimationFrame)); };
    await page.click(button);
    expect(await page.attribute(button, 'aria-pressed')).toBe('false');
    await until(async () => (await overlayAlpha(page, sky)) === 0);
    expect(await overlayAlpha(page, sky)).toBe(0);
    await page.click(button);
    await until(async () => (await overlayAlpha(page, sky)) > 0);
    expect(await overlayAlpha(page, sky)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
