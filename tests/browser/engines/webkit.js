// WebKit (Debian's WebKitGTK: MiniBrowser) through /usr/bin/WebKitWebDriver,
// a W3C WebDriver (classic) server, spoken to with Node's fetch; MiniBrowser
// runs under Xvfb. What WebDriver classic lacks is done another real way:
// - console and page errors: a hook script (webkit-page-hook.js) the test server
//   puts first into every page, collected with each script the driver runs;
//   failed requests: the test server's own log of what it answered;
// - dialogs: the hook answers alert/confirm/prompt as dismissed and keeps the message;
// - the file chooser is cancelled under automation: the file path is sent to the
//   <input type=file> itself ("element send keys");
// - paste: the file or text goes on the X clipboard (xclip), then a real Ctrl+V;
// - a clipped screenshot is the page's screenshot, cropped here (element
//   screenshots under Xvfb can come back black).
// The driver interface is the one engines/chromium.js describes.
import { execFile, spawn } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { allCapabilities } from './capabilities.js';
import { fileOnDisk } from './files-on-disk.js';
import { startXvfb } from './xvfb.js';

export const DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const BROWSER = process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const capabilities = {
  ...allCapabilities(),
  fileChooser: 'the file chooser is cancelled under automation (files are sent to the <input type=file> instead)',
  cameraFrames: 'the mock camera (--enable-mock-capture-devices) shows its own picture, not a given video',
  cameraDenied: 'MiniBrowser has no setting that denies the camera without a prompt',
  insecureOrigin: 'WebKitGTK has no host-resolver setting to reach the test server under another name',
  deviceScaleFactor: 'WebDriver classic cannot set the device pixel ratio',
  download: 'MiniBrowser under WebDriver keeps no downloads the test can read',
  anyFileName: 'files reach <input type=file> from disk, where a name cannot hold "/"',
  pasteAnyFile: 'a paste carries what the X clipboard holds as typed data, not an arbitrary file',
  workers: "WebDriver classic has no command that reaches a page's Workers",
  workerScript: "WebDriver classic has no command that reaches a page's Workers",
};

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const KEYS = { Enter: '\uE007', Space: ' ' };
const CONTROL = '\uE009';
const HOOK = fileURLToPath(new URL('./webkit-page-hook.js', import.meta.url));
const run = promisify(execFile);

/** The port a process listens on (it was started with --port=0): its socket's inode in /proc/net/tcp. */
async function listeningPort(pid) {
  const started = Date.now();
  for (;;) {
    const inodes = new Set();
    for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [])) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const match = /^socket:\[(\d+)\]$/.exec(link);
      if (match) inodes.add(match[1]);
    }
    for (const line of (await readFile('/proc/net/tcp', 'utf8')).split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && inodes.has(fields[9])) return parseInt(fields[1].split(':')[1], 16);
    }
    if (Date.now() - started > 10_000) throw new Error('WebKitWebDriver is not listening after 10 s');
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
}

class WebDriverSession {
  constructor(base) { this.base = base; }

  async send(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (value?.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  }

  async start(capabilities) {
    const value = await this.send('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    this.id = value.sessionId;
  }

  command(method, path, body) { return this.send(method, `/session/${this.id}${path}`, body); }

  script(source, args = []) { return this.command('POST', '/execute/sync', { script: source, args }); }
}

class WebKitPage {
  constructor(browser, handle) {
    this.browser = browser;
    this.session = browser.session;
    this.handle = handle;
    this.initScripts = [];
  }

  /** Makes this page's window the one the session's commands go to. */
  async activate() {
    if (this.browser.current !== this.handle) {
      await this.session.command('POST', '/window', { handle: this.handle });
      this.browser.current = this.handle;
    }
  }

  /** Hands what the page's hook kept, and the server's failed answers, to the facade. */
  keep(kept) {
    for (const problem of kept?.problems ?? []) this.onProblem(problem);
    for (const message of kept?.dialogs ?? []) this.onDialog(message);
    for (const text of this.browser.failedRequests()) this.onProblem(text);
  }

  async flush() {
    await this.activate();
    this.keep(await this.session.script('return window.__harnessDrain ? window.__harnessDrain() : null;'));
  }

  async goto(url) {
    await this.flush();
    this.browser.server.setPageScript([this.browser.hook, ...this.initScripts].join('\n'));
    await this.session.command('POST', '/url', { url });
  }

  async evaluate(fn, arg) {
    await this.activate();
    const outcome = await this.session.command('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        const drain = () => (window.__harnessDrain ? window.__harnessDrain() : null);
        Promise.resolve().then(() => (${fn})(arguments[0])).then(
          (value) => done({ json: value === undefined ? null : JSON.stringify(value), kept: drain() }),
          (error) => done({ thrown: String((error && error.message) || error), kept: drain() }));`,
      args: [arg === undefined ? null : arg],
    });
    this.keep(outcome.kept);
    if ('thrown' in outcome) throw new Error(outcome.thrown);
    return outcome.json === null ? undefined : JSON.parse(outcome.json);
  }

  async element(fn, arg) {
    await this.activate();
    const handle = await this.session.script(`return (${fn})(arguments[0]);`, [arg]);
    if (!handle?.[ELEMENT]) throw new Error(`no element for ${JSON.stringify(arg)}`);
    return handle;
  }

  async pointerClick(x, y) {
    await this.session.command('POST', '/actions', {
      actions: [{
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', duration: 0, x: Math.round(x), y: Math.round(y), origin: 'viewport' },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      }],
    });
    await this.session.command('DELETE', '/actions');
  }

  /** A real mouse click at the element's centre (scrolled into view first). */
  async click(handle) {
    await this.activate();
    const { x, y } = await this.session.script(`const element = arguments[0];
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const r = element.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };`, [handle]);
    await this.pointerClick(x, y);
  }

  async keys(values) {
    await this.session.command('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: values }],
    });
    await this.session.command('DELETE', '/actions');
  }

  async press(handle, key) {
    await this.activate();
    if (handle) await this.session.script('arguments[0].focus();', [handle]);
    await this.keys([{ type: 'keyDown', value: KEYS[key] }, { type: 'keyUp', value: KEYS[key] }]);
  }

  async mouseClick(x, y) {
    await this.activate();
    await this.pointerClick(x, y);
  }

  async setFiles(handle, file) {
    await this.activate();
    await this.session.command('POST', `/element/${handle[ELEMENT]}/value`, { text: await fileOnDisk(this.browser.scratch, file) });
  }

  /** No chooser here: the file goes to the <input type=file> the element would open (itself, or the one in its root). */
  async chooseFile(handle, file, { key } = {}) {
    if (key) throw new Error(`opening the file chooser from the keyboard: ${capabilities.fileChooser}`);
    await this.activate();
    const input = await this.session.script(`const element = arguments[0];
      return element.matches('input[type=file]') ? element : element.getRootNode().querySelector('input[type=file]');`, [handle]);
    if (!input?.[ELEMENT]) throw new Error('no <input type=file> next to the element');
    if (file) await this.setFiles(input, file);
    return { multiple: await this.session.script('return arguments[0].multiple;', [input]) };
  }

  /** The payload on the X clipboard, then a real Ctrl+V on the element (focused; a text control's text selected) or the page. */
  async paste(handle, payload) {
    await this.writeClipboard(payload.file ? { png: payload.file.buffer, type: payload.file.mimeType } : payload);
    await this.activate();
    await this.session.script(`const element = arguments[0];
      if (element === document.body) { document.activeElement?.blur(); return; }
      element.focus();
      if (typeof element.select === 'function') element.select();`, [handle]);
    await this.keys([
      { type: 'keyDown', value: CONTROL }, { type: 'keyDown', value: 'v' },
      { type: 'keyUp', value: 'v' }, { type: 'keyUp', value: CONTROL },
    ]);
  }

  writeClipboard(payload) { return this.browser.writeClipboard(payload); }

  async screenshot(clip) {
    await this.activate();
    // The snapshot is of what was last painted: let the page paint its current state first.
    await this.session.command('POST', '/execute/async', {
      script: 'const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));', args: [],
    });
    const png = Buffer.from(await this.session.command('GET', '/screenshot'), 'base64');
    if (!clip) return png;
    const { loadCore } = await import('../../../web/index.js');
    const core = await loadCore();
    const page = core.convert(core.decode(png), 'RGB');
    const x0 = Math.round(clip.x);
    const y0 = Math.round(clip.y);
    const width = Math.round(clip.width);
    const height = Math.round(clip.height);
    const data = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      const from = ((y0 + y) * page.width + x0) * 3;
      data.set(page.data.subarray(from, from + width * 3), y * width * 3);
    }
    return Buffer.from(core.encode({ width, height, mode: 'RGB', data }));
  }

  download() { throw new Error(capabilities.download); }

  workers() { throw new Error(capabilities.workers); }

  addInitScript(fn, arg) {
    this.initScripts.push(`(${fn})(${JSON.stringify(arg ?? null)});`);
  }

  async close() {
    await this.flush().catch(() => {});
    await this.session.command('DELETE', '/window');
    this.browser.current = null;
    await this.session.command('POST', '/window', { handle: this.browser.home });
    this.browser.current = this.browser.home;
  }
}

export async function launch({ camera, clipboard, server, scratch }) {
  const xvfb = await startXvfb();
  const env = { ...process.env, DISPLAY: xvfb.display };
  const driver = spawn(DRIVER, ['--port=0', '--host=127.0.0.1'], { env, stdio: 'ignore' });
  const stop = async () => {
    if (driver.exitCode === null) {
      const exited = new Promise((resolve) => { driver.once('exit', resolve); });
      driver.kill('SIGTERM');
      await exited;
    }
    await xvfb.stop();
  };
  let clipboardOwner = null;  // the xclip process serving the X clipboard
  const dropClipboard = () => {
    clipboardOwner?.kill('SIGTERM');
    clipboardOwner = null;
  };
  try {
    const session = new WebDriverSession(`http://127.0.0.1:${await listeningPort(driver.pid)}`);
    const args = ['--automation'];
    if (camera) args.push('--enable-media-stream=true', '--enable-mock-capture-devices=true');
    if (clipboard) args.push('--javascript-can-access-clipboard=true');
    await session.start({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: BROWSER, args },
      unhandledPromptBehavior: 'dismiss and notify',
    });
    await session.command('POST', '/timeouts', { script: 300_000, pageLoad: 60_000, implicit: 0 });
    await session.command('POST', '/window/rect', { x: 0, y: 0, width: 1024, height: 768 });
    const home = await session.command('GET', '/window');
    let seen = 0;
    const browser = {
      session,
      server,
      scratch,
      home,
      current: home,
      hook: await readFile(HOOK, 'utf8'),
      /** The server's answers of 400 and up since the last call. */
      failedRequests() {
        const failed = server.requests.slice(seen).filter(({ status }) => status >= 400)
          .map(({ method, path, status }) => `HTTP ${status} ${method} ${path}`);
        seen = server.requests.length;
        return failed;
      },
      async writeClipboard({ text, png, type = 'image/png' }) {
        dropClipboard();
        const target = text !== undefined ? 'UTF8_STRING' : type;
        const typed = text !== undefined ? [] : ['-t', target];  // text: xclip offers every text target
        const owner = spawn('xclip', ['-quiet', '-selection', 'clipboard', ...typed, '-i'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
        owner.stdin.end(text !== undefined ? Buffer.from(text) : png);
        clipboardOwner = owner;
        // Ready once the X clipboard offers the payload's type.
        const started = Date.now();
        for (;;) {
          const { stdout } = await run('xclip', ['-o', '-selection', 'clipboard', '-t', 'TARGETS'], { env }).catch(() => ({ stdout: '' }));
          if (stdout.split('\n').includes(target)) return;
          if (Date.now() - started > 5000) throw new Error(`the X clipboard does not offer ${target}`);
          await new Promise((resolve) => { setTimeout(resolve, 20); });
        }
      },
    };
    return {
      async newPage() {
        // A window, not a tab: input actions wait forever in a background tab.
        const { handle } = await session.command('POST', '/window/new', { type: 'window' });
        const page = new WebKitPage(browser, handle);
        await page.activate();
        await session.command('POST', '/window/rect', { width: 1024, height: 768 });
        return page;
      },
      async close() {
        dropClipboard();
        await session.command('DELETE', '').catch(() => {});
        await stop();
      },
    };
  } catch (error) {
    dropClipboard();
    await stop();
    throw error;
  }
}
