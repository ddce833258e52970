// <image-field> with Chromium's fake camera fed by a Y4M file made here: the
// left half white, the right half black, so mirrored pixels are checked.
import { writeFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { eventLog, openFieldPage, types, waitForEvent } from './element-helpers.js';

jest.setTimeout(60_000);

const W = 64;
const H = 48;

/** One 4:2:0 frame: luma 235 (white) on the left half, 16 (black) on the right. */
function halvesY4m() {
  const luma = Buffer.alloc(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) luma[y * W + x] = x < W / 2 ? 235 : 16;
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F30:1 Ip A1:1 C420jpeg\n`), Buffer.from('FRAME\n'), luma, chroma]);
}

const suite = browserSuite({ camera: { frames: halvesY4m() } });
let page;

beforeAll(async () => {
  page = await openFieldPage(suite);
});

beforeEach(async () => {
  await page.evaluate(() => window.reset());
});

const liveTracks = () => page.evaluate(() => window.liveTracks());
const streamCount = () => page.evaluate(() => window.streams.length);

async function startCamera(attributes = {}) {
  await page.evaluate((a) => window.makeField({ interactive: true, sources: 'webcam upload', ...a }), attributes);
  await new Promise((resolve) => { setTimeout(resolve, 50); });
  expect(await streamCount()).toBe(0);  // never at mount
  await page.click('image-field >> button.start');
  await page.waitForSelector('image-field >> button.capture', { state: 'visible' });
}

/** Mean of the first channel over the left and right quarters of the value. */
const halves = () => page.evaluate(() => {
  const { width, height, data, mode } = document.querySelector('image-field').value;
  const bands = mode === 'RGB' ? 3 : 4;
  let left = 0; let right = 0; let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width / 4; x++) {
      left += data[(y * width + x) * bands];
      right += data[(y * width + width - 1 - x) * bands];
      n++;
    }
  }
  return { width, height, left: left / n, right: right / n };
});

suite.test('start on request, capture mirrored pixels, upload → input → change, tracks ended after capture', async () => {
  await startCamera();
  expect(await liveTracks()).toBe(1);
  expect(await page.evalOn('image-field >> video', (v) => [v.hidden, v.classList.contains('mirrored')])).toEqual([false, true]);
  if (process.env.IMAGEFIELD_SHOTS) await writeFile(`${process.env.IMAGEFIELD_SHOTS}/webcam.png`, await page.screenshot());
  await page.click('image-field >> button.capture');
  await waitForEvent(page, 'change');
  const log = await eventLog(page);
  expect(types(log)).toEqual(['upload', 'input', 'change']);
  expect(log[0]).toMatchObject({ source: 'webcam', file: { name: 'webcam.png', type: 'image/png' } });
  const pixels = await halves();
  expect([pixels.width, pixels.height]).toEqual([W, H]);
  // Mirrored: the file's white left half is on the right.
  expect(pixels.left).toBeLessThan(40);
  expect(pixels.right).toBeGreaterThan(215);
  expect(await liveTracks()).toBe(0);
}, { needs: ['cameraFrames'] });

suite.test('mirror="false" keeps the camera\'s own orientation', async () => {
  await startCamera({ mirror: 'false' });
  await page.evaluate(() => document.querySelector('image-field').capture());
  const pixels = await halves();
  expect(pixels.left).toBeGreaterThan(215);
  expect(pixels.right).toBeLessThan(40);
}, { needs: ['cameraFrames'] });

test('clear, a source switch and disconnect each stop the camera', async () => {
  await startCamera();
  await page.evaluate(() => document.querySelector('image-field').clear());
  expect(await liveTracks()).toBe(0);
  await page.click('image-field >> button.start');
  await page.waitForFunction(() => window.liveTracks() === 1);
  await page.click('image-field >> button[data-source=upload]');
  expect(await liveTracks()).toBe(0);
  await page.click('image-field >> button[data-source=webcam]');
  await page.click('image-field >> button.start');
  await page.waitForFunction(() => window.liveTracks() === 1);
  await page.evaluate(() => document.querySelector('image-field').remove());
  expect(await liveTracks()).toBe(0);
  expect(await streamCount()).toBe(3);
});

test('a camera that opens after the user moved on is released at once', async () => {
  await page.evaluate(() => window.makeField({ interactive: true, sources: 'webcam upload' }));
  await page.evaluate(() => {
    const root = document.querySelector('image-field').shadowRoot;
    root.querySelector('button.start').click();
    root.querySelector('button[data-source=upload]').click();  // before getUserMedia resolved
  });
  await page.waitForFunction(() => window.streams.length === 1);
  await page.waitForFunction(() => window.liveTracks() === 0);
  expect(await page.isVisible('image-field >> video')).toBe(false);
});

suite.test('stream-every emits frames; frames() yields one frame per request', async () => {
  await startCamera({ 'stream-every': '0.05' });
  await waitForEvent(page, 'stream', 3);
  const frames = await page.evaluate(async () => {
    const field = document.querySelector('image-field');
    const sizes = [];
    for await (const frame of field.frames()) {
      sizes.push([frame.width, frame.height, frame.mode]);
      if (sizes.length === 3) break;
    }
    field.clear();
    return sizes;
  });
  expect(frames).toEqual([[W, H, 'RGB'], [W, H, 'RGB'], [W, H, 'RGB']]);
  const log = await eventLog(page);
  expect(log.find((e) => e.type === 'stream').value).toMatchObject({ width: W, height: H, mode: 'RGB' });
  expect(await liveTracks()).toBe(0);
  expect(types(log).filter((t) => t === 'upload')).toEqual([]);
}, { needs: ['cameraFrames'] });

test('a constraint no camera meets fires camera_unavailable with a visible message', async () => {
  await page.evaluate(() => {
    const field = window.makeField({ interactive: true, sources: 'webcam' });
    field.webcamConstraints = { deviceId: { exact: 'no-such-camera' } };
  });
  await page.click('image-field >> button.start');
  await waitForEvent(page, 'error');
  const log = await eventLog(page);
  expect(log[0].code).toBe('camera_unavailable');
  expect(await page.isVisible('image-field >> [role=alert]')).toBe(true);
  expect(await liveTracks()).toBe(0);
});
