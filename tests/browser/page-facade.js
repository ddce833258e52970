// The page the browser tests drive, the same in every engine. What needs the
// engine (navigation, script evaluation, real input, files, screenshots,
// downloads, the clipboard) goes to the engine's driver (engines/*.js); the
// rest runs in the page through evaluate, so it is one piece of code for all.
//
// Selectors: CSS, with ` >> ` stepping into the shadow root of what the part
// before it matched ('image-field >> .dropzone'); or { css, text } for the
// match whose trimmed text is `text`.
// Files: { name, mimeType, buffer }.
// Keys: 'Enter', 'Space', 'Control+V'.

/** Finds a selector's element(s) in the page; written out into the page functions below. */
function locate(selector, all) {
  const { css, text } = typeof selector === 'string' ? { css: selector } : selector;
  let found = [document];
  css.split(/\s+>>\s+/).forEach((part, index) => {
    found = found.flatMap((scope) => [...(index === 0 ? scope : (scope.shadowRoot ?? scope)).querySelectorAll(part)]);
  });
  if (text !== undefined) found = found.filter((element) => element.textContent.trim() === text);
  return all ? found : (found[0] ?? null);
}

function shown(element) {
  if (!element || !element.isConnected || element.getClientRects().length === 0) return false;
  return getComputedStyle(element).visibility !== 'hidden';
}

/** `fn(arg, locate, shown)` as a page function of `arg` alone: engines send a function's source, not its closure. */
export function inPage(fn) {
  // eslint-disable-next-line no-new-func
  return new Function(`return (arg) => (${fn})(arg, ${locate}, ${shown});`)();
}

const describe = (selector) => (typeof selector === 'string' ? selector : `${selector.css} with text "${selector.text}"`);

export class BrowserPage {
  /**
   * @param {object} driver  the engine's page driver (see engines/chromium.js for the list)
   * @param {{ engine: string, baseUrl: string, timeoutMs: number }} context
   */
  constructor(driver, { engine, baseUrl, timeoutMs }) {
    this.driver = driver;
    this.engine = engine;
    this.baseUrl = baseUrl;
    this.timeoutMs = timeoutMs;
    /** Console errors, page errors and failed requests, as text. */
    this.problems = [];
    /** The messages of alert/confirm/prompt dialogs, which are dismissed. */
    this.dialogs = [];
    driver.onProblem = (text) => this.problems.push(text);
    driver.onDialog = (message) => this.dialogs.push(message);
  }

  /** Opens a path of the test server (or a full URL). */
  async goto(path) {
    await this.driver.goto(/^https?:/.test(path) ? path : `${this.baseUrl}${path}`);
  }

  evaluate(fn, arg) {
    return this.driver.evaluate(fn, arg);
  }

  /** Resolves once `fn(arg)` is truthy in the page (checked every 10 ms); its value. */
  async waitForFunction(fn, arg, { timeout = this.timeoutMs } = {}) {
    const poll = inPage(async ({ source, value, limit }) => {
      // The page's own eval may be forbidden by its CSP; the function comes as a Function from the engine instead.
      const started = Date.now();
      for (;;) {
        const result = await source(value);
        if (result) return { result };
        if (Date.now() - started > limit) return { timedOut: true };
        await new Promise((resolve) => { setTimeout(resolve, 10); });
      }
    });
    // The condition is inlined as source text: engines serialize functions, not closures.
    const combined = new Function(`return (arg) => (${poll})({ ...arg, source: ${fn} });`)();
    const outcome = await this.driver.evaluate(combined, { value: arg, limit: timeout });
    if (outcome.timedOut) throw new Error(`waitForFunction timed out after ${timeout} ms: ${fn}`);
    return outcome.result;
  }

  /** Waits until the selector matches (state 'attached') or matches a visible element ('visible'). */
  async waitForSelector(selector, { state = 'visible', timeout } = {}) {
    const test = inPage(({ selector: s, visible }, find, isShown) => {
      const element = find(s);
      return Boolean(element) && (!visible || isShown(element));
    });
    try {
      await this.waitForFunction(test, { selector, visible: state === 'visible' }, { timeout });
    } catch (error) {
      throw new Error(`no ${state} element for ${describe(selector)} (${error.message})`);
    }
  }

  /** `fn(element, arg)` in the page on the selector's first match. */
  evalOn(selector, fn, arg) {
    const run = new Function(`return (arg) => {
      const element = (${locate})(arg.selector);
      if (!element) throw new Error('no element matches ' + JSON.stringify(arg.selector));
      return (${fn})(element, arg.value);
    };`)();
    return this.driver.evaluate(run, { selector, value: arg });
  }

  /** `fn(elements, arg)` in the page on all the selector's matches. */
  evalAll(selector, fn, arg) {
    const run = new Function(`return (arg) => (${fn})((${locate})(arg.selector, true), arg.value);`)();
    return this.driver.evaluate(run, { selector, value: arg });
  }

  text(selector) {
    return this.evalOn(selector, (element) => element.textContent);
  }

  attribute(selector, name) {
    return this.evalOn(selector, (element, attribute) => element.getAttribute(attribute), name);
  }

  isVisible(selector) {
    return this.driver.evaluate(inPage((s, find, isShown) => isShown(find(s))), selector);
  }

  /** The element for real input, once it is there and visible. */
  async element(selector) {
    await this.waitForSelector(selector, { state: 'visible' });
    return this.driver.element(inPage((s, find) => find(s)), selector);
  }

  /** A real mouse click on the element. */
  async click(selector) {
    await this.driver.click(await this.element(selector));
  }

  /** A real key press, on the element (focused first) or wherever the focus is. */
  async press(selector, key) {
    await this.driver.press(selector ? await this.element(selector) : null, key);
  }

  async focus(selector) {
    await this.evalOn(selector, (element) => element.focus());
  }

  /** A real mouse click at a point of the viewport. */
  mouseClick(x, y) {
    return this.driver.mouseClick(x, y);
  }

  /** Sets a text control's value as typing would end: the value, then `input` and `change`. */
  async fill(selector, value) {
    await this.evalOn(selector, (element, text) => {
      element.focus();
      element.value = text;
      element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }

  /** Picks an option of a <select> as a user does: the value, then `input` and `change`. */
  async selectOption(selector, value) {
    await this.evalOn(selector, (element, option) => {
      element.value = option;
      element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }

  /** Clicks a checkbox if it is not already in that state. */
  async setChecked(selector, checked) {
    if (await this.evalOn(selector, (element) => element.checked) !== checked) await this.click(selector);
    if (await this.evalOn(selector, (element) => element.checked) !== checked) throw new Error(`${describe(selector)} did not change state`);
  }

  /**
   * Drops files on the element: a DataTransfer holding them, in DragEvents of
   * these types (as the browser dispatches them for a real drag).
   * @returns {Promise<Record<string, string[]>>} the element's classes after each event
   */
  dropFiles(selector, files, { events = ['drop'] } = {}) {
    return this.evalOn(selector, (element, { list, types }) => {
      const transfer = new DataTransfer();
      for (const { name, mimeType, bytes } of list) transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      const results = {};
      for (const type of types) {
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
        results[type] = [...element.classList];
      }
      return results;
    }, { list: files.map(({ name, mimeType = '', buffer }) => ({ name, mimeType, bytes: [...buffer] })), types: events });
  }

  /** Puts the files on the element's <input type=file> (no chooser opened). */
  async uploadFile(selector, file) {
    await this.driver.setFiles(await this.driver.element(inPage((s, find) => find(s)), selector), file);
  }

  /**
   * Opens the file chooser by a click on the element (or a key press on it) and
   * picks the file in it; with file null, the chooser is dismissed.
   * @returns {Promise<{ multiple: boolean }>}
   */
  async chooseFile(selector, file, { key } = {}) {
    return this.driver.chooseFile(await this.element(selector), file, { key });
  }

  /**
   * Pastes into the element as a user does: the file or text on the clipboard,
   * then Ctrl+V there (engines/*.js say how each engine does it).
   */
  async paste(selector, payload) {
    await this.driver.paste(await this.driver.element(inPage((s, find) => find(s)), selector), payload);
  }

  /** Puts { text } or { png } (bytes) on the clipboard, for the page's navigator.clipboard.read(). */
  writeClipboard(payload) {
    return this.driver.writeClipboard(payload);
  }

  /** A PNG of this part of the viewport ({ x, y, width, height } in CSS pixels). */
  screenshot(clip) {
    return this.driver.screenshot(clip);
  }

  /** Clicks the element and returns the file the page downloads: { name, bytes }. */
  async download(selector) {
    return this.driver.download(await this.element(selector));
  }

  /**
   * The page's running Workers (capability workers): { url, evaluate(fn) },
   * url the Worker's script, evaluate running `fn()` in the Worker and
   * resolving to its value (capability workerScript).
   */
  workers() {
    return this.driver.workers();
  }

  /** Runs `fn(arg)` in every document this page loads from now on, before its own scripts. */
  addInitScript(fn, arg) {
    return this.driver.addInitScript(fn, arg);
  }

  /** Gathers what the engine reports only when asked (WebKit: the page hook's problems and dialogs). */
  async collect() {
    await this.driver.flush?.();
  }

  close() {
    return this.driver.close();
  }
}
