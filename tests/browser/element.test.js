// <image-field> in Chromium, driven as a user would: the real file chooser,
// real drag-and-drop and paste events, the clipboard API, downloads, forms.
import { createServer } from 'node:http';
import { jest } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { browserSuite } from './harness.js';
import { eventLog, types, useFieldPage, waitForEvent } from './element-helpers.js';
import { loadCore } from '../../web/index.js';

jest.setTimeout(60_000);

// A camera the user denies; insecure.test reaches the test server but, unlike
// 127.0.0.1, is not a secure context.
const suite = browserSuite({ camera: 'denied', insecureHost: 'insecure.test', downloads: true, clipboard: true });
let page;
let png;
useFieldPage(suite, (p, b) => { page = p; png = b; });

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];

const chooseFile = (selector, file) => page.chooseFile(selector, file);

async function dropFile(name, mimeType, bytes) {
  const classes = await page.dropFiles('image-field >> .frame', [{ name, mimeType, buffer: bytes }], { events: ['dragenter', 'dragover', 'drop'] });
  return { dragging: classes.dragover.includes('dragging') };
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

const valuePixels = () => page.evaluate(() => {
  const v = document.querySelector('image-field').value;
  return v && { width: v.width, height: v.height, mode: v.mode, data: Array.from(v.data) };
});

describe('upload', () => {
  test('file chooser: upload → input → change with the source, the file and the raster', async () => {
    await page.evaluate(() => window.makeField({ interactive: true, label: 'Photo' }));
    await chooseFile('image-field >> .dropzone', { name: 'halves.png', mimeType: 'image/png', buffer: png });
    await waitForEvent(page, 'change');
    const log = await eventLog(page);
    expect(types(log)).toEqual(['upload', 'input', 'change']);
    for (const event of log) expect([event.custom, event.bubbles, event.composed]).toEqual([true, true, true]);
    expect(log[0]).toMatchObject({ source: 'upload', file: { name: 'halves.png', size: png.length, type: 'image/png' } });
    expect(log[1].value).toEqual({ width: 8, height: 4, mode: 'RGB', first: [...RED, ...RED.slice(0, 1)] });
    expect(log[2].value).toEqual(log[1].value);
    const value = await valuePixels();
    expect(value.data.slice(0, 3)).toEqual(RED);
    expect(value.data.slice(7 * 3, 8 * 3)).toEqual(BLUE);
  });

  suite.test('the drop zone opens the chooser from the keyboard (Enter and Space)', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    const accept = await page.evalOn('image-field >> input[type=file]', (input) => input.accept);
    expect(accept).toContain('image/png');
    expect(accept).not.toContain('image/*');
    const chooser = await page.chooseFile('image-field >> .dropzone', { name: 'halves.png', mimeType: 'image/png', buffer: png }, { key: 'Enter' });
    expect(chooser.multiple).toBe(false);
    await waitForEvent(page, 'change');
    await page.evaluate(() => window.reset());
    await page.evaluate(() => window.makeField({ interactive: true }));
    const again = await page.chooseFile('image-field >> .dropzone', null, { key: 'Space' });
    expect(again).toBeTruthy();
  }, { needs: ['fileChooser'] });

  test('drag-and-drop shows a drop state, fires the events once and replaces an existing image', async () => {
    await page.evaluate(() => window.makeField({ interactive: true, 'image-mode': 'L' }));
    const { dragging } = await dropFile('halves.png', 'image/png', png);
    expect(dragging).toBe(true);
    await waitForEvent(page, 'change');
    const core = await loadCore();
    const second = Buffer.from(core.encode({ width: 2, height: 2, mode: 'L', data: new Uint8Array([10, 20, 30, 40]) }));
    await dropFile('gray.png', 'image/png', second);
    await waitForEvent(page, 'change', 2);
    const log = await eventLog(page);
    expect(types(log)).toEqual(['upload', 'input', 'change', 'upload', 'input', 'change']);
    expect(log[0].file.name).toBe('halves.png');
    expect(log[2].value).toMatchObject({ width: 8, height: 4, mode: 'L', first: [76, 76, 76, 76] });  // Pillow luma of red
    expect(log[3].file.name).toBe('gray.png');
    expect(await valuePixels()).toEqual({ width: 2, height: 2, mode: 'L', data: [10, 20, 30, 40] });
    expect(await page.evalOn('image-field >> .frame', (el) => el.classList.contains('dragging'))).toBe(false);
  });

  test('a dropped non-image fires one error and keeps the previous value', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    await dropFile('notes.txt', 'text/plain', Buffer.from('not an image'));
    await waitForEvent(page, 'error');
    const log = await eventLog(page);
    expect(types(log)).toEqual(['upload', 'input', 'change', 'error']);
    expect(log[3].code).toBe('unsupported_file');
    expect((await valuePixels()).width).toBe(8);
    expect(await page.evalOn('image-field >> [role=alert]', (el) => el.textContent)).toBe(log[3].message);
    // The preview went back to the kept image.
    expect(await page.evalOn('image-field >> canvas', (el) => [el.hidden, el.width])).toEqual([false, 8]);
  });

  test('a second drop before the first finished decoding wins: one upload → input → change in all', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    const core = await loadCore();
    const second = Buffer.from(core.encode({ width: 3, height: 1, mode: 'RGB', data: new Uint8Array(9).fill(9) }));
    // Both drops in one task: the first cannot have finished decoding when the second arrives.
    await page.evaluate(([first, next]) => {
      const frame = document.querySelector('image-field').shadowRoot.querySelector('.frame');
      for (const [name, bytes] of [['halves.png', first], ['three.png', next]]) {
        const dataTransfer = new DataTransfer();
        dataTransfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
        frame.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
      }
    }, [Array.from(png), Array.from(second)]);
    await waitForEvent(page, 'change');
    await sleep(200);  // room for a stray second change to show up
    const log = await eventLog(page);
    expect(types(log)).toEqual(['upload', 'input', 'change']);
    expect(log[0].file.name).toBe('three.png');
    expect((await valuePixels()).width).toBe(3);
  });

  test.each(['RGB', 'none'])('a JPEG with EXIF orientation 6 comes out upright (image-mode %s)', async (mode) => {
    const value = await page.evaluate(async (mode) => {
      // 8×4 JPEG, left half red, right half blue, from the browser's encoder...
      const canvas = new OffscreenCanvas(8, 4);
      const context = canvas.getContext('2d');
      context.fillStyle = '#f00'; context.fillRect(0, 0, 4, 4);
      context.fillStyle = '#00f'; context.fillRect(4, 0, 4, 4);
      const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 1 })).arrayBuffer());
      // ...with an APP1 Exif segment after SOI: one IFD entry, Orientation (0x0112) = 6.
      const exif = [0xff, 0xe1, 0x00, 0x22, ...new TextEncoder().encode('Exif'), 0, 0,
        0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
      const file = new File([jpeg.slice(0, 2), new Uint8Array(exif), jpeg.slice(2)], 'rotated.jpg', { type: 'image/jpeg' });
      const field = window.makeField({ interactive: true, 'image-mode': mode });
      const done = new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
      const transfer = new DataTransfer();
      transfer.items.add(file);
      field.shadowRoot.querySelector('.frame').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      await done;
      const v = field.value;
      const at = (x, y) => Array.from(v.data.slice((y * v.width + x) * 3, (y * v.width + x) * 3 + 3));
      return { width: v.width, height: v.height, mode: v.mode, top: at(1, 0), bottom: at(1, 7) };
    }, mode);
    expect(value.mode).toBe('RGB');  // a colour JPEG's own mode is RGB too
    // Rotated 90° clockwise: the red left half is now the top, blue the bottom.
    expect([value.width, value.height]).toEqual([4, 8]);
    expect(value.top[0]).toBeGreaterThan(200);
    expect(value.top[2]).toBeLessThan(60);
    expect(value.bottom[2]).toBeGreaterThan(200);
    expect(value.bottom[0]).toBeLessThan(60);
  });

  test('max-size and max-pixels refuse with too_large', async () => {
    await page.evaluate(() => window.makeField({ interactive: true, 'max-size': 20 }));
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'error');
    await page.evaluate(() => { window.reset(); window.makeField({ interactive: true, 'max-pixels': 31 }); });
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'error');
    const log = await eventLog(page);
    expect(types(log)).toEqual(['error']);
    expect(log[0].code).toBe('too_large');
    expect(log[0].message).toMatch(/8x4 = 32 pixels.*limit of 31/);
  });

  test('the chosen file is previewed at once, before it is decoded', async () => {
    const shown = await page.evaluate((bytes) => {
      const field = window.makeField({ interactive: true });
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'halves.png', { type: 'image/png' }));
      field.shadowRoot.querySelector('.frame').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      const img = field.shadowRoot.querySelector('img');
      // Same task as the drop: nothing can have been decoded yet.
      return { src: img.getAttribute('src'), hidden: img.hidden, dropzoneHidden: field.shadowRoot.querySelector('.dropzone').hidden, value: field.value };
    }, Array.from(png));
    expect(shown).toMatchObject({ hidden: false, dropzoneHidden: true, value: null });
    expect(shown.src).toMatch(/^blob:/);
    await waitForEvent(page, 'change');
  });

  test('object URLs of the preview are revoked once the image is decoded, replaced or cleared', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    const before = await page.evaluate(() => window.liveUrls.size);
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change', 2);
    await page.click('image-field >> button.remove');
    await waitForEvent(page, 'clear');
    expect(await page.evaluate(() => window.liveUrls.size)).toBe(before);
  });
});

describe('clipboard', () => {
  test('Ctrl+V (a paste event) on the focused field', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    await page.focus('image-field >> .dropzone');
    await page.paste('image-field >> .dropzone', { file: { name: 'image.png', mimeType: 'image/png', buffer: png } });
    await waitForEvent(page, 'change');
    const log = await eventLog(page);
    expect(types(log)).toEqual(['upload', 'input', 'change']);
    expect(log[0].source).toBe('clipboard');
    expect(log[2].value).toMatchObject({ width: 8, height: 4 });
  });

  test('a text paste fires clipboard_empty and keeps the value', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    // On the frame, which a filled field makes focusable (the host itself takes no focus).
    await page.paste('image-field >> .frame', { text: 'hello' });
    await waitForEvent(page, 'error');
    const log = await eventLog(page);
    expect(types(log)).toEqual(['upload', 'input', 'change', 'error']);
    expect(log[3].code).toBe('clipboard_empty');
    expect((await valuePixels()).width).toBe(8);
  });

  test('paste-anywhere takes a paste on the page, but not one into a text box', async () => {
    await page.evaluate(() => {
      window.makeField({ interactive: true, 'paste-anywhere': true });
      document.getElementById('fields').append(Object.assign(document.createElement('textarea'), { id: 'notes' }));
    });
    const paste = (targetSelector) => page.paste(targetSelector, { file: { name: 'image.png', mimeType: 'image/png', buffer: png } });
    await paste('#notes');
    await paste('body');
    await waitForEvent(page, 'change');
    expect(types(await eventLog(page))).toEqual(['upload', 'input', 'change']);
  });

  suite.test('the paste button reads an image through navigator.clipboard; an empty clipboard is clipboard_empty', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    await page.writeClipboard({ text: 'just text' });
    await page.click('image-field >> button[data-source=clipboard]');
    await waitForEvent(page, 'error');
    await page.writeClipboard({ png });
    await page.click('image-field >> button[data-source=clipboard]');
    await waitForEvent(page, 'change');
    const log = await eventLog(page);
    expect(types(log)).toEqual(['error', 'upload', 'input', 'change']);
    expect(log[0].code).toBe('clipboard_empty');
    expect(log[1].source).toBe('clipboard');
    const value = await valuePixels();
    expect(value.data.slice(0, 3)).toEqual(RED);
  }, { needs: ['clipboardImage'] });
});

describe('values set by the page', () => {
  test('fire change only, for every value kind, converted to the type asked', async () => {
    const kinds = await page.evaluate(async () => {
      const field = window.makeField({ interactive: true });
      const settle = () => new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
      const out = [];
      let done = settle();
      field.value = { width: 2, height: 1, mode: 'RGB', data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
      await done;
      out.push(Array.from(field.value.data));
      done = settle();
      field.value = new ImageData(new Uint8ClampedArray([9, 8, 7, 255]), 1, 1);
      await done;
      out.push([field.value.mode, ...field.value.data]);
      done = settle();
      field.value = { data: new Float32Array([0, 0.5, 1, 1]), shape: [2, 2] };  // [0,1] floats → ×255, mode L → RGB
      await done;
      out.push([field.value.width, field.value.height, ...field.value.data]);
      field.type = 'imagedata';
      done = settle();
      field.value = { width: 1, height: 1, mode: 'L', data: new Uint8Array([77]) };
      await done;
      out.push([field.value instanceof ImageData, ...field.value.data]);
      field.type = 'blob';
      done = settle();
      field.value = { width: 1, height: 1, mode: 'L', data: new Uint8Array([77]) };
      await done;
      out.push([field.value instanceof Blob, field.value.type]);
      field.type = 'url';
      field.setAttribute('format', 'bmp');
      done = settle();
      field.value = { width: 1, height: 1, mode: 'L', data: new Uint8Array([77]) };
      await done;
      const url = field.value;
      out.push([url.startsWith('blob:'), (await (await fetch(url)).blob()).type]);
      done = settle();
      field.value = null;
      await done;
      out.push([field.value, window.liveUrls.has(url)]);
      return out;
    });
    expect(kinds).toEqual([
      [1, 2, 3, 4, 5, 6],
      ['RGB', 9, 8, 7],
      [2, 2, 0, 0, 0, 127, 127, 127, 255, 255, 255, 255, 255, 255],
      [true, 77, 77, 77, 255],
      [true, 'image/png'],
      [true, 'image/bmp'],
      [null, false],
    ]);
    const log = await eventLog(page);
    expect(new Set(types(log))).toEqual(new Set(['change']));
    expect(log).toHaveLength(7);
  });

  test('a URL string and a Blob are decoded; a bad value fires error and keeps the value', async () => {
    suite.allowProblems(/404/, /no\/such\/image\.png/);  // the missing image
    const result = await page.evaluate(async (bytes) => {
      const field = window.makeField({});
      const changed = () => new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
      const failed = () => new Promise((resolve) => field.addEventListener('error', (e) => resolve(e.detail), { once: true }));
      let done = changed();
      field.value = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
      await done;
      done = changed();
      field.value = '/tests/browser/pages/element.html';
      const html = await failed();
      done = failed();
      field.value = '/no/such/image.png';
      const missing = await done;
      done = failed();
      field.value = 42;
      const number = await done;
      return { width: field.value.width, html: html.code, missing, number: number.code };
    }, Array.from(png));
    expect(result.width).toBe(8);
    expect(result.html).toBe('unsupported_file');
    expect(result.missing).toMatchObject({ code: 'decode_failed', message: expect.stringContaining('404') });
    expect(result.number).toBe('invalid_argument');
  });

  test('watermark: stamped at the bottom-right, 10 px in, not resized; user values only with watermark-uploads', async () => {
    const corner = await page.evaluate(async () => {
      const field = window.makeField({ interactive: true });
      field.watermark = { width: 4, height: 3, mode: 'RGBA', data: new Uint8Array(4 * 3 * 4).fill(255) };
      const done = new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
      field.value = { width: 40, height: 30, mode: 'RGB', data: new Uint8Array(40 * 30 * 3) };
      await done;
      const { data, width } = field.value;
      const white = [];
      for (let y = 0; y < 30; y++) for (let x = 0; x < 40; x++) if (data[(y * width + x) * 3] === 255) white.push([x, y]);
      return white;
    });
    const expected = [];
    for (let y = 30 - 10 - 3; y < 30 - 10; y++) for (let x = 40 - 10 - 4; x < 40 - 10; x++) expected.push([x, y]);
    expect(corner).toEqual(expected);

    const position = await page.evaluate(async () => {
      window.reset();
      const field = window.makeField({ 'watermark-position': 'top-left' });
      field.watermark = { width: 1, height: 1, mode: 'RGB', data: new Uint8Array([255, 255, 255]) };
      const done = new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
      field.value = { width: 20, height: 20, mode: 'RGB', data: new Uint8Array(20 * 20 * 3) };
      await done;
      return field.value.data.findIndex((v) => v === 255) / 3;
    });
    expect(position).toBe(10 * 20 + 10);

    await page.evaluate(() => {
      window.reset();
      const field = window.makeField({ interactive: true });
      field.watermark = { width: 1, height: 1, mode: 'RGB', data: new Uint8Array([0, 255, 0]) };
    });
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    const plain = await valuePixels();
    expect(plain.data.filter((v, i) => i % 3 === 1 && v === 255)).toEqual([]);
  });

  test('watermark-uploads stamps user uploads too', async () => {
    await page.evaluate(() => {
      const field = window.makeField({ interactive: true, 'watermark-uploads': true, 'watermark-position': '7,3' });
      field.watermark = { width: 1, height: 1, mode: 'RGB', data: new Uint8Array([0, 255, 0]) };
    });
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    const value = await valuePixels();
    const green = [];
    for (let i = 0; i < 32; i++) if (value.data[i * 3 + 1] === 255) green.push([i % 8, Math.floor(i / 8)]);
    expect(green).toEqual([[7, 3]]);
  });
});

describe('display, toolbar and form', () => {
  test('select reports natural pixels, corrected for letterboxing', async () => {
    await page.evaluate(() => window.makeField({ interactive: true, width: 322, height: 242 }));
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    const box = await page.evalOn('image-field >> canvas', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    expect([box.width, box.height]).toEqual([320, 240]);
    // 8×4 drawn at 40 px per pixel: 320×160, centred with 40 px bars above and below.
    await page.mouseClick(box.x + 6 * 40 + 20, box.y + 40 + 1 * 40 + 5);
    await page.mouseClick(box.x + 5, box.y + 40 + 159);
    await page.mouseClick(box.x + 100, box.y + 20);  // on the top bar: no select
    const log = await eventLog(page);
    expect(log.filter((e) => e.type === 'select').map((e) => e.index)).toEqual([[6, 1], [0, 3]]);
  });

  suite.test('download saves the value under the original name with the format extension', async () => {
    await page.evaluate(() => window.makeField({ interactive: true, format: 'bmp' }));
    await dropFile('holiday.photo.png', 'image/png', png);
    await waitForEvent(page, 'change');
    const download = await page.download('image-field >> button.download');
    expect(download.name).toBe('holiday.photo.bmp');
    const core = await loadCore();
    const decoded = core.decode(download.bytes);
    expect([decoded.width, decoded.height, decoded.mode]).toEqual([8, 4, 'RGB']);
    expect(Array.from(decoded.data)).toEqual((await valuePixels()).data);
  }, { needs: ['download'] });

  test('form association: required validity, the file in FormData and in a real submission, reset clears', async () => {
    const received = [];
    let submitted;
    const arrived = new Promise((resolve) => { submitted = resolve; });
    // Answered with a page: some engines report a 204 to a form as a failed request.
    const sink = createServer((request, response) => {
      request.on('data', (chunk) => received.push(chunk));
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>received</title>');
        if (request.url.endsWith('/submitted')) submitted();
      });
    });
    await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
    await page.evaluate(() => window.makeField({ interactive: true, name: 'photo', required: true }, { inForm: true }));
    expect(await page.evaluate(() => document.getElementById('form').checkValidity())).toBe(false);
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    const entry = await page.evaluate(async () => {
      const form = document.getElementById('form');
      const file = new FormData(form).get('photo');
      return { valid: form.checkValidity(), name: file.name, type: file.type, bytes: Array.from(new Uint8Array(await file.arrayBuffer())) };
    });
    expect(entry).toMatchObject({ valid: true, name: 'halves.png', type: 'image/png' });
    const core = await loadCore();
    expect(Array.from(core.decode(new Uint8Array(entry.bytes)).data)).toEqual((await valuePixels()).data);

    await Promise.all([
      arrived,
      page.evaluate((action) => {
        const form = document.getElementById('form');
        form.action = action;
        form.target = 'sink';
        document.body.append(Object.assign(document.createElement('iframe'), { name: 'sink' }));
        form.requestSubmit();
      }, `http://127.0.0.1:${sink.address().port}/submitted`),
    ]);
    await new Promise((resolve) => sink.close(resolve));
    const body = Buffer.concat(received);
    expect(body.includes(Buffer.from('name="photo"; filename="halves.png"'))).toBe(true);
    expect(body.includes(Buffer.from(entry.bytes))).toBe(true);

    await page.evaluate(() => document.getElementById('form').reset());
    expect(await page.evaluate(() => [document.querySelector('image-field').value, document.getElementById('form').checkValidity()]))
      .toEqual([null, false]);
  });

  suite.test('readonly: display only, no drop zone, no drop, no paste, no remove', async () => {
    await page.evaluate(() => window.makeField({ label: 'Result', readonly: true }));
    const state = await page.evaluate(() => {
      const root = document.querySelector('image-field').shadowRoot;
      const visible = (s) => !root.querySelector(s).hidden;
      return { dropzone: visible('.dropzone'), sources: visible('.sources'), empty: root.querySelector('.empty').textContent };
    });
    expect(state).toEqual({ dropzone: false, sources: false, empty: 'No image' });
    await dropFile('halves.png', 'image/png', png);
    await page.paste('image-field', { file: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('x') } });
    await page.evaluate(() => {
      const field = document.querySelector('image-field');
      field.value = { width: 2, height: 2, mode: 'L', data: new Uint8Array(4) };
    });
    await waitForEvent(page, 'change');
    expect(types(await eventLog(page))).toEqual(['change']);
    const buttons = await page.evaluate(() => {
      const root = document.querySelector('image-field').shadowRoot;
      return [...root.querySelectorAll('.toolbar button')].filter((b) => !b.hidden).map((b) => b.getAttribute('aria-label'));
    });
    expect(buttons).toEqual(['Download', 'Full screen']);
  }, { needs: ['pasteAnyFile'] });

  test('label, placeholder and file name with markup render as text', async () => {
    const markup = '<img src=x onerror="window.pwned=1">';
    await page.evaluate((text) => window.makeField({ interactive: true, label: text, placeholder: `# ${text}\n${text}`, alt: text }), markup);
    await dropFile(`${markup}.png`, 'image/png', png);
    await waitForEvent(page, 'change');
    await page.click('image-field >> button.remove');
    const seen = await page.evaluate(() => {
      const root = document.querySelector('image-field').shadowRoot;
      return {
        label: root.querySelector('.label').textContent,
        heading: root.querySelector('.dropzone .heading').textContent,
        body: root.querySelector('.dropzone .body').textContent,
        images: root.querySelectorAll('img').length,
        pwned: window.pwned,
      };
    });
    expect(seen).toEqual({ label: markup, heading: markup, body: markup, images: 1, pwned: undefined });
    expect((await eventLog(page))[0].file.name).toBe(`${markup}.png`);
  });

  test('inner controls leak no native input/change events; the remove button fires clear → input → change', async () => {
    await page.evaluate(() => {
      window.native = [];
      const field = window.makeField({ interactive: true });
      for (const type of ['input', 'change']) field.addEventListener(type, (e) => { if (!(e instanceof CustomEvent)) window.native.push(type); });
    });
    await chooseFile('image-field >> .dropzone', { name: 'halves.png', mimeType: 'image/png', buffer: png });
    await waitForEvent(page, 'change');
    await page.click('image-field >> button.remove');
    await waitForEvent(page, 'change', 2);
    const log = await eventLog(page);
    expect(types(log)).toEqual(['upload', 'input', 'change', 'clear', 'input', 'change']);
    expect(log[5].value).toBeNull();
    expect(await page.evaluate(() => window.native)).toEqual([]);
  });

  suite.test('camera permission denied shows a message and fires camera_denied', async () => {
    suite.allowProblems(/Permission denied|NotAllowedError/);
    await page.evaluate(() => window.makeField({ interactive: true, sources: 'webcam upload' }));
    await page.click('image-field >> button[data-source=webcam]');
    await page.click('image-field >> button.start');
    await waitForEvent(page, 'error');
    const log = await eventLog(page);
    expect(types(log)).toEqual(['error']);
    expect(log[0].code).toBe('camera_denied');
    expect(await page.evalOn('image-field >> [role=alert]', (el) => [el.textContent, el.checkVisibility()])).toEqual([log[0].message, true]);
    if (process.env.IMAGEFIELD_SHOTS) await writeFile(`${process.env.IMAGEFIELD_SHOTS}/error.png`, await page.screenshot());
  }, { needs: ['cameraDenied'] });

  suite.test('on an insecure origin the camera reports camera_unavailable with a visible reason', async () => {
    const insecure = await suite.openPage(`${suite.insecureUrl}/tests/browser/pages/element.html`, { ready: true });
    expect(await insecure.evaluate(() => window.isSecureContext)).toBe(false);
    await insecure.evaluate(() => window.makeField({ interactive: true, sources: 'webcam' }));
    await insecure.click('image-field >> button.start');
    await waitForEvent(insecure, 'error');
    const log = await eventLog(insecure);
    expect(log).toMatchObject([{ type: 'error', code: 'camera_unavailable', message: expect.stringMatching(/secure page/) }]);
    expect(await insecure.isVisible('image-field >> [role=alert]')).toBe(true);
    await insecure.close();
  }, { needs: ['insecureOrigin'] });

  // Escape is handled by the browser itself, outside the page; headless Chromium does not act on it.
  suite.test('the fullscreen button enters full screen and, pressed again, leaves it', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    // The label follows fullscreenchange, which WebKit dispatches after fullscreenElement has changed:
    // give it that moment (a wrong label still fails the expect below, after the wait).
    const labelBecomes = (text) => page.waitForFunction((wanted) => document.querySelector('image-field').shadowRoot
      .querySelector('button.fullscreen').getAttribute('aria-label') === wanted, text, { timeout: 2000 }).catch(() => {});
    await page.click('image-field >> button.fullscreen');
    await page.waitForFunction(() => document.fullscreenElement === document.querySelector('image-field'));
    await labelBecomes('Exit full screen');
    expect(await page.attribute('image-field >> button.fullscreen', 'aria-label')).toBe('Exit full screen');
    await page.click('image-field >> button.fullscreen');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await labelBecomes('Full screen');
    expect(await page.attribute('image-field >> button.fullscreen', 'aria-label')).toBe('Full screen');
  }, { needs: ['fullscreen'] });

  test('changing type or format re-expresses the same image without an event', async () => {
    const result = await page.evaluate(async () => {
      const field = window.makeField({});
      await new Promise((resolve) => {
        field.addEventListener('change', resolve, { once: true });
        field.value = { width: 1, height: 1, mode: 'RGB', data: new Uint8Array([1, 2, 3]) };
      });
      field.type = 'blob';
      field.format = 'bmp';
      const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 10)); };
      await until(() => field.value instanceof Blob && field.value.type === 'image/bmp');
      const bmp = window.core.decode(new Uint8Array(await field.value.arrayBuffer()));
      return { data: Array.from(bmp.data), events: window.events.length };
    });
    expect(result).toEqual({ data: [1, 2, 3], events: 1 });
  });

  // Headless Chromium on Linux has no Web Share API: the button stays hidden (checked in static mode).
  // Where a platform provides it, the button appears and shares the encoded file.
  test('share appears where files can be shared and hands over the encoded file', async () => {
    await page.evaluate(() => {
      window.shared = [];
      navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
      navigator.share = async (data) => { window.shared.push(data); };
      window.makeField({ interactive: true, format: 'bmp', label: 'Snapshot' });
    });
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    await page.click('image-field >> button.share');
    await page.waitForFunction(() => window.shared.length === 1);
    const shared = await page.evaluate(async () => {
      const [{ files, title }] = window.shared;
      delete navigator.canShare;
      delete navigator.share;
      return { title, name: files[0].name, type: files[0].type, size: files[0].size };
    });
    expect(shared).toEqual({ title: 'Snapshot', name: 'halves.bmp', type: 'image/bmp', size: 54 + 8 * 4 * 3 });
  });

  test('a refused share fires error share_failed; a share the user cancels fires nothing; the value stays', async () => {
    await page.evaluate(() => {
      window.refusals = [new DOMException('Permission denied', 'NotAllowedError'), new DOMException('Share canceled', 'AbortError')];
      window.shareCalls = 0;
      navigator.canShare = () => true;
      navigator.share = async () => { window.shareCalls++; throw window.refusals.shift(); };
      window.makeField({ interactive: true });
    });
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    await page.click('image-field >> button.share');
    await waitForEvent(page, 'error');
    await page.click('image-field >> button.share');
    await page.waitForFunction(() => window.shareCalls === 2);
    const state = await page.evaluate(() => {
      delete navigator.canShare;
      delete navigator.share;
      return { width: document.querySelector('image-field').value.width };
    });
    const log = await eventLog(page);
    expect(log.filter((event) => event.type === 'error')).toMatchObject([{ code: 'share_failed', message: expect.stringContaining('NotAllowedError') }]);
    expect(state).toEqual({ width: 8 });
  });

  test('full screen refused by the browser fires error fullscreen_refused', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    await dropFile('halves.png', 'image/png', png);
    await waitForEvent(page, 'change');
    // As Chromium refuses it without a user gesture or in an iframe without allowfullscreen.
    await page.evaluate(() => {
      window.requestFullscreen = Element.prototype.requestFullscreen;
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
    });
    await page.click('image-field >> button.fullscreen');
    await waitForEvent(page, 'error');
    await page.evaluate(() => { Element.prototype.requestFullscreen = window.requestFullscreen; });
    const log = await eventLog(page);
    expect(log.at(-1)).toMatchObject({ type: 'error', code: 'fullscreen_refused', message: expect.stringContaining('Permissions check failed') });
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  });
});
