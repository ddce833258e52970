// Which of the field's sources (upload, webcam, clipboard) it offers and
// shows, and its paste handling: Ctrl/Cmd+V on the field, or anywhere on the
// page with paste-anywhere (unless the page's own text controls take it).
import { fileFromPasteEvent } from '../sources/clipboard-source.js';

const SOURCES = ['upload', 'webcam', 'clipboard'];

export class SourceController {
  #host;
  #picked = null;  // the source view picked by the user; the first listed one until then
  #onDocumentPaste = (event) => this.#onPaste(event, true);

  /**
   * @param {HTMLElement} element the field
   * @param {object} host the element: interactive, sources (the attribute), render(),
   *   paste(readFile) (a pasted image: readFile() gives the file or throws)
   */
  constructor(element, host) {
    this.#host = host;
    element.addEventListener('paste', (event) => this.#onPaste(event, false));
    this.element = element;
  }

  /** The sources the `sources` attribute lists, in its order. */
  get list() {
    return this.#host.sources.split(/[\s,]+/).filter((source) => SOURCES.includes(source));
  }

  /** The source view shown: the one picked, else the first listed (the clipboard has no view). */
  get current() {
    const sources = this.list;
    return sources.includes(this.#picked) ? this.#picked : (sources.find((s) => s !== 'clipboard') ?? 'upload');
  }

  pick(source) {
    this.#picked = source;
  }

  /** Listens to pastes anywhere on the document (paste-anywhere), or stops. */
  listenToDocument(on) {
    document.removeEventListener('paste', this.#onDocumentPaste);
    if (on) document.addEventListener('paste', this.#onDocumentPaste);
  }

  #onPaste(event, fromDocument) {
    if (!this.#host.interactive || !this.list.includes('clipboard')) return;
    if (fromDocument) {
      if (event.composedPath().includes(this.element)) return;  // handled by the field's own listener
      const target = event.composedPath()[0];
      if (target?.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName)) return;
    }
    event.preventDefault();
    this.#host.paste(() => fileFromPasteEvent(event));
  }
}
