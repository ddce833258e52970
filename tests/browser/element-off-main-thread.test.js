// <image-field> does its pixel work in the page's core Worker: the page below
// loads no core of its own and counts, on its main thread, every Wasm
// compilation or instantiation and every createImageBitmap and getImageData
// call (pages/main-thread-counter.js wraps them before the element loads).
// Each way in — upload, drop, paste, camera capture, every kind of value a page
// sets — must give the right pixels with all of those counts at zero.
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { loadCore } from '../../web/index.js';
import { browserSuite } from './harness.js';
import { fieldWithTestHooksDecoder, halvesPng } from './element-helpers.js';

jest.setTimeout(60_000);

const PAGE = '/tests/browser/pages/off-main.html';
const NONE = { wasm: 0, createImageBitmap: 0, getImageData: 0 };

/** A 64×48 camera frame (4:2:0): white left half, black right half. */
function halvesY4m() {
  const [w, h] = [64, 48];
  const luma = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) luma[y * w + x] = x < w / 2 ? 235 : 16;
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F30:1 Ip A1:1 C420jpeg\n`), Buffer.from('FRAME\n'), luma,
    Buffer.alloc((w / 2) * (h / 2) * 2, 128)]);
}

const suite = browserSuite({ camera: { frames: halvesY4m() } });
let page;
let core;
let png;        // the 8×4 halves PNG
let webp;       // a 128×128 photograph as WebP (read by the browser, not the core)
let expected;   // its RGB pixels, decoded by the core in Node

beforeAll(async () => {
  core = await loadCore();
  png = await halvesPng();
  webp = await readFile(new URL('../data/photos/hopper.webp', import.meta.url));
  expected = Array.from(core.decode(png, { mode: 'RGB' }).data);
});

async function open(query = '') {
  page = await suite.openPage(`${PAGE}${query}`, { ready: true });
  await page.evaluate((bytes) => { window.png = new Uint8Array(bytes); }, [...png]);
}

const mainThreadWork = () => page.evaluate(() => ({ ...window.mainThreadWork }));
const changes = (id) => page.waitForFunction(([field, n]) => window.events.filter((e) => e.id === field && e.type === 'change').length >= n
  || window.events.some((e) => e.type === 'error'), [id, 1]).then(() => page.evaluate(() => window.events.filter((e) => e.type === 'error').map((e) => e.detail)));
const waitFor = (id, type, n) => page.waitForFunction(([field, t, count]) => window.events.filter((e) => e.id === field && e.type === t).length >= count, [id, type, n]);
const types = (id) => page.evaluate((field) => window.events.filter((e) => e.id === field).map((e) => e.type), id);
/** The RGB(A) value of a field of type array, as plain numbers. */
const valueOf = (id) => page.evaluate((field) => {
  const { width, height, mode, data } = document.getElementById(field).value;
  return { width, height, mode, data: Array.from(data) };
}, id);

suite.test('upload, drop, paste and capture: the right pixels, no Wasm, createImageBitmap or getImageData on the main thread', async () => {
  await open();
  await page.evaluate(() => {
    window.makeField({ id: 'upload', interactive: true });
    window.makeField({ id: 'drop', interactive: true, 'image-mode': 'RGBA' });
    window.makeField({ id: 'paste', interactive: true, type: 'imagedata' });
    window.makeField({ id: 'camera', interactive: true, sources: 'webcam upload' });
    window.makeField({ id: 'jpeg', interactive: true });
  });
  const jpeg = Buffer.from(core.encode(core.decode(png, { mode: 'RGB' }), { format: 'jpeg', quality: 90 }));
  await page.uploadFile('#jpeg >> .file-input', { name: 'halves.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  expect(await changes('jpeg')).toEqual([]);

  await page.uploadFile('#upload >> .file-input', { name: 'halves.png', mimeType: 'image/png', buffer: png });
  expect(await changes('upload')).toEqual([]);

  await page.dropFiles('#drop >> .frame', [{ name: 'halves.png', mimeType: 'image/png', buffer: png }]);
  expect(await changes('drop')).toEqual([]);

  await page.paste('#paste', { file: { name: 'pasted.png', mimeType: 'image/png', buffer: png } });
  expect(await changes('paste')).toEqual([]);

  expect(await page.evaluate(() => document.getElementById('camera').capture())).toBe(true);

  // Read before anything below reads pixels on the page for checking.
  const work = await mainThreadWork();

  expect(await valueOf('upload')).toEqual({ width: 8, height: 4, mode: 'RGB', data: expected });
  const rgba = [];
  for (let i = 0; i < expected.length; i += 3) rgba.push(expected[i], expected[i + 1], expected[i + 2], 255);
  expect(await valueOf('drop')).toEqual({ width: 8, height: 4, mode: 'RGBA', data: rgba });
  expect(await page.evaluate(() => {
    const { value } = document.getElementById('paste');
    return { kind: value.constructor.name, width: value.width, data: Array.from(value.data) };
  })).toEqual({ kind: 'ImageData', width: 8, data: rgba });
  // The camera: mirrored by default, so the white half is on the right.
  const camera = await page.evaluate(() => {
    const { width, height, mode, data } = document.getElementById('camera').value;
    return { width, height, mode, left: data[0], right: data[(width - 1) * 3] };
  });
  expect(camera).toMatchObject({ width: 64, height: 48, mode: 'RGB' });
  expect(camera.left).toBeLessThan(40);
  expect(camera.right).toBeGreaterThan(215);
  const upload = await page.evaluate(() => window.events.find((e) => e.id === 'camera' && e.type === 'upload').detail.file);
  expect(upload).toBeDefined();
  for (const id of ['upload', 'drop', 'paste', 'camera', 'jpeg']) expect(await types(id)).toEqual(['upload', 'input', 'change']);
  // A JPEG: the browser's decode (as this page's own createImageBitmap gives it), as RGB, and shown as it is.
  const decodedHere = await page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data);
  }, [...jpeg]);
  expect((await valueOf('jpeg')).data).toEqual(decodedHere.filter((_, i) => i % 4 !== 3));
  expect(await page.evaluate(() => Array.from(document.getElementById('jpeg').shadowRoot.querySelector('canvas')
    .getContext('2d').getImageData(0, 0, 8, 4).data))).toEqual(decodedHere);

  // The previews show the values: the pixels crossed from the Worker.
  const shown = await page.evaluate(() => ['upload', 'drop'].map((id) => {
    const canvas = document.getElementById(id).shadowRoot.querySelector('canvas');
    return { hidden: canvas.hidden, pixels: Array.from(canvas.getContext('2d').getImageData(0, 0, 8, 4).data) };
  }));
  expect(shown).toEqual([{ hidden: false, pixels: rgba }, { hidden: false, pixels: rgba }]);
  const decoder = await page.evaluate(() => document.getElementById('upload').decoder.stats);
  expect(decoder).toMatchObject({ workersStarted: 1, decodes: 5 });
  expect(work).toEqual(NONE);
}, { needs: ['cameraFrames'] });

test('a value of every kind the page sets, and a form file: the right pixels, no pixel work on the main thread', async () => {
  await open();
  const chw = [10, 20, 30, 40, 50, 60];  // 3×1×2 CHW float32 → RGB [10,30,50, 20,40,60]
  await page.evaluate(async (planes) => {
    const make = (id, attributes = {}) => window.makeField({ id, ...attributes });
    make('blob', { type: 'blob', format: 'png' });
    make('url', { type: 'url', format: 'bmp' });
    make('string');
    make('raster', { 'image-mode': 'L' });
    make('imagedata');
    make('tensor', { layout: 'chw' });
    make('jpeg', { type: 'blob', format: 'jpeg' });
    window.makeField({ id: 'form-field', name: 'picture', format: 'bmp' }, { inForm: true });
    document.getElementById('blob').value = new Blob([window.png], { type: 'image/png' });
    document.getElementById('url').value = new Blob([window.png], { type: 'image/png' });
    document.getElementById('string').value = '/tests/data/structure/rgb.png';
    document.getElementById('raster').value = { width: 2, height: 1, mode: 'RGB', data: new Uint8Array([255, 0, 0, 0, 0, 255]) };
    document.getElementById('imagedata').value = new ImageData(new Uint8ClampedArray([1, 2, 3, 255, 4, 5, 6, 255]), 2, 1);
    const tensor = new Float32Array(planes);
    tensor.shape = [3, 1, 2];
    document.getElementById('tensor').value = tensor;
    document.getElementById('jpeg').value = new Blob([window.png], { type: 'image/png' });
    document.getElementById('form-field').value = new Blob([window.png], { type: 'image/png' });
  }, chw);
  for (const id of ['blob', 'url', 'string', 'raster', 'imagedata', 'tensor', 'jpeg', 'form-field']) expect(await changes(id)).toEqual([]);
  const work = await mainThreadWork();

  const encoded = await page.evaluate(async () => {
    const bytes = async (blob) => Array.from(new Uint8Array(await blob.arrayBuffer()));
    const url = document.getElementById('url').value;
    return {
      png: await bytes(document.getElementById('blob').value),
      bmp: await bytes(await (await fetch(url)).blob()),
      jpegType: document.getElementById('jpeg').value.type,
      jpeg: await bytes(document.getElementById('jpeg').value),
      form: await bytes(new FormData(document.getElementById('form')).get('picture')),
    };
  });
  expect(Array.from(core.decode(Uint8Array.from(encoded.png), { mode: 'RGB' }).data)).toEqual(expected);
  expect(Array.from(core.decode(Uint8Array.from(encoded.bmp), { mode: 'RGB' }).data)).toEqual(expected);
  expect(Array.from(core.decode(Uint8Array.from(encoded.form), { mode: 'RGB' }).data)).toEqual(expected);
  expect(encoded.form.slice(0, 2)).toEqual([0x42, 0x4d]);  // BM
  expect(encoded.jpegType).toBe('image/jpeg');
  const jpeg = core.decode(Uint8Array.from(encoded.jpeg), { mode: 'RGB' });
  expect([jpeg.width, jpeg.height]).toEqual([8, 4]);
  expect(Array.from(jpeg.data.slice(0, 3)).every((v, i) => Math.abs(v - [255, 0, 0][i]) < 24)).toBe(true);

  const rgbPng = await page.evaluate(async () => Array.from(new Uint8Array(await (await fetch('/tests/data/structure/rgb.png')).arrayBuffer())));
  expect((await valueOf('string')).data).toEqual(Array.from(core.decode(Uint8Array.from(rgbPng), { mode: 'RGB' }).data));
  expect(await valueOf('raster')).toEqual({ width: 2, height: 1, mode: 'L',
    data: Array.from(core.convert({ width: 2, height: 1, mode: 'RGB', data: new Uint8Array([255, 0, 0, 0, 0, 255]) }, 'L').data) });
  expect((await valueOf('imagedata')).data).toEqual([1, 2, 3, 4, 5, 6]);
  expect(await valueOf('tensor')).toEqual({ width: 2, height: 1, mode: 'RGB', data: [10, 30, 50, 20, 40, 60] });
  expect(await page.evaluate(() => document.getElementById('tensor').decoder.stats.workersStarted)).toBe(1);
  expect(work).toEqual(NONE);
});

test('a trap in the Worker during an upload: `error`, the previous value kept, the next upload works', async () => {
  await open();
  await fieldWithTestHooksDecoder(page);
  const upload = (name, buffer) => page.uploadFile('#f >> .file-input', { name, mimeType: 'image/png', buffer });

  await upload('first.png', png);
  await waitFor('f', 'change', 1);
  await page.evaluate(() => { window.first = document.getElementById('f').value; });
  // Not an image the browser reads, so the core decodes it: the test-hooks build traps on it.
  await upload('hostile.png', Buffer.from('imagefield:test-trap'));
  await waitFor('f', 'error', 1);
  const trapped = await page.evaluate(() => ({
    kept: document.getElementById('f').value === window.first,
    replaced: window.replaced,
    error: window.events.find((e) => e.type === 'error').detail,
  }));
  expect(trapped).toMatchObject({ kept: true, replaced: ['trap'], error: { code: 'decode_failed' } });
  expect(trapped.error.message).toMatch(/crashed on this file/);

  await upload('next.png', png);
  await waitFor('f', 'change', 2);
  expect(await types('f')).toEqual(['upload', 'input', 'change', 'error', 'upload', 'input', 'change']);
  expect((await valueOf('f')).data).toEqual(expected);
  expect(await page.evaluate(() => document.getElementById('f').decoder.stats)).toMatchObject({ workersStarted: 2, replaced: { trap: 1 } });
  expect(await mainThreadWork()).toEqual(NONE);
});

test('several fields on one page share one Worker', async () => {
  await open();
  await page.evaluate(() => {
    for (const id of ['a', 'b', 'c']) {
      window.makeField({ id });
      document.getElementById(id).value = new Blob([window.png], { type: 'image/png' });
    }
  });
  for (const id of ['a', 'b', 'c']) expect(await changes(id)).toEqual([]);
  const shared = await page.evaluate(() => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id));
    return { same: a.decoder === b.decoder && b.decoder === c.decoder, stats: a.decoder.stats };
  });
  expect(shared).toMatchObject({ same: true, stats: { decodes: 3, workersStarted: 1, replaced: { trap: 0, timeout: 0, heap: 0, storm: 0, crash: 0 } } });
  for (const id of ['a', 'b', 'c']) expect((await valueOf(id)).data).toEqual(expected);
});

test('without Worker the field does the same work on the main thread', async () => {
  await open('?noworker');
  await page.evaluate(() => {
    const field = window.makeField({ id: 'f', interactive: true });
    field.value = new Blob([window.png], { type: 'image/png' });
  });
  expect(await changes('f')).toEqual([]);
  expect(await page.evaluate(() => document.getElementById('f').decoder)).toBeNull();
  expect((await valueOf('f')).data).toEqual(expected);
  expect((await mainThreadWork()).wasm).toBeGreaterThan(0);
  // A WebP, which the core does not read, is the browser's to decode: here on the main thread.
  await page.evaluate((bytes) => { document.getElementById('f').value = new Blob([new Uint8Array(bytes)], { type: 'image/webp' }); }, [...webp]);
  await page.waitForFunction(() => document.getElementById('f').value?.width === 128);
  const work = await mainThreadWork();
  expect(work.createImageBitmap).toBeGreaterThan(0);
  expect(work.getImageData).toBeGreaterThan(0);  // the counters see what runs here: the zeros above are not blind
});

test('boxes and masks are checked and coloured in the Worker: the overlay is drawn, no Wasm on the main thread', async () => {
  await open();
  await page.evaluate(async () => {
    const field = window.makeField({ id: 'o', width: '122', height: '122' });
    field.value = { width: 10, height: 10, mode: 'RGB', data: new Uint8Array(300) };
    field.boxes = { b: { box_data: [{ position: { minX: 0, maxX: 1, minY: 0, maxY: 1 }, class_id: 1 }], class_labels: { 1: 'cat' } } };
    field.masks = { m: { mask_data: new Uint8Array(100).fill(2), shape: [10, 10], class_labels: { 2: 'road' } } };
  });
  await page.waitForFunction(() => document.getElementById('o').shadowRoot.querySelectorAll('[part="legend-item"]').length === 2);
  const work = await mainThreadWork();
  const drawn = await page.evaluate(() => {
    const field = document.getElementById('o');
    const overlay = field.shadowRoot.querySelector('.overlay');
    // The middle of the image: inside the box's outline, covered by the road mask.
    const alpha = overlay.getContext('2d').getImageData(overlay.width >> 1, overlay.height >> 1, 1, 1).data[3];
    return { hidden: overlay.hidden, alpha, boxes: Object.keys(field.boxes), masks: Object.keys(field.masks), requests: field.decoder.stats.decodes };
  });
  expect(drawn).toMatchObject({ hidden: false, boxes: ['b'], masks: ['m'] });
  expect(drawn.alpha).toBeGreaterThan(0);
  expect(drawn.requests).toBeGreaterThan(1);  // the value, then the layers' checks and colours
  expect(await types('o')).toEqual(['change']);
  expect(work).toEqual(NONE);
});
