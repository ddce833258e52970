// What the Chromium and Firefox drivers share: both drive a page through an
// automation library's Page object (playwright-core's or puppeteer-core's),
// whose events and calls used here have the same shape.
export class LibraryPage {
  /** @param {{ close(): Promise<void> }} context  the page's browser context, closed with it */
  constructor(context, page) {
    this.context = context;
    this.page = page;
    page.on('console', (message) => {
      if (message.type() === 'error') this.onProblem(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.onProblem(`pageerror: ${error.message ?? error}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      // A load the page itself cancelled (a preview replaced, a fetch aborted by a newer value) is not a failure.
      if (/ABORTED/i.test(reason)) return;
      this.onProblem(`request failed: ${request.url()} (${reason})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) this.onProblem(`HTTP ${response.status()} ${response.url()}`);
    });
    page.on('dialog', (dialog) => {
      this.onDialog(dialog.message());
      dialog.dismiss().catch(() => {});
    });
  }

  goto(url) { return this.page.goto(url); }

  evaluate(fn, arg) { return this.page.evaluate(fn, arg); }

  async element(fn, arg) {
    const handle = (await this.page.evaluateHandle(fn, arg)).asElement();
    if (!handle) throw new Error(`no element for ${JSON.stringify(arg)}`);
    return handle;
  }

  click(handle) { return handle.click(); }

  mouseClick(x, y) { return this.page.mouse.click(x, y); }

  /** The page's Workers as the library sees them: { url, evaluate(fn) }. */
  workers() {
    return this.page.workers().map((worker) => ({ url: worker.url(), evaluate: (fn) => worker.evaluate(fn) }));
  }

  addInitScript(fn, arg) { return this.page.addInitScript ? this.page.addInitScript(fn, arg) : this.page.evaluateOnNewDocument(fn, arg); }

  async close() {
    await this.context.close();
  }
}
