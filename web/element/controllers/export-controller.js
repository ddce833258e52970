// The toolbar's ways out for a shown image: download, full screen, share.
// Refusals are reported with their own codes (fullscreen_refused,
// share_failed); a share the user cancels is not an error.
import { ImageFieldError } from '../../core/error.js';
import { downloadBlob, toggleFullscreen } from '../toolbar.js';

export class ExportController {
  #host;

  /** @param {object} host the element: file() → Promise of the value's File, frame, label, ownerDocument, fail(error) */
  constructor(host) {
    this.#host = host;
  }

  async download() {
    try {
      const file = await this.#host.file();
      downloadBlob(file, file.name, this.#host.ownerDocument);
    } catch (error) {
      this.#host.fail(error);
    }
  }

  async fullscreen() {
    try {
      await toggleFullscreen(this.#host.frame);
    } catch (error) {
      this.#host.fail(new ImageFieldError('fullscreen_refused',
        `full screen was refused (${error?.message ?? error}); it needs a click or key press, and an allowfullscreen iframe`));
    }
  }

  async share() {
    let file;
    try {
      file = await this.#host.file();
    } catch (error) {
      this.#host.fail(error);
      return;
    }
    try {
      await navigator.share({ files: [file], title: this.#host.label || file.name });
    } catch (error) {
      if (error?.name === 'AbortError') return;  // the user closed the share sheet
      this.#host.fail(new ImageFieldError('share_failed', `sharing failed (${error?.name}: ${error?.message}); use download instead`));
    }
  }
}
