// The demo page, driven like a user: a real file chooser and a real drop,
// the fake camera, the clipboard, and every section's controls. The gradio
// examples (sepia, fake diffusion) and the detection example are also
// photographed: DEMO_SHOTS names the directory (default: imagefield-demo-shots
// in the system's temporary directory).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { loadCore } from '../../web/index.js';
import { dayScene } from '../../demo/sample-pictures.js';

jest.setTimeout(60_000);

const suite = browserSuite({ camera: 'fake', clipboard: true });
let png;
let blackPng;
let core;

beforeAll(async () => {
  core = await loadCore();
  blackPng = Buffer.from(core.encode({ width: 64, height: 48, mode: 'RGB', data: new Uint8Array(64 * 48 * 3) }));
  // Left half red, right half blue, 8×4.
  const data = new Uint8Array(8 * 4 * 3);
  for (let i = 0; i < 32; i++) data.set((i % 8) < 4 ? [255, 0, 0] : [0, 0, 255], i * 3);
  png = Buffer.from(core.encode({ width: 8, height: 4, mode: 'RGB', data }));
});

async function openDemo() {
  const page = await suite.openPage('/demo/', { ready: true });
  // The examples fill in after the page says it is ready (their fields work in
  // Workers); the detection's legends and JSON and the segmentation's legend
  // then push every section below them down, so a click aimed before that can land beside its button.
  await page.waitForFunction(() => document.getElementById('sepia-output').value?.width === 320);
  await detectionShown(page);
  await page.waitForFunction(() => document.getElementById('segmentation').shadowRoot.querySelectorAll('[part="legend-item"]').length === 4);
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

test('the <image-field> section\'s tensor type logs ImageNet tensors', async () => {
  const { page, problems } = await openDemo();
  await page.selectOption('#field-type', 'tensor');
  await page.chooseFile('#field >> .dropzone', { name: 'halves.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.getElementById('field-log').children.length === 3);
  expect((await logLines(page)).slice(1)).toEqual(['input value=tensor [1, 3, 224, 224] float32', 'change value=tensor [1, 3, 224, 224] float32']);
  expect(problems).toEqual([]);
  await page.close();
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

const SHOTS = process.env.DEMO_SHOTS || join(tmpdir(), 'imagefield-demo-shots');

/**
 * A screenshot of one section of the page (its part in the viewport), kept as
 * SHOTS/<name>.png. Returns its size, with `pixels(id, share)`: the pixels
 * the shot holds of field `id`'s frame (the middle `share` of its width and
 * height), as [r, g, b] triples — what a user sees there.
 */
async function photograph(page, title, name, fields = []) {
  const { clip, frames } = await page.evalOn(`section[aria-labelledby="${title}"]`, (section, ids) => {
    section.scrollIntoView({ block: 'start' });
    const r = section.getBoundingClientRect();
    const [x, y] = [Math.max(0, r.left), Math.max(0, r.top)];
    const box = { x, y, width: Math.min(r.right, document.documentElement.clientWidth) - x,
      height: Math.min(r.bottom, document.documentElement.clientHeight) - y };
    const rects = {};
    for (const id of ids) {
      const f = document.getElementById(id).shadowRoot.querySelector('.frame').getBoundingClientRect();
      rects[id] = { x: f.left - x, y: f.top - y, width: f.width, height: f.height };
    }
    return { clip: box, frames: rects };
  }, fields);
  const shot = await page.screenshot(clip);
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${name}.png`), shot);
  const raster = core.convert(core.decode(shot), 'RGB');
  const pixels = (id, share = 1) => {
    const whole = frames[id];
    const f = { x: whole.x + whole.width * (1 - share) / 2, y: whole.y + whole.height * (1 - share) / 2,
      width: whole.width * share, height: whole.height * share };
    const out = [];
    for (let y = Math.round(f.y); y < Math.round(f.y + f.height) && y < raster.height; y++) {
      for (let x = Math.round(f.x); x < Math.round(f.x + f.width) && x < raster.width; x++) {
        const at = (y * raster.width + x) * 3;
        out.push([raster.data[at], raster.data[at + 1], raster.data[at + 2]]);
      }
    }
    return out;
  };
  return { width: raster.width, height: raster.height, pixels };
}

const near = (rgb, target, tolerance) => rgb.every((v, i) => Math.abs(v - target[i]) <= tolerance);
const count = (pixels, test) => pixels.filter(test).length;
/** Mean difference of each pixel to its right-hand neighbour: high for noise, low for a drawn picture. */
const roughness = (pixels) => pixels.slice(1).reduce((sum, p, i) => sum + Math.abs(p[0] - pixels[i][0]) + Math.abs(p[1] - pixels[i][1]), 0)
  / (2 * (pixels.length - 1));

/** Bytes of a typed array in the page, as base64 (far quicker to carry than arrays of numbers). */
const BASE64 = `(view) => {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}`;

function dropOn(page, id, name, buffer, mimeType = 'image/png') {
  return page.dropFiles(`#${id} >> .frame`, [{ name, mimeType, buffer }]);
}

/**
 * Waits until the detection section shows `regions` boxes (by default, as
 * many as its status line says it found): both fields hold
 * them (`boxes` reads back the layers once the field has checked them), the
 * picture's overlay has them drawn, and the right field shows the current
 * tensor (its grey bar ends where the input's letterbox puts the picture).
 */
function detectionShown(page, regions) {
  return page.waitForFunction((expected) => {
    const found = /^(\d+) bright regions? /.exec(document.getElementById('detect-status').textContent);
    const n = expected ?? (found && Number(found[1]));
    if (!n) return false;
    const input = document.getElementById('detect-input');
    const view = document.getElementById('detect-tensor');
    if (input.boxes?.detections?.box_data.length !== n || view.boxes?.detections?.box_data.length !== n) return false;
    const overlay = input.shadowRoot.querySelector('.overlay');
    if (overlay.hidden || !overlay.width || !overlay.height) return false;
    const { data: drawn } = overlay.getContext('2d').getImageData(0, 0, overlay.width, overlay.height);
    if (!drawn.some((v, i) => i % 4 === 3 && v > 0)) return false;
    const shown = view.shadowRoot.querySelector('canvas.image');
    const top = input.value?.letterbox?.top;
    const tensor = view.value;
    if (shown.hidden || shown.width !== 320 || tensor?.width !== 320 || !(top > 0)) return false;
    const red = (y) => tensor.data[y * 320 * 3];
    return red(top - 1) === 114 && red(top) !== 114;
  }, regions ?? null);
}

/** The detection section's shot shows the boxes on the picture (their green outlines and captions) and the tensor (its grey bars). */
function expectDetectionPhotographed(shot) {
  const picture = shot.pixels('detect-input');
  const tensor = shot.pixels('detect-tensor');
  const boxGreen = [60, 180, 75];  // class 1's colour
  expect(count(picture, (rgb) => near(rgb, boxGreen, 24))).toBeGreaterThan(100);
  expect(count(tensor, (rgb) => near(rgb, [114, 114, 114], 6))).toBeGreaterThan(tensor.length / 10);
  expect(count(tensor, (rgb) => near(rgb, boxGreen, 24))).toBeGreaterThan(100);
}

describe('gradio examples, rebuilt in the page', () => {
  test('sepia filter: the input field\'s tensor through the sepia matrix, shown in the output field', async () => {
    const { page, problems } = await openDemo();
    await page.waitForFunction(() => document.getElementById('sepia-output').value?.width === 320);
    expect(await page.evaluate(() => document.getElementById('sepia-input').value.dims)).toEqual([240, 320, 3]);
    const shot = await photograph(page, 'sepia-title', 'sepia', ['sepia-input', 'sepia-output']);
    expect(shot.width).toBeGreaterThan(300);
    // What the shot shows: the village by day on the left (a blue sky), its sepia on the right (warm browns, no blue).
    const input = shot.pixels('sepia-input', 0.5);
    const output = shot.pixels('sepia-output', 0.5);
    expect(count(input, ([r, , b]) => b > r + 40)).toBeGreaterThan(input.length / 10);
    expect(count(output, ([r, g, b]) => r >= g && g >= b && r > b + 20)).toBeGreaterThan(output.length * 0.9);

    // The red and blue halves: red (1, 0, 0) → (0.393, 0.349, 0.272), blue (0, 0, 1) → (0.189, 0.168, 0.131), over the largest, 0.393.
    await dropOn(page, 'sepia-input', 'halves.png', png);
    await page.waitForFunction(() => document.getElementById('sepia-output').value?.width === 8);
    const result = await page.evaluate(() => {
      const { value: tensor } = document.getElementById('sepia-input');
      const { value: shown } = document.getElementById('sepia-output');
      return { dims: tensor.dims, type: tensor.type, first: Array.from(tensor.data.slice(0, 3)), mode: shown.mode,
        red: Array.from(shown.data.slice(0, 3)), blue: Array.from(shown.data.slice(7 * 3, 8 * 3)) };
    });
    expect(result).toMatchObject({ dims: [4, 8, 3], type: 'float32', first: [1, 0, 0], mode: 'RGB' });
    // Shown by the wandb rules ([0, 1] × 255); the page's float32 arithmetic may land a value a hair under a whole number.
    const shown = (rgb) => Array.from(core.fromArray(Float32Array.from([0.393, 0.349, 0.272, ...rgb].map((v) => v / 0.393)),
      { shape: [1, 2, 3] }).data.slice(3));
    const within1 = (actual, expected) => actual.length === 3 && actual.every((v, i) => Math.abs(v - expected[i]) <= 1);
    expect(within1(result.red, shown([0.393, 0.349, 0.272]))).toBe(true);
    expect(within1(result.blue, shown([0.189, 0.168, 0.131]))).toBe(true);
    expect(result.red).toEqual([255, 226, 176]);
    expect(result.blue).not.toEqual(result.red);
    expect(await page.text('#sepia-status')).toMatch(/^Sepia of a 8×4 tensor/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('fake diffusion: one update a second, from noise to the picture', async () => {
    const { page, problems } = await openDemo();
    await page.evaluate((base64) => {
      const toBase64 = new Function(`return ${base64}`)();
      window.frames = [];
      document.getElementById('diffusion-output').addEventListener('change', ({ detail: { value } }) => window.frames.push(toBase64(value.data)));
      const steps = document.getElementById('diffusion-steps');
      steps.value = '3';
      steps.dispatchEvent(new Event('input'));
    }, BASE64);
    await page.click('#diffusion-run');
    await page.waitForFunction(() => window.frames.length === 2);
    const step1 = await photograph(page, 'diffusion-title', 'diffusion-step-1', ['diffusion-output']);
    await page.waitForFunction(() => document.getElementById('diffusion-status').textContent.startsWith('Done'));
    await page.waitForFunction(() => window.frames.length === 4);
    const done = await photograph(page, 'diffusion-title', 'diffusion-done', ['diffusion-output']);
    // What the shots show: a noisy picture after the first step (its own progress: 1 of 3), a smooth one at the end.
    const noisy = roughness(step1.pixels('diffusion-output', 0.4));
    const final = done.pixels('diffusion-output', 0.4);
    expect(noisy).toBeGreaterThan(20);
    expect(roughness(final)).toBeLessThan(5);
    expect(count(final, ([r, , b]) => b > r + 40)).toBeGreaterThan(final.length / 10);  // the day's blue sky
    const frames = (await page.evaluate(() => window.frames)).map((text) => Buffer.from(text, 'base64'));
    const scene = dayScene(256, 256);
    const picture = Buffer.from(core.fromArray(scene.data, { shape: scene.shape }).data);
    expect(frames.map((frame) => frame.length)).toEqual(Array(4).fill(256 * 256 * 3));
    expect(frames[3].equals(picture)).toBe(true);
    // Mean distance to the picture: noise far from it, then closer at each step.
    const distance = (frame) => frame.reduce((sum, v, i) => sum + Math.abs(v - picture[i]), 0) / frame.length;
    const distances = frames.map(distance);
    expect(distances[0]).toBeGreaterThan(40);
    expect(distances[1]).toBeLessThan(distances[0]);
    expect(distances[2]).toBeLessThan(distances[1]);
    expect(distances[3]).toBe(0);
    expect(await page.evaluate(() => {
      const progress = document.getElementById('diffusion-progress');
      return [progress.value, progress.max, document.getElementById('diffusion-run').disabled];
    })).toEqual([3, 3, false]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('detection: a letterboxed tensor, bright-region boxes in its pixels, drawn back on the picture', async () => {
    const { page, problems } = await openDemo();
    const regions = Number((await page.text('#detect-status')).split(' ')[0]);
    expect(regions).toBeGreaterThan(0);
    await detectionShown(page, regions);
    expectDetectionPhotographed(await photograph(page, 'detection-title', 'detection', ['detect-input', 'detect-tensor']));

    // A 300×150 black picture with two white rectangles: the letterbox puts it at 320×160, 80 px down.
    const rectangles = [{ minX: 40, maxX: 80, minY: 30, maxY: 60 }, { minX: 200, maxX: 260, minY: 90, maxY: 130 }];
    const data = new Uint8Array(300 * 150 * 3);
    for (const r of rectangles) for (let y = r.minY; y < r.maxY; y++) data.fill(255, (y * 300 + r.minX) * 3, (y * 300 + r.maxX) * 3);
    const picture = Buffer.from(core.encode({ width: 300, height: 150, mode: 'RGB', data }));
    await dropOn(page, 'detect-input', 'rectangles.png', picture);
    await page.waitForFunction(() => document.getElementById('detect-status').textContent.startsWith('2 bright regions'));
    await detectionShown(page, 2);
    const found = await page.evaluate(() => {
      const field = document.getElementById('detect-input');
      return { letterbox: field.value.letterbox, dims: field.value.dims,
        boxes: field.boxes.detections.box_data.map((box) => ({ ...box.position, domain: box.domain })) };
    });
    expect(found.dims).toEqual([1, 3, 320, 320]);
    expect(found.letterbox).toMatchObject({ left: 0, top: 80, width: 320, height: 160 });
    // Each box, taken back through the letterbox, is its rectangle (to within the resampling's blur of its edges).
    const { left, top, scaleX, scaleY } = found.letterbox;
    const back = found.boxes.map((b) => ({ minX: (b.minX - left) / scaleX, maxX: (b.maxX - left) / scaleX,
      minY: (b.minY - top) / scaleY, maxY: (b.maxY - top) / scaleY, domain: b.domain }));
    back.sort((a, b) => a.minX - b.minX);
    back.forEach((box, i) => {
      expect(box.domain).toBe('tensor');
      for (const side of ['minX', 'maxX', 'minY', 'maxY']) expect(Math.abs(box[side] - rectangles[i][side])).toBeLessThanOrEqual(1.5);
    });

    // The overlay: the outline on each rectangle's left edge, nothing inside nor between them.
    const alphaNear = (points) => page.evaluate((list) => {
      const field = document.getElementById('detect-input');
      const overlay = field.shadowRoot.querySelector('.overlay');
      const frame = field.shadowRoot.querySelector('.frame');
      const ratio = overlay.width / frame.clientWidth;
      const scale = Math.min(frame.clientWidth / 300, frame.clientHeight / 150);
      const x0 = (frame.clientWidth - 300 * scale) / 2;
      const y0 = (frame.clientHeight - 150 * scale) / 2;
      const context = overlay.getContext('2d');
      // The largest alpha within 4 CSS px of each image point.
      return list.map(([x, y]) => {
        const px = Math.round((x0 + x * scale - 4) * ratio);
        const py = Math.round((y0 + y * scale) * ratio);
        const { data } = context.getImageData(px, py, Math.round(8 * ratio), 1);
        return Math.max(...data.filter((_, i) => i % 4 === 3));
      });
    }, points);
    const edges = await alphaNear(rectangles.map((r) => [r.minX, (r.minY + r.maxY) / 2]));
    expect(edges.every((alpha) => alpha > 0)).toBe(true);
    const clear = await alphaNear([...rectangles.map((r) => [(r.minX + r.maxX) / 2, (r.minY + r.maxY) / 2]), [140, 75]]);
    expect(clear).toEqual([0, 0, 0]);
    // What the detector saw: the 320×320 tensor, grey bars above and below.
    expect(await page.evaluate(() => {
      const { width, height, data } = document.getElementById('detect-tensor').value;
      return { width, height, bar: Array.from(data.slice(0, 3)) };
    })).toEqual({ width: 320, height: 320, bar: [114, 114, 114] });
    expectDetectionPhotographed(await photograph(page, 'detection-title', 'detection-rectangles', ['detect-input', 'detect-tensor']));
    expect(problems).toEqual([]);
    await page.close();
  });
});
