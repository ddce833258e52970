// One browser test file's browser and server. `browserSuite(options)` starts
// the test server (scripts/serve.js behind test-server.js) and the engine
// named by IMAGEFIELD_BROWSER (chromium, firefox or webkit) once for the file,
// gives the tests engine-neutral pages (page-facade.js), and after every test
// checks every page it opened for problems: console errors, uncaught errors
// and failed requests. A test that expects some says so with allowProblems.
// A test that needs what an engine cannot do declares it (`needs`); in that
// engine it is skipped, with the engine's reason, and the skip is counted in
// the summary (summary-reporter.js).
import { appendFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test as jestTest } from '@jest/globals';
import { startTestServer } from './test-server.js';
import { BrowserPage } from './page-facade.js';
import { CAPABILITIES } from './engines/capabilities.js';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const ENGINE = process.env.IMAGEFIELD_BROWSER ?? 'chromium';
if (!ENGINES.includes(ENGINE)) throw new Error(`IMAGEFIELD_BROWSER is "${ENGINE}": it must be one of ${ENGINES.join(', ')}`);

const backend = await import(`./engines/${ENGINE}.js`);

/** What this engine can do: capability → true, or the reason it cannot. */
export const capabilities = backend.capabilities;

function recordSkip(name, reasons) {
  const log = process.env.IMAGEFIELD_SKIP_LOG;
  if (log) appendFileSync(log, `${JSON.stringify({ engine: ENGINE, test: name, reasons })}\n`);
}

/**
 * @param {object} options
 * @param {'fake'|'denied'|{ frames: Buffer }|{ devices: number }} [options.camera]
 *   a fake camera: with the engine's own picture, showing this Y4M video, or with this many devices; or one the user denies
 * @param {boolean} [options.clipboard]  the page may read and write the clipboard
 * @param {boolean} [options.downloads]  downloads are kept, for download()
 * @param {string} [options.insecureHost]  a host name that reaches the test server but is not a secure context
 * @param {(path: string) => Record<string, string>} [options.headers]  extra response headers (e.g. a CSP)
 * @param {number} [options.timeoutMs]  how long waits in the page may take
 */
export function browserSuite(options = {}) {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let server;
  let browser;
  const open = new Set();
  let testPages = null;  // pages opened by the running test: closed after it
  let closedProblems = [];
  let allowed = [];

  const suite = {
    engine: ENGINE,
    capabilities,
    get server() { return server; },
    /** The base URL of the test server. */
    get url() { return server.url; },
    /** The insecure origin's base URL (options.insecureHost; capability insecureOrigin). */
    get insecureUrl() { return `http://${options.insecureHost}:${server.port}`; },

    /** A new page (its own browsing context: fresh cache and storage). */
    async newPage({ deviceScaleFactor } = {}) {
      const driver = await browser.newPage({ deviceScaleFactor });
      const page = new BrowserPage(driver, { engine: ENGINE, baseUrl: server.url, timeoutMs });
      open.add(page);
      testPages?.add(page);
      const close = page.close.bind(page);
      page.close = async () => {
        if (!open.delete(page)) return;
        closedProblems.push(...page.problems);
        await close();
      };
      return page;
    },

    /** A new page at this path; with ready, once html[data-ready="true"]. */
    async openPage(path, { ready = false, deviceScaleFactor } = {}) {
      const page = await suite.newPage({ deviceScaleFactor });
      await page.goto(path);
      if (ready) await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
      return page;
    },

    /** Problems matching one of these patterns do not fail the current test. */
    allowProblems(...patterns) {
      allowed.push(...patterns);
    },

    /**
     * A test that runs where the engine has every capability in `needs`, and is
     * skipped (with the engine's reasons, counted in the summary) where it does not.
     */
    test(name, fn, { needs = [], timeout } = {}) {
      const unknown = needs.filter((need) => !(need in CAPABILITIES));
      if (unknown.length) throw new Error(`unknown capabilities ${unknown.join(', ')}: see engines/capabilities.js`);
      const reasons = needs.filter((need) => capabilities[need] !== true)
        .map((need) => `${need}: ${capabilities[need]}`);
      if (reasons.length === 0) {
        jestTest(name, fn, timeout);
      } else {
        recordSkip(name, reasons);
        jestTest.skip(`${name} [skipped in ${ENGINE}: ${reasons.join('; ')}]`, fn);
      }
    },
  };

  let scratch;  // a directory for files the browser reads (a camera's video)

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'imagefield-browser-'));
    let { camera } = options;
    if (camera?.frames) {
      const video = join(scratch, 'camera.y4m');
      await writeFile(video, camera.frames);
      camera = { frames: video };
    }
    server = await startTestServer({ headers: options.headers });
    browser = await backend.launch({ ...options, camera, server, scratch });
  });

  afterAll(async () => {
    for (const page of [...open]) await page.close().catch(() => {});
    await browser?.close();
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  beforeEach(() => {
    testPages = new Set();
    allowed = [];
    closedProblems = [];
    for (const page of open) page.problems.length = 0;
  });

  afterEach(async () => {
    for (const page of open) await page.collect();
    const problems = [...closedProblems, ...[...open].flatMap((page) => page.problems)];
    for (const page of testPages) await page.close().catch(() => {});
    testPages = null;
    server.clearRoutes();
    expect(problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)))).toEqual([]);
  });

  return suite;
}
