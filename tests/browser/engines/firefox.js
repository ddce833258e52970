// Firefox ESR (Debian's /usr/bin/firefox-esr) through puppeteer-core over
// WebDriver BiDi (playwright-core drives only its own patched Firefox). It runs
// windowed under Xvfb: headless Firefox's clipboard holds text and HTML only.
// The driver interface is the one engines/chromium.js describes.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { allCapabilities } from './capabilities.js';
import { fileOnDisk } from './files-on-disk.js';
import { LibraryPage } from './library-page.js';
import { startXvfb } from './xvfb.js';

export const EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const capabilities = {
  ...allCapabilities(),
  cameraFrames: 'the fake camera (media.navigator.streams.fake) shows its own 640×480 picture, not a given video',
  twoCameras: 'the fake camera is a single device',
  anyFileName: 'files reach <input type=file> from disk, where a name cannot hold "/"',
  pasteAnyFile: 'a paste carries what the system clipboard holds (text, or a decoded image re-encoded as PNG), not an arbitrary file',
  workerScript: "Firefox ESR's WebDriver BiDi lists a page's Worker realms but runs script only in window realms (script.callFunction: no such frame)",
};

const KEYS = { Enter: 'Enter', Space: ' ' };

function prefs({ camera, downloads }) {
  const values = {
    // navigator.clipboard.read() without the paste context menu.
    'dom.events.testing.asyncClipboard': true,
    // No first-run pages or background traffic on a closed network.
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'browser.aboutwelcome.enabled': false,
    'full-screen-api.warning.timeout': 0,
    'full-screen-api.transition-duration.enter': '0 0',
    'full-screen-api.transition-duration.leave': '0 0',
  };
  if (camera) {
    values['media.navigator.streams.fake'] = true;
    if (camera === 'denied') values['permissions.default.camera'] = 2;  // blocked, as a user's "Block"
    else values['media.navigator.permission.disabled'] = true;
  }
  if (downloads) {
    Object.assign(values, {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.panel.shown': true,
    });
  }
  return values;
}

class FirefoxPage extends LibraryPage {
  constructor(context, page, { scratch, downloads }) {
    super(context, page);
    this.scratch = scratch;
    this.downloads = downloads;
  }

  async press(handle, key) {
    if (handle) await handle.focus();
    await this.page.keyboard.press(KEYS[key]);
  }

  async setFiles(handle, file) {
    await handle.uploadFile(await fileOnDisk(this.scratch, file));
  }

  async chooseFile(handle, file, { key } = {}) {
    const opened = this.page.waitForFileChooser();
    if (key) await this.press(handle, key);
    else await handle.click();
    const chooser = await opened;
    if (file) await chooser.accept([await fileOnDisk(this.scratch, file)]);
    else await chooser.cancel();
    return { multiple: chooser.isMultiple() };
  }

  /**
   * A real Ctrl+V: Gecko ignores the clipboardData of a script-made paste event.
   * The payload goes on the system clipboard first; the key goes to the element
   * (focused, with its text selected if it is a text control) or, for body, to
   * the document with nothing focused.
   */
  async paste(handle, payload) {
    await this.writeClipboard(payload.file ? { png: payload.file.buffer, type: payload.file.mimeType } : payload);
    await handle.evaluate((element) => {
      if (element === document.body) {
        document.activeElement?.blur();
        return;
      }
      element.focus();
      if (typeof element.select === 'function') element.select();
    });
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('KeyV');
    await this.page.keyboard.up('Control');
  }

  async writeClipboard({ text, png, type = 'image/png' }) {
    await this.page.bringToFront();
    await this.page.evaluate(async ({ plain, bytes, mime }) => {
      if (plain !== undefined) await navigator.clipboard.writeText(plain);
      else await navigator.clipboard.write([new ClipboardItem({ [mime]: new Blob([new Uint8Array(bytes)], { type: mime }) })]);
    }, { plain: text, bytes: png ? [...png] : undefined, mime: type });
  }

  async screenshot(clip) {
    if (!clip) return this.page.screenshot({});
    // The driver interface's clip is in the viewport (as playwright-core's); puppeteer's is in the document.
    const scroll = await this.page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    return this.page.screenshot({ clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y } });
  }

  /** The Worker realms BiDi lists (with their script URLs); script does not run in them (capability workerScript). */
  workers() {
    return super.workers().map(({ url }) => ({ url, evaluate: async () => { throw new Error(capabilities.workerScript); } }));
  }

  async download(handle) {
    const before = new Set(await readdir(this.downloads));
    await handle.click();
    const started = Date.now();
    for (;;) {
      const names = (await readdir(this.downloads)).filter((name) => !before.has(name) && !name.endsWith('.part'));
      if (names.length === 1) {
        const path = join(this.downloads, names[0]);
        const { size } = await stat(path);
        await new Promise((resolve) => { setTimeout(resolve, 100); });
        if ((await stat(path)).size === size && !(await readdir(this.downloads)).some((name) => name.endsWith('.part'))) {
          return { name: names[0], bytes: await readFile(path) };
        }
      }
      if (Date.now() - started > 10_000) throw new Error('no download arrived in 10 s');
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
  }

}

export async function launch({ camera, downloads, insecureHost, scratch }) {
  const xvfb = await startXvfb();
  const downloadDir = join(scratch, 'downloads');
  await mkdir(downloadDir, { recursive: true });
  const extraPrefsFirefox = prefs({ camera, downloads: downloads ? downloadDir : null });
  // The insecure host resolves to the loopback address; it is still not a secure context.
  if (insecureHost) extraPrefsFirefox['network.dns.localDomains'] = insecureHost;
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLE,
      headless: false,
      env: { ...process.env, DISPLAY: xvfb.display },
      extraPrefsFirefox,
      defaultViewport: { width: 1024, height: 768 },
    });
  } catch (error) {
    await xvfb.stop();
    throw error;
  }
  return {
    async newPage({ deviceScaleFactor } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      if (deviceScaleFactor) await page.setViewport({ width: 1024, height: 768, deviceScaleFactor });
      return new FirefoxPage(context, page, { scratch, downloads: downloadDir });
    },
    async close() {
      await browser.close().catch(() => {});
      await xvfb.stop();
    },
  };
}
