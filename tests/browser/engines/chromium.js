// Chromium (Debian's /usr/bin/chromium) through playwright-core, with the
// flags that work on a closed network.
//
// Every backend exports `capabilities` and `launch(options)`, which resolves
// to { newPage({ deviceScaleFactor }) → driver, close() }. A page driver has:
// goto(url), evaluate(fn, arg), element(fn, arg) → handle, click(handle),
// press(handle|null, key), mouseClick(x, y), setFiles(handle, file),
// chooseFile(handle, file|null, { key }) → { multiple }, paste(handle, payload),
// writeClipboard(payload), screenshot(clip) → PNG, download(handle) →
// { name, bytes }, workers() → [{ url, evaluate(fn) }], addInitScript(fn, arg),
// close(); and calls its onProblem(text)
// and onDialog(message) (set by the page facade).
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { allCapabilities } from './capabilities.js';
import { LibraryPage } from './library-page.js';

export const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const capabilities = allCapabilities();

const KEYS = { Enter: 'Enter', Space: ' ', 'Control+V': 'Control+V' };

function cameraFlags(camera) {
  if (!camera) return [];
  if (camera === 'denied') return ['--use-fake-device-for-media-stream'];  // no fake UI: headless dismisses the prompt
  const ui = '--use-fake-ui-for-media-stream';
  if (camera === 'fake') return [ui, '--use-fake-device-for-media-stream'];
  if (camera.frames) return [ui, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera.frames}`];
  if (camera.devices) return [ui, `--use-fake-device-for-media-stream=device-count=${camera.devices}`];
  throw new Error(`unknown camera option ${JSON.stringify(camera)}`);
}

class ChromiumPage extends LibraryPage {
  async press(handle, key) {
    if (handle) await handle.press(KEYS[key]);
    else await this.page.keyboard.press(KEYS[key]);
  }

  setFiles(handle, file) { return handle.setInputFiles(file); }

  async chooseFile(handle, file, { key } = {}) {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      key ? handle.press(KEYS[key]) : handle.click(),
    ]);
    if (file) await chooser.setFiles(file);
    return { multiple: chooser.isMultiple() };
  }

  /** A paste event carrying a DataTransfer with the file or text, dispatched at the element (Chromium keeps its clipboardData). */
  paste(handle, { file, text }) {
    return handle.evaluate((element, { name, type, bytes, plain }) => {
      const transfer = new DataTransfer();
      if (bytes) transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      if (plain !== undefined) transfer.setData('text/plain', plain);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, composed: true, cancelable: true }));
    }, file ? { name: file.name, type: file.mimeType ?? '', bytes: [...file.buffer] } : { plain: text });
  }

  async writeClipboard({ text, png }) {
    await this.page.bringToFront();
    await this.page.evaluate(async ({ plain, bytes }) => {
      if (plain !== undefined) await navigator.clipboard.writeText(plain);
      else await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([new Uint8Array(bytes)], { type: 'image/png' }) })]);
    }, { plain: text, bytes: png ? [...png] : undefined });
  }

  screenshot(clip) { return this.page.screenshot({ clip }); }

  async download(handle) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), handle.click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

}

export async function launch({ camera, clipboard, downloads, insecureHost, server }) {
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ...cameraFlags(camera),
  ];
  if (insecureHost) args.push(`--host-resolver-rules=MAP ${insecureHost} 127.0.0.1`);
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args });
  return {
    async newPage({ deviceScaleFactor } = {}) {
      const context = await browser.newContext({ acceptDownloads: Boolean(downloads), deviceScaleFactor });
      if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      return new ChromiumPage(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}
