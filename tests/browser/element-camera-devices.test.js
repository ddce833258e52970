// The device picker needs two cameras: Chromium's fake device gives two only
// without a capture file, so this runs in its own browser.
import { jest } from '@jest/globals';
import { launchChromium, startServer, watchProblems } from './chromium.js';
import { openFieldPage } from './element-helpers.js';

jest.setTimeout(60_000);

let browser;
let server;
let page;
let problems;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream=device-count=2']);
  page = await openFieldPage(browser, server);
  problems = watchProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => expect(problems).toEqual([]));

async function startCamera() {
  await page.evaluate(() => window.makeField({ interactive: true, sources: 'webcam upload' }));
  await page.click('image-field >> button.start');
  await page.waitForSelector('image-field >> button.capture', { state: 'visible' });
}

test('a device picker lists both cameras; switching device stops the previous tracks', async () => {
  await startCamera();
  const options = await page.$$eval('image-field >> select.devices option', (list) => list.map((o) => o.textContent));
  expect(options).toHaveLength(2);
  expect(await page.isVisible('image-field >> select.devices')).toBe(true);
  const other = await page.$eval('image-field >> select.devices', (select) => [...select.options].find((o) => o.value !== select.value).value);
  await page.selectOption('image-field >> select.devices', other);
  await page.waitForFunction(() => window.streams.length === 2 && window.liveTracks() === 1);
  expect(await page.evaluate(() => window.streams[0].getTracks()[0].readyState)).toBe('ended');
  expect(await page.evaluate(() => window.events.filter((e) => e.type === 'input' || e.type === 'change').length)).toBe(0);
});
