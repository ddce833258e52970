// <image-field type="tensor">: the value is core.toTensor's tensor of the
// field's image, made in the field's Worker (the page below loads no core of
// its own, and pages/main-thread-counter.js counts any Wasm, createImageBitmap
// or getImageData on its main thread); boxes given in tensor space are drawn
// where the same boxes in image space are.
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { loadCore } from '../../web/index.js';
import { browserSuite } from './harness.js';

jest.setTimeout(120_000);

const PAGE = '/tests/browser/pages/off-main.html';
const NONE = { wasm: 0, createImageBitmap: 0, getImageData: 0 };
const IMAGENET = { resize: 64, crop: [56, 56], mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };

const suite = browserSuite({ camera: 'fake' });
let page;
let core;
let jpeg;   // a 150×100 photograph as a JPEG

beforeAll(async () => {
  core = await loadCore();
  const hopper = core.decode(await readFile(new URL('../data/photos/hopper.png', import.meta.url)), { mode: 'RGB' });
  const photo = core.resize(hopper, { width: 150, height: 100, filter: 'bicubic' });
  jpeg = Buffer.from(core.encode(photo, { format: 'jpeg', quality: 90 }));
});

async function open(query = '') {
  page = await suite.openPage(`${PAGE}${query}`, { ready: true });
  await page.evaluate((bytes) => {
    window.jpeg = new Uint8Array(bytes);
    // Bytes cross to the test as base64: far quicker than arrays of numbers.
    window.base64 = (view) => {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    };
  }, [...jpeg]);
}

const mainThreadWork = () => page.evaluate(() => ({ ...window.mainThreadWork }));
const waitFor = (id, type, n = 1) => page.waitForFunction(([field, t, count]) => window.events.filter((e) => e.id === field && e.type === t).length >= count
  || window.events.some((e) => e.type === 'error'), [id, type, n]);
const errors = () => page.evaluate(() => window.events.filter((e) => e.type === 'error').map((e) => ({ id: e.id, ...e.detail })));

/** Drops the JPEG on a field, as a user's drag and drop does. */
function dropJpeg(id) {
  return page.dropFiles(`#${id} >> .frame`, [{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
}

/** A field's tensor value, its data as bytes; and whether `input` and `change` carried that same object. */
const tensorOf = (id) => page.evaluate((field) => {
  const { value } = document.getElementById(field);
  const detail = (type) => window.events.filter((e) => e.id === field && e.type === type).at(-1)?.detail.value;
  const { data, dims, type, letterbox, ...rest } = value;
  return {
    dims, type, letterbox, rest, kind: data.constructor.name,
    bytes: window.base64(data),
    sameInEvents: detail('input') === value && detail('change') === value,
    events: window.events.filter((e) => e.id === field).map((e) => e.type),
  };
}, id);

const base64Of = (data) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');

describe('type="tensor"', () => {
  suite.test('a dropped JPEG gives the bytes of core.toTensor over the same decoded image, with no pixel work on the main thread', async () => {
    await open();
    const cases = {
      imagenet: IMAGENET,
      letterbox: { letterbox: [96, 96], layout: 'nhwc', channels: 'BGR', filter: 'bicubic' },
      bytes: { resize: [30, 40], filter: 'lanczos', dtype: 'uint8', layout: 'hwc' },
      defaults: null,
    };
    await page.evaluate((options) => {
      for (const [id, tensorOptions] of Object.entries(options)) {
        const field = window.makeField({ id, interactive: true, type: 'tensor' });
        field.tensorOptions = tensorOptions;
      }
    }, cases);
    for (const id of Object.keys(cases)) {
      await dropJpeg(id);
      await waitFor(id, 'change');
    }
    expect(await errors()).toEqual([]);
    const work = await mainThreadWork();

    // The reference: the JPEG decoded as the field decodes files (the browser's
    // decoder, read back as RGBA here), converted to RGB and made a tensor by the core in Node.
    const decoded = await page.evaluate(async () => {
      const bitmap = await createImageBitmap(new Blob([window.jpeg], { type: 'image/jpeg' }),
        { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const { width, height, data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      return { width, height, data: window.base64(data) };
    });
    const image = core.convert({ width: decoded.width, height: decoded.height, mode: 'RGBA', data: new Uint8Array(Buffer.from(decoded.data, 'base64')) }, 'RGB');
    expect([image.width, image.height]).toEqual([150, 100]);

    for (const [id, options] of Object.entries(cases)) {
      const expected = core.toTensor(image, options ?? undefined);
      const actual = await tensorOf(id);
      expect({ id, dims: actual.dims, type: actual.type, letterbox: actual.letterbox, rest: actual.rest })
        .toEqual({ id, dims: expected.dims, type: expected.type, letterbox: expected.letterbox, rest: {} });
      expect(actual.kind).toBe(expected.data.constructor.name);
      expect(Buffer.from(actual.bytes, 'base64').length).toBe(expected.data.byteLength);
      expect(actual.bytes === base64Of(expected.data)).toBe(true);
      expect(actual.sameInEvents).toBe(true);
      expect(actual.events).toEqual(['upload', 'input', 'change']);
    }
    expect((await tensorOf('imagenet')).dims).toEqual([1, 3, 56, 56]);
    expect((await tensorOf('letterbox')).letterbox).toMatchObject({ left: 0, top: 16, width: 96, height: 64 });

    // The preview shows the image, not the tensor.
    const shown = await page.evaluate(() => {
      const canvas = document.getElementById('letterbox').shadowRoot.querySelector('canvas');
      return { hidden: canvas.hidden, width: canvas.width, height: canvas.height,
        data: window.base64(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data) };
    });
    expect(shown).toEqual({ hidden: false, width: 150, height: 100, data: decoded.data });
    expect(work).toEqual(NONE);
  });

  suite.test('values the page sets, new tensorOptions and camera frames: tensors, made off the main thread', async () => {
    await open();
    // A 4×2 raster: the default tensor is its RGB / 255, planes first.
    const pixels = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210, 220, 230, 240];
    await page.evaluate((data) => {
      const field = window.makeField({ id: 'set', type: 'tensor' });
      field.value = { width: 4, height: 2, mode: 'RGB', data: new Uint8Array(data) };
    }, pixels);
    await waitFor('set', 'change');
    const planes = [0, 1, 2].flatMap((c) => pixels.filter((_, i) => i % 3 === c));
    const plain = await tensorOf('set');
    expect(plain).toMatchObject({ dims: [1, 3, 2, 4], type: 'float32', kind: 'Float32Array', events: ['change'] });
    // No letterbox: undefined (engines that return page values as JSON drop the key, so it is not matched as a key).
    expect(plain.letterbox).toBeUndefined();
    expect(plain.bytes).toBe(base64Of(Float32Array.from(planes, (v) => Math.fround(v / 255))));

    // New options re-make the value of the same image, without an event.
    await page.evaluate(() => { document.getElementById('set').tensorOptions = { dtype: 'uint8', layout: 'hwc', channels: 'BGR' }; });
    await page.waitForFunction(() => document.getElementById('set').value.type === 'uint8');
    const bgr = await tensorOf('set');
    expect(bgr).toMatchObject({ dims: [2, 4, 3], events: ['change'] });
    expect(bgr.bytes).toBe(base64Of(Uint8Array.from(pixels, (_, i) => pixels[i - (i % 3) + 2 - (i % 3)])));

    // Options of the wrong type throw at once; values the core refuses fire `error` and keep the value.
    expect(await page.evaluate(() => {
      try {
        document.getElementById('set').tensorOptions = { mean: 'zero' };
        return null;
      } catch (error) {
        return { code: error.code, message: error.message };
      }
    })).toEqual({ code: 'invalid_argument', message: expect.stringMatching(/^mean must be an array of numbers/) });
    await page.evaluate(() => { document.getElementById('set').tensorOptions = { filter: 'sharpest' }; });
    await page.waitForFunction(() => window.events.some((e) => e.type === 'error'));
    expect(await errors()).toEqual([{ id: 'set', code: 'invalid_argument', message: expect.stringMatching(/filter "sharpest"/) }]);
    expect((await tensorOf('set')).bytes).toEqual(bgr.bytes);

    // The camera: frames() and `stream` give tensors too.
    const frames = await page.evaluate(async () => {
      const field = window.makeField({ id: 'camera', interactive: true, sources: 'webcam', type: 'tensor' });
      field.tensorOptions = { resize: [24, 32] };
      const seen = [];
      for await (const frame of field.frames()) {
        seen.push({ dims: frame.dims, type: frame.type, length: frame.data.length, kind: frame.data.constructor.name });
        if (seen.length === 2) break;
      }
      field.clear();
      return seen;
    });
    expect(frames).toEqual(Array(2).fill({ dims: [1, 3, 24, 32], type: 'float32', length: 3 * 24 * 32, kind: 'Float32Array' }));
    expect(await mainThreadWork()).toEqual(NONE);
  });
});

describe('the same tensors elsewhere', () => {
  const RASTER = { width: 5, height: 3, mode: 'RGB', data: Uint8Array.from({ length: 45 }, (_, i) => (i * 37) % 256) };
  const OPTIONS = { resize: [4, 6], filter: 'bicubic', mean: [0.5, 0.4, 0.3], std: [0.2, 0.25, 0.3], layout: 'nhwc' };

  suite.test('where there is no Worker, the field makes the same tensor on the main thread', async () => {
    await open('?noworker');
    await page.evaluate(([raster, options]) => {
      const field = window.makeField({ id: 'main', type: 'tensor' });
      field.tensorOptions = options;
      field.value = { ...raster, data: new Uint8Array(raster.data) };
    }, [{ ...RASTER, data: Array.from(RASTER.data) }, OPTIONS]);
    await waitFor('main', 'change');
    expect(await errors()).toEqual([]);
    const expected = core.toTensor(RASTER, OPTIONS);
    const actual = await tensorOf('main');
    expect(actual).toMatchObject({ dims: expected.dims, type: 'float32', bytes: base64Of(expected.data) });
    expect((await mainThreadWork()).wasm).toBeGreaterThan(0);  // the page's own core did it
  });

  suite.test('WorkerCore.toTensor and WorkerCore.resize give the core\'s bytes', async () => {
    await open();
    const results = await page.evaluate(async ([raster, options]) => {
      const { loadCore } = await import('/web/index.js');
      const worker = await loadCore({ worker: true });
      const input = { ...raster, data: new Uint8Array(raster.data) };
      const tensor = await worker.toTensor(input, { ...options, letterbox: [8, 8] });
      const resized = await worker.resize(input, { width: 7, height: 2, filter: 'lanczos' });
      worker.close();
      return { dims: tensor.dims, letterbox: tensor.letterbox, tensor: window.base64(tensor.data),
        size: [resized.width, resized.height, resized.mode], resized: window.base64(resized.data) };
    }, [{ ...RASTER, data: Array.from(RASTER.data) }, OPTIONS]);
    const tensor = core.toTensor(RASTER, { ...OPTIONS, letterbox: [8, 8] });
    const resized = core.resize(RASTER, { width: 7, height: 2, filter: 'lanczos' });
    expect(results).toEqual({ dims: tensor.dims, letterbox: tensor.letterbox, tensor: base64Of(tensor.data),
      size: [7, 2, 'RGB'], resized: base64Of(resized.data) });
  });
});

describe('boxes in tensor space', () => {
  // A 150×100 image; the image-space box is what a detector's tensor-space box means.
  const IMAGE_BOX = { minX: 30, maxX: 120, minY: 20, maxY: 80 };

  /** Fields of one size showing the same 150×100 image, each with its type and tensorOptions. */
  async function fields(specs) {
    await page.evaluate((list) => {
      const data = new Uint8Array(150 * 100 * 3).fill(40);
      for (const { id, tensorOptions, type } of list) {
        const field = window.makeField({ id, type, width: '322', height: '222', buttons: '' });
        field.tensorOptions = tensorOptions;
        field.value = { width: 150, height: 100, mode: 'RGB', data };
      }
    }, specs);
    for (const { id } of specs) await waitFor(id, 'change');
  }

  /**
   * The page, with readers of the fields' overlays (they read pixels here, so
   * these tests do not check the main-thread counts): overlayPixels(id), its
   * RGBA bytes (empty when hidden); overlayDrawn(id), whether any is opaque;
   * overlayDiffers(a, b), how many bytes differ between two overlays.
   */
  async function openWithOverlays() {
    await open();
    await page.evaluate(() => {
      window.overlayPixels = (field) => {
        const overlay = document.getElementById(field).shadowRoot.querySelector('.overlay');
        if (overlay.hidden || !overlay.width) return new Uint8ClampedArray(0);
        return overlay.getContext('2d').getImageData(0, 0, overlay.width, overlay.height).data;
      };
      window.overlayDrawn = (field) => window.overlayPixels(field).some((v, i) => i % 4 === 3 && v > 0);
      window.overlayDiffers = (a, b) => {
        const [one, two] = [window.overlayPixels(a), window.overlayPixels(b)];
        if (one.length !== two.length) return Math.max(one.length, two.length);
        return one.reduce((count, v, i) => count + (v !== two[i]), 0);
      };
    });
  }

  /** Sets one box layer and waits until the overlay shows it (or an error). */
  async function setBox(id, position, domain) {
    await page.evaluate(([field, p, d]) => {
      document.getElementById(field).boxes = { detections: { box_data: [{ position: p, domain: d, class_id: 1 }], class_labels: { 1: 'thing' } } };
    }, [id, position, domain]);
    await page.waitForFunction((field) => window.overlayDrawn(field) || window.events.some((e) => e.id === field && e.type === 'error'), id);
  }

  const differing = (a, b) => page.evaluate(([one, two]) => window.overlayDiffers(one, two), [a, b]);
  const drawnPixels = (id) => page.evaluate((field) => window.overlayPixels(field).filter((v, i) => i % 4 === 3 && v > 0).length, id);

  // Where the core letterboxes a 150×100 image into 64×64: scale 64/150, placed 64×43 (rounded half up), 10 px above.
  const LETTERBOX = { left: 0, top: 10, scaleX: 64 / 150, scaleY: 43 / 100 };

  /** The image box in the tensor's pixels, as a page would compute it from the value's letterbox. */
  const toTensorSpace = (box, { left, top, scaleX, scaleY }) => ({
    minX: box.minX * scaleX + left, maxX: box.maxX * scaleX + left, minY: box.minY * scaleY + top, maxY: box.maxY * scaleY + top,
  });

  suite.test('a letterboxed tensor\'s box is drawn where the image box is; so is a resized one\'s; a cropped one\'s is refused', async () => {
    await openWithOverlays();
    await fields([
      { id: 'image', type: 'array' },
      { id: 'letterbox', type: 'tensor', tensorOptions: { letterbox: [64, 64] } },
      { id: 'unmapped', type: 'tensor', tensorOptions: { letterbox: [64, 64] } },
      { id: 'resized', type: 'tensor', tensorOptions: { resize: [50, 75], layout: 'nhwc' } },
      { id: 'cropped', type: 'tensor', tensorOptions: { resize: 50, crop: [40, 40] } },
    ]);
    const letterbox = await page.evaluate(() => document.getElementById('letterbox').value.letterbox);
    expect(letterbox).toMatchObject({ ...LETTERBOX, width: 64, height: 43 });
    const tensorBox = toTensorSpace(IMAGE_BOX, letterbox);
    expect(tensorBox.minY).toBeCloseTo(18.6, 10);

    await setBox('image', IMAGE_BOX, 'pixel');
    await setBox('letterbox', tensorBox, 'tensor');
    await setBox('unmapped', tensorBox, 'pixel');
    await setBox('resized', { minX: 15, maxX: 60, minY: 10, maxY: 40 }, 'tensor');
    await setBox('cropped', { minX: 15, maxX: 60, minY: 10, maxY: 40 }, 'tensor');
    expect(await drawnPixels('image')).toBeGreaterThan(500);
    expect(await differing('letterbox', 'image')).toBe(0);
    expect(await differing('resized', 'image')).toBe(0);
    // The same numbers taken as image pixels land elsewhere: the mapping is what moved them.
    expect(await differing('unmapped', 'image')).toBeGreaterThan(500);

    expect(await errors()).toEqual([{ id: 'cropped', code: 'invalid_boxes', message: expect.stringMatching(/^boxes\["detections"\] has boxes with domain "tensor".*crop/) }]);
    expect(await drawnPixels('cropped')).toBe(0);
    expect(await page.evaluate(() => document.getElementById('cropped').boxes.detections.box_data.length)).toBe(1);
  });

  suite.test('tensor-space boxes wait for a tensor: drawn once the field\'s type becomes "tensor"', async () => {
    await openWithOverlays();
    await fields([{ id: 'image', type: 'array' }, { id: 'later', type: 'array', tensorOptions: { letterbox: [64, 64] } }]);
    await setBox('image', IMAGE_BOX, 'pixel');
    await setBox('later', toTensorSpace(IMAGE_BOX, LETTERBOX), 'tensor');
    expect(await errors()).toEqual([{ id: 'later', code: 'invalid_boxes', message: expect.stringMatching(/type="tensor"/) }]);
    expect(await drawnPixels('later')).toBe(0);
    await page.evaluate(() => { document.getElementById('later').type = 'tensor'; });
    await page.waitForFunction(() => window.overlayDrawn('later'));
    expect(await page.evaluate(() => document.getElementById('later').value.letterbox)).toMatchObject({ top: 10, height: 43 });
    expect(await drawnPixels('image')).toBeGreaterThan(500);
    expect(await differing('later', 'image')).toBe(0);
  });
});
