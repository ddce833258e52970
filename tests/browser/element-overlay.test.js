// Boxes, masks and the legend of <image-field>, checked on screenshot pixels:
// what a user sees, through the element's letterbox, in Chromium.
import { writeFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { eventLog, openFieldPage, waitForEvent } from './element-helpers.js';
import { npyFile } from '../js/npy-fixtures.js';
import { loadCore } from '../../web/index.js';

jest.setTimeout(60_000);

const SHOTS = process.env.OVERLAY_SHOTS;  // a directory to keep the screenshots in, for looking at them

const suite = browserSuite();
let page;
let core;

beforeAll(async () => {
  core = await loadCore();
  page = await openFieldPage(suite);
});

beforeEach(async () => {
  await page.evaluate(() => window.reset());
});

// The colours of class-colors.js for ids 1, 2, 3.
const CAT = [60, 180, 75];
const ROAD = [0, 130, 200];
const DOG = [245, 130, 48];
const BLACK = [0, 0, 0];
const MASK_OPACITY = 0.45;

// 222×122 field: its frame's inside is 220×120, so a 10×10 image is scaled ×12
// and centred with 50 px bars on the left and right.
const IMAGE = 10;
const SCALE = 12;
const LEFT = 50;

const BOXES = {
  predictions: {
    box_data: [
      { position: { minX: 2, maxX: 6, minY: 3, maxY: 9 }, domain: 'pixel', class_id: 1 },
      { position: { minX: 0.7, maxX: 0.9, minY: 0.1, maxY: 0.3 }, class_id: 3, box_caption: 'dog 0.9' },
    ],
    class_labels: { 1: 'cat', 3: 'dog' },
  },
};

function maskData() {
  const ids = new Uint8Array(IMAGE * IMAGE);
  for (let y = 5; y < 10; y++) for (let x = 0; x < 2; x++) ids[y * IMAGE + x] = 2;
  return ids;
}

async function annotatedField(attributes = {}) {
  await page.evaluate(async ([size, attrs]) => {
    const field = window.makeField({ width: '222', height: '122', buttons: '', ...attrs });
    field.value = { width: size, height: size, mode: 'RGB', data: new Uint8Array(size * size * 3) };
    await new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
  }, [IMAGE, attributes]);
  await page.evaluate(([boxes, ids, size]) => {
    const field = document.querySelector('image-field');
    field.boxes = boxes;
    field.masks = { segmentation: { mask_data: new Uint8Array(ids), shape: [size, size], class_labels: { 2: 'road' } } };
  }, [BOXES, Array.from(maskData()), IMAGE]);
  // The layers are checked and the masks coloured in the field's Worker: the legend lists all three classes once they are drawn.
  await page.waitForFunction(() => document.querySelector('image-field').shadowRoot.querySelectorAll('[part="legend-item"]').length === 3);
}

/** Waits until the overlay's road mask pixel (image pixel 1, 8) is drawn (`on`) or clear: the masks are recoloured in the Worker. */
function roadMaskDrawn(on) {
  return page.waitForFunction(([x, y, drawn]) => {
    const overlay = document.querySelector('image-field').shadowRoot.querySelector('.overlay');
    return (overlay.getContext('2d').getImageData(x, y, 1, 1).data[3] > 0) === drawn;
  }, [LEFT + Math.round(1.5 * SCALE), Math.round(8.5 * SCALE), on]);
}

/** The frame's inside as a decoded screenshot, with a pixel reader. */
async function frameShot(name) {
  const clip = await page.evaluate(() => {
    const frame = document.querySelector('image-field').shadowRoot.querySelector('.frame');
    const r = frame.getBoundingClientRect();
    return { x: r.left + frame.clientLeft, y: r.top + frame.clientTop, width: frame.clientWidth, height: frame.clientHeight };
  });
  const png = await page.screenshot(clip);
  if (SHOTS) writeFileSync(`${SHOTS}/${name}.png`, png);
  const raster = core.convert(core.decode(png), 'RGB');
  return {
    width: raster.width,
    height: raster.height,
    at: (x, y) => Array.from(raster.data.slice((y * raster.width + x) * 3, (y * raster.width + x) * 3 + 3)),
  };
}

const near = (actual, expected, tolerance = 3) => actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance);
const tinted = (color) => color.map((c) => Math.round(c * MASK_OPACITY));

/** Image pixel (x, y) + offset inside that pixel → screen point in the frame. */
const screen = (x, y, dx = 0, dy = 0) => [LEFT + x * SCALE + dx, y * SCALE + dy];

describe('overlays', () => {
  test('boxes and masks are drawn at their pixels through the letterbox', async () => {
    await annotatedField();
    const shot = await frameShot('overlay-drawn');
    expect([shot.width, shot.height]).toEqual([220, 120]);
    // Pixel-domain box: its 2 px line lies just inside x = 2 (screen 74).
    expect(shot.at(...screen(2, 6, 1))).toEqual(CAT);
    expect(shot.at(...screen(2, 4, -2))).toEqual(BLACK);       // just outside (row 4: no mask there)
    expect(shot.at(...screen(4, 6))).toEqual(BLACK);           // inside: boxes are outlines
    expect(shot.at(...screen(6, 6, -1))).toEqual(CAT);         // right edge at x = 6
    expect(shot.at(...screen(6, 6, 1))).toEqual(BLACK);
    expect(shot.at(...screen(4, 9, 0, -1))).toEqual(CAT);      // bottom edge at y = 9
    // Fraction box: 0.7–0.9 of the width → x 7..9; its lower-left corner is clear of the caption.
    expect(shot.at(...screen(7, 3, 1, -4))).toEqual(DOG);
    expect(shot.at(...screen(8, 2, 0, 8))).toEqual(BLACK);   // inside, below the caption
    // Mask: class 2 (road) over columns 0–1 of rows 5–9, translucent over black.
    expect(near(shot.at(...screen(1, 8, 6, 6)), tinted(ROAD))).toBe(true);
    expect(shot.at(...screen(0, 2, 6, 6))).toEqual(BLACK);     // id 0 is not labelled: not drawn
    // The letterbox bars stay the frame's background.
    expect(shot.at(10, 60)).toEqual([247, 247, 248]);
  });

  test('the legend lists the classes as toggle buttons that turn a class off and on again', async () => {
    await annotatedField();
    const names = await page.evaluate(() => [...document.querySelector('image-field').shadowRoot
      .querySelectorAll('[part="legend-item"]')].map((b) => [b.textContent, b.getAttribute('aria-pressed'), b.type]));
    expect(names).toEqual([['cat', 'true', 'button'], ['road', 'true', 'button'], ['dog', 'true', 'button']]);
    await expect(page.isVisible('image-field >> [role="group"][aria-label="Classes"]')).resolves.toBe(true);

    const road = { css: 'image-field >> button[part="legend-item"]', text: 'road' };
    await page.click(road);
    expect(await page.attribute(road, 'aria-pressed')).toBe('false');
    await roadMaskDrawn(false);
    let shot = await frameShot('overlay-road-off');
    expect(shot.at(...screen(1, 8, 6, 6))).toEqual(BLACK);
    expect(shot.at(...screen(2, 6, 1))).toEqual(CAT);          // other classes stay
    await page.click(road);
    expect(await page.attribute(road, 'aria-pressed')).toBe('true');
    await roadMaskDrawn(true);
    shot = await frameShot('overlay-road-on');
    expect(near(shot.at(...screen(1, 8, 6, 6)), tinted(ROAD))).toBe(true);

    // From the keyboard, focus stays on the pressed button.
    const cat = { css: 'image-field >> button[part="legend-item"]', text: 'cat' };
    await page.focus(cat);
    await page.press(null, 'Enter');
    expect(await page.attribute(cat, 'aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.querySelector('image-field').shadowRoot.activeElement?.textContent)).toBe('cat');
    shot = await frameShot('overlay-cat-off');
    expect(shot.at(...screen(2, 6, 1))).toEqual(BLACK);
    expect(shot.at(...screen(7, 3, 1, -4))).toEqual(DOG);
    await page.press(null, 'Space');
    shot = await frameShot('overlay-cat-on');
    expect(shot.at(...screen(2, 6, 1))).toEqual(CAT);
  });

  suite.test('the overlay follows a resize, in screen space at the device pixel ratio', async () => {
    await annotatedField();
    await page.evaluate(() => document.querySelector('image-field').setAttribute('width', '122'));
    await page.waitForFunction(() => document.querySelector('image-field').shadowRoot.querySelector('.overlay').width === 120);
    const shot = await frameShot('overlay-resized');
    // 120×120: scale 12, no bars.
    expect(shot.at(2 * SCALE + 1, 6 * SCALE)).toEqual(CAT);
    expect(near(shot.at(SCALE + 6, 8 * SCALE + 6), tinted(ROAD))).toBe(true);

    const hiDpi = await openFieldPage(suite, { deviceScaleFactor: 2 });
    try {
      const sizes = await hiDpi.evaluate(async (size) => {
        const field = window.makeField({ width: '222', height: '122' });
        field.value = { width: size, height: size, mode: 'RGB', data: new Uint8Array(size * size * 3) };
        await new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
        field.boxes = { b: { box_data: [{ position: { minX: 0, maxX: 1, minY: 0, maxY: 1 }, class_id: 1 }] } };
        const overlay = field.shadowRoot.querySelector('.overlay');
        // The first layers wait for the page's core (the field's own pixel work needs none).
        while (!overlay.width) await new Promise((resolve) => { setTimeout(resolve, 10); });
        return [overlay.width, overlay.height, overlay.clientWidth, overlay.clientHeight];
      }, IMAGE);
      expect(sizes).toEqual([440, 240, 220, 120]);
    } finally {
      await hiDpi.close();
    }
  }, { needs: ['deviceScaleFactor'] });

  test('invalid layers fire error with the core\'s code and message and keep the previous overlays', async () => {
    await annotatedField();
    await page.evaluate(() => {
      const field = document.querySelector('image-field');
      field.boxes = { predictions: { box_data: [{ position: { minX: 'left', maxX: 1, minY: 0, maxY: 1 } }] } };
      field.masks = { segmentation: { mask_data: new Uint8Array(6), shape: [2, 3] } };
    });
    await waitForEvent(page, 'error', 2);  // checked in the field's Worker
    const errors = (await eventLog(page)).filter((event) => event.type === 'error');
    expect(errors.map((event) => event.code)).toEqual(['invalid_boxes', 'invalid_mask']);
    expect(errors[0].message).toMatch(/box_data\[0\].*minX/);
    expect(errors[1].message).toMatch(/segmentation/);
    const kept = await page.evaluate(() => {
      const field = document.querySelector('image-field');
      return [field.boxes.predictions.box_data.length, field.masks.segmentation.shape];
    });
    expect(kept).toEqual([2, [10, 10]]);
    const shot = await frameShot('overlay-kept');
    expect(shot.at(...screen(2, 6, 1))).toEqual(CAT);
    expect(near(shot.at(...screen(1, 8, 6, 6)), tinted(ROAD))).toBe(true);

    // A new image of another size: the masks no longer fit and are not drawn; the boxes are.
    await page.evaluate(async () => {
      const field = document.querySelector('image-field');
      field.value = { width: 20, height: 10, mode: 'RGB', data: new Uint8Array(600) };
      await new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
    });
    const last = (await eventLog(page)).filter((event) => event.type === 'error').at(-1);
    expect(last.code).toBe('invalid_mask');
    const legend = await page.evaluate(() => [...document.querySelector('image-field').shadowRoot
      .querySelectorAll('[part="legend-item"]')].map((b) => b.textContent));
    expect(legend).toEqual(['cat', 'dog']);
  });

  test('layers set before the image, or before the element is upgraded, are drawn once it shows one', async () => {
    await page.evaluate(([boxes]) => {
      const field = window.makeField({ width: '222', height: '122' });
      field.boxes = boxes;
      field.masks = { m: { mask_data: new Uint8Array(100).fill(2), shape: [10, 10], class_labels: { 2: 'road' } } };
      field.value = { width: 10, height: 10, mode: 'RGB', data: new Uint8Array(300) };
    }, [BOXES]);
    await waitForEvent(page, 'change');
    // An element of a document without the definition is upgraded when adopted: its own properties are replayed.
    const upgraded = await page.evaluate(async ([boxes]) => {
      const early = document.implementation.createHTMLDocument('').createElement('image-field');
      early.boxes = boxes;
      early.setAttribute('width', '222');
      const field = document.adoptNode(early);
      const changed = new Promise((resolve) => field.addEventListener('change', resolve, { once: true }));
      document.getElementById('fields').append(field);
      field.value = { width: 10, height: 10, mode: 'RGB', data: new Uint8Array(300) };
      await changed;
      const overlay = field.shadowRoot.querySelector('.overlay');
      return { own: Object.prototype.hasOwnProperty.call(field, 'boxes'), layers: Object.keys(field.boxes), drawn: !overlay.hidden };
    }, [BOXES]);
    expect(upgraded).toEqual({ own: false, layers: ['predictions'], drawn: true });
    await page.evaluate(() => document.querySelectorAll('image-field')[1].remove());
    const shot = await frameShot('overlay-late-image');
    expect(shot.at(...screen(2, 6, 1))).toEqual(CAT);
    expect(near(shot.at(...screen(4, 6)), tinted(ROAD))).toBe(true);
    const errors = (await eventLog(page)).filter((event) => event.type === 'error');
    expect(errors).toEqual([]);
  });
});

describe('.npy files', () => {
  // CHW float32 in [0, 1]: red steps along x, green is the row, blue a constant.
  const STEPS = [0, 0.2, 0.6, 1];
  const chw = [];
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < 2; y++) {
      for (let x = 0; x < 4; x++) chw.push(c === 0 ? STEPS[x] : c === 1 ? y : 0.2);
    }
  }
  const expected = [];
  for (let y = 0; y < 2; y++) for (let x = 0; x < 4; x++) expected.push(Math.round(STEPS[x] * 255), y * 255, 51);

  test('a dropped .npy is decoded by the core with the field\'s layout, shown and set as the value', async () => {
    const bytes = npyFile('f4', [3, 2, 4], chw);
    await page.evaluate(() => window.makeField({ interactive: true, layout: 'chw' }));
    const accept = await page.evalOn('image-field >> input[type=file]', (input) => input.accept);
    expect(accept.split(',')).toContain('.npy');
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], 'tensor.npy', { type: '' }));
      const frame = document.querySelector('image-field').shadowRoot.querySelector('.frame');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        frame.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, Array.from(bytes));
    await waitForEvent(page, 'change');
    const shown = await page.evaluate(() => {
      const field = document.querySelector('image-field');
      const canvas = field.shadowRoot.querySelector('canvas.image');
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const rgb = [];
      for (let i = 0; i < pixels.length; i += 4) rgb.push(pixels[i], pixels[i + 1], pixels[i + 2]);
      return {
        value: { width: field.value.width, height: field.value.height, mode: field.value.mode, data: Array.from(field.value.data) },
        rgb,
        imgHidden: field.shadowRoot.querySelector('img').hidden,
      };
    });
    expect(shown.value).toEqual({ width: 4, height: 2, mode: 'RGB', data: expected });
    expect(shown.rgb).toEqual(expected);
    expect(shown.imgHidden).toBe(true);
    const log = await eventLog(page);
    expect(log.map((event) => event.type)).toEqual(['upload', 'input', 'change']);
    expect(log[0].file.name).toBe('tensor.npy');
  });

  test('the same bytes as HWC, chosen in the file picker; a broken .npy keeps the value and says why', async () => {
    await page.evaluate(() => window.makeField({ interactive: true }));
    const hwc = npyFile('u1', [1, 2, 3], [10, 20, 30, 40, 50, 60]);
    await page.chooseFile('image-field >> .dropzone', { name: 'pixels.npy', mimeType: 'application/octet-stream', buffer: Buffer.from(hwc) });
    await waitForEvent(page, 'change');
    const value = await page.evaluate(() => Array.from(document.querySelector('image-field').value.data));
    expect(value).toEqual([10, 20, 30, 40, 50, 60]);

    const broken = Buffer.from(hwc.slice(0, 20));
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], 'broken.npy'));
      const frame = document.querySelector('image-field').shadowRoot.querySelector('.frame');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        frame.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, Array.from(broken));
    await waitForEvent(page, 'error');
    const error = (await eventLog(page)).find((event) => event.type === 'error');
    expect(error.code).toMatch(/decode_failed|unsupported_file/);
    expect(error.message).toMatch(/npy|header/i);
    const kept = await page.evaluate(() => Array.from(document.querySelector('image-field').value.data));
    expect(kept).toEqual([10, 20, 30, 40, 50, 60]);
  });
});
