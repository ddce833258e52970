// The device picker needs two cameras: Chromium's fake device gives two only
// without a capture file, so this runs in its own browser.
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';
import { openFieldPage } from './element-helpers.js';

jest.setTimeout(60_000);

const suite = browserSuite({ camera: { devices: 2 } });
let page;

beforeAll(async () => {
  page = await openFieldPage(suite);
});

async function startCamera() {
  await page.evaluate(() => window.makeField({ interactive: true, sources: 'webcam upload' }));
  await page.click('image-field >> button.start');
  await page.waitForSelector('image-field >> button.capture', { state: 'visible' });
}

suite.test('a device picker lists both cameras; switching device stops the previous tracks', async () => {
  await startCamera();
  const options = await page.evalAll('image-field >> select.devices option', (list) => list.map((o) => o.textContent));
  expect(options).toHaveLength(2);
  expect(await page.isVisible('image-field >> select.devices')).toBe(true);
  const other = await page.evalOn('image-field >> select.devices', (select) => [...select.options].find((o) => o.value !== select.value).value);
  await page.selectOption('image-field >> select.devices', other);
  await page.waitForFunction(() => window.streams.length === 2 && window.liveTracks() === 1);
  expect(await page.evaluate(() => window.streams[0].getTracks()[0].readyState)).toBe('ended');
  expect(await page.evaluate(() => window.events.filter((e) => e.type === 'input' || e.type === 'change').length)).toBe(0);
}, { needs: ['twoCameras'] });
