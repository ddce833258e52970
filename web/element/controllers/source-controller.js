// Which of the field's sources (upload, webcam, clipboard) it offers and
// shows, and its paste handling. A Ctrl/Cmd+V reaches the field where the
// browser delivers it: Chromium dispatches it at the focused element (the
// field), Firefox at the element holding the selection or at <body>. So the
// field listens on itself and on the document, and takes a paste that lands in
// it, one made while the focus is within it, or (paste-anywhere) one anywhere
// on the page, but never one into a text control or editable content.
import { fileFromPasteEvent, readClipboardImage } from '../sources/clipboard-source.js';

const SOURCES = ['upload', 'webcam', 'clipboard'];

const editable = (target) => Boolean(target?.isContentEditable) || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName);

export class SourceController {
  #host;
  #picked = null;  // the source view picked by the user; the first listed one until then
  #onDocumentPaste = (event) => this.#onPaste(event, true);

  /**
   * @param {HTMLElement} element the field
   * @param {object} host the element: editable (the user may change the value now), pasteAnywhere,
   *   sources (the attribute), paste(readFile) (a pasted image: readFile() resolves to the file or rejects)
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

  /** Listens to pastes on the document while the field is in it. */
  listenToDocument(on) {
    document.removeEventListener('paste', this.#onDocumentPaste);
    if (on) document.addEventListener('paste', this.#onDocumentPaste);
  }

  /** Whether the focus is within the field (document.activeElement is the host while it is in the shadow root). */
  #focusWithin() {
    const active = this.element.ownerDocument.activeElement;
    return active === this.element || this.element.contains(active);
  }

  #onPaste(event, fromDocument) {
    if (!this.#host.editable || !this.list.includes('clipboard')) return;
    if (fromDocument) {
      if (event.defaultPrevented || event.composedPath().includes(this.element)) return;  // taken already, or by the field's own listener
      if (editable(event.composedPath()[0])) return;
      if (!this.#focusWithin()) {
        if (!this.#host.pasteAnywhere) return;
        // Another field holding the focus takes it.
        const active = this.element.ownerDocument.activeElement;
        if (active !== this.element && active?.localName === this.element.localName) return;
      }
    }
    event.preventDefault();
    const file = fileFromPasteEvent(event);
    if (file) {
      this.#host.paste(async () => file);
      return;
    }
    // WebKitGTK gives a trusted Ctrl+V of an image a clipboardData with no
    // files and no items, while the clipboard, read inside that same event,
    // holds the image: read it now, while the event is being dispatched.
    const carried = event.clipboardData?.types?.length ?? 0;
    if (event.isTrusted && carried === 0 && navigator.clipboard?.read) {
      const reading = readClipboardImage();
      this.#host.paste(() => reading);
      return;
    }
    this.#host.paste(async () => fileFromPasteEvent(event, { required: true }));
  }
}
