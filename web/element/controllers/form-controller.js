// The field in its form: the file submitted under `name` (the value encoded
// in the field's `format`, made with the value when possible), the
// `required` validity, and the file's name for downloads and shares.
import { extensionOf } from '../../pipeline/value-adapter.js';

export class FormController {
  #internals;
  #host;
  #encoded = null;   // { raster, format, blob }: the file of a raster, made with it

  /**
   * @param {ElementInternals | null} internals
   * @param {object} host the element: name, format, required, barred (readonly: no validation), strings, dropzone, raster, fileName,
   *   encode(raster) → Promise of a Blob in the field's format, fail(error)
   */
  constructor(internals, host) {
    this.#internals = internals;
    this.#host = host;
  }

  /** Keeps the file made with a new value (`encoded`, in `format`), or forgets one of an older raster. */
  remember(raster, encoded, format) {
    if (encoded) this.#encoded = { raster, format, blob: encoded };
    else if (this.#encoded?.raster !== raster) this.#encoded = null;
  }

  /** The file name of the value, with the extension of the field's format. */
  fileName() {
    const stem = (this.#host.fileName || 'image').replace(/\.[^./\\]*$/, '') || 'image';
    return `${stem}.${extensionOf(this.#host.format)}`;
  }

  /** The value as a File in the field's format. */
  async file() {
    const { raster, format } = this.#host;
    let blob = this.#encoded?.raster === raster && this.#encoded.format === format ? this.#encoded.blob : null;
    if (!blob) blob = await this.#host.encode(raster);
    return new File([blob], this.fileName(), { type: blob.type });
  }

  /** Sets the form value and validity for the value shown now. */
  async update() {
    const internals = this.#internals;
    if (!internals) return;
    const host = this.#host;
    const { raster } = host;
    let file = null;
    if (raster && host.name) {
      try {
        file = await this.file();
      } catch (error) {
        host.fail(error);
      }
    }
    if (raster !== host.raster) return;  // a newer value took over while encoding
    internals.setFormValue(file);  // submitted under the `name` attribute; null: nothing
    if (host.required && !raster && !host.barred) {
      internals.setValidity({ valueMissing: true }, host.strings.valueMissing, host.dropzone);
    } else {
      internals.setValidity({});
    }
  }
}
