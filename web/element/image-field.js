// <image-field>: the element shell. It wires the sources (upload, webcam,
// clipboard), the preview and the toolbar to one value, and reports every
// change with the events of the DESIGN (§5). Pixel work is the core's, in the
// page's core Worker where there is one (field-work.js).
import { loadCore } from '../core.js';
import { ImageFieldError } from '../errors.js';
import { Annotations } from './annotations.js';
import { ATTRIBUTES, defineReflectedProperties } from './attributes.js';
import { fileFromPasteEvent, readClipboardImage } from './clipboard-source.js';
import { Preview } from './preview.js';
import { mergeStrings } from './strings.js';
import { STYLES } from './styles.js';
import { downloadBlob, parseButtons, toggleFullscreen } from './toolbar.js';
import { sharedDecoder } from './shared-decoder.js';
import { namedLikeSvg } from './svg-source.js';
import { buildShadowContent, cssLength, queryParts, renderView } from './view.js';
import { wireDrop, wireFileInput } from './upload-source.js';
import { extensionOf, isNpyName } from './value-adapter.js';
import { frameSource, runFieldWork, runsInWorker } from './field-work.js';
import { WebcamSource } from './webcam-source.js';


let sharedSheet = null;


export class ImageField extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = Object.keys(ATTRIBUTES);

  #internals;
  #parts;
  #preview;
  #webcam;
  #annotations;
  #overlaySteps = Promise.resolve();
  #strings = mergeStrings();
  #raster = null;        // what is shown, watermark included
  #value = null;         // #raster as the page's `type`
  #ownedUrl = null;      // object URL handed out for type="url"
  #fileName = '';
  #encoded = null;       // { raster, format, blob }: the form's file of #raster, made with it
  #picked = null;        // the source view picked by the user; the first listed one until then
  #action = 0;           // the latest user or page action; older ones are dropped
  #watermark = null;
  #markRaster = null;    // Promise of the watermark's raster
  #streamTimer = 0;
  #constraints = undefined;
  #decoder = undefined;  // undefined: the page's shared ContainedDecoder
  #onDocumentPaste = (event) => this.#onPaste(event, true);
  #onFullscreenChange = () => this.#render();

  constructor() {
    super();
    this.#internals = this.attachInternals?.() ?? null;
    const root = this.attachShadow({ mode: 'open', delegatesFocus: false });
    if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      // A constructed sheet is not inline style: it works under a CSP without 'unsafe-inline'.
      sharedSheet ??= new CSSStyleSheet();
      if (!sharedSheet.cssRules.length) sharedSheet.replaceSync(STYLES);
      root.adoptedStyleSheets = [sharedSheet];
    } else {
      const style = document.createElement('style');
      style.textContent = STYLES;
      root.append(style);
    }
    root.append(buildShadowContent());
    this.#parts = queryParts(root);
    this.#preview = new Preview(this.#parts.img, this.#parts.canvas);
    this.#webcam = new WebcamSource(this.#parts.video);
    this.#annotations = new Annotations({
      overlay: this.#parts.overlay, frame: this.#parts.frame, legend: this.#parts.legend, host: this,
    });
    // Native input/change of inner controls are not this element's events.
    for (const type of ['input', 'change']) root.addEventListener(type, (event) => event.stopPropagation());
    this.#wire();
  }

  connectedCallback() {
    // Properties a page set before the element was defined shadow the accessors: replay them.
    for (const property of [...Object.values(ATTRIBUTES).map((a) => a.property), 'watermark', 'strings', 'webcamConstraints', 'boxes', 'masks', 'decoder', 'value']) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
      }
    }
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
    this.#annotations.connect();
    this.#render();
    this.#updateForm();
    if (this.pasteAnywhere) document.addEventListener('paste', this.#onDocumentPaste);
    // The main-thread core is loaded only where the field's pixel work runs there.
    if (!runsInWorker(this.decoder)) loadCore().catch((error) => this.#fail(new ImageFieldError('invalid_argument', error.message)));
  }

  disconnectedCallback() {
    document.removeEventListener('paste', this.#onDocumentPaste);
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    this.#annotations.disconnect();
    this.#stopCamera();
    if (this.#preview.objectUrl) this.#restorePreview();  // drops the pending file preview's URL
  }

  attributeChangedCallback(name, previous, next) {
    if (name === 'paste-anywhere' && this.isConnected) {
      document.removeEventListener('paste', this.#onDocumentPaste);
      if (next !== null) document.addEventListener('paste', this.#onDocumentPaste);
    }
    if (name === 'sources' && this.#source !== 'webcam') this.#stopCamera();
    if ((name === 'required' || name === 'name') && previous !== next) this.#updateForm();
    if (name === 'interactive' && next === null) this.#stopCamera();
    if ((name === 'type' || name === 'format') && previous !== next && this.#raster) this.#retype();
    this.#render();
  }

  // ---- properties and methods of the public API -------------------------

  /** What is shown, as the `type` asks; null when empty. Setting it fires `change` once processed. */
  get value() {
    return this.#value;
  }

  set value(value) {
    this.#fromPage(value);
  }

  get watermark() {
    return this.#watermark;
  }

  set watermark(mark) {
    this.#watermark = mark ?? null;
    this.#markRaster = mark
      ? this.#work({ value: mark }, { mode: 'none', type: 'array', shown: false, encode: null, maxSize: 0, maxPixels: 0, allowSvg: false })
        .then((result) => result.raster)
      : null;
    this.#markRaster?.catch((error) => this.#fail(error));
  }

  /** Box layers drawn over the image, as core.Image takes them; invalid ones fire `error` and keep the previous. */
  get boxes() {
    return this.#annotations.boxes;
  }

  set boxes(boxes) {
    this.#overlayStep((core) => this.#annotations.setBoxes(core, boxes));
  }

  /** Mask layers drawn over the image, as core.Image takes them; they must match the image size. */
  get masks() {
    return this.#annotations.masks;
  }

  set masks(masks) {
    this.#overlayStep((core) => this.#annotations.setMasks(core, masks));
  }

  // At once when the core is there (the getter then returns the new layers), in order otherwise.
  #overlayStep(step) {
    const run = (core) => {
      try {
        step(core);
      } catch (error) {
        this.#fail(error);
      }
    };
    if (this.#coreNow) run(this.#coreNow);
    else this.#overlaySteps = this.#overlaySteps.then(() => this.#core()).then(run, (error) => this.#fail(error));
  }

  /** MediaTrackConstraints for the camera (the `video` member of getUserMedia's constraints). */
  get webcamConstraints() {
    return this.#constraints;
  }

  set webcamConstraints(constraints) {
    this.#constraints = constraints ?? undefined;
  }

  /**
   * Where the field's pixel work runs: by default one ContainedDecoder shared
   * by the page, whose Worker does all of it (decode, conversion, watermark,
   * encoding). A page-given object with only decode(bytes, options) decodes
   * the files the browser cannot read, the rest then runs on the main thread.
   */
  get decoder() {
    if (this.#decoder === undefined) return sharedDecoder();
    return this.#decoder;
  }

  set decoder(decoder) {
    if (decoder !== null && decoder !== undefined && typeof decoder.decode !== 'function') {
      throw new ImageFieldError('invalid_argument', 'decoder must have a decode(bytes, options) method returning a Promise of a raster (a ContainedDecoder), or be null');
    }
    this.#decoder = decoder ?? undefined;
  }

  get strings() {
    return this.#strings;
  }

  set strings(overrides) {
    this.#strings = mergeStrings(overrides);
    this.#render();
    this.#updateForm();
  }

  get form() { return this.#internals?.form ?? null; }
  get validity() { return this.#internals?.validity; }
  get validationMessage() { return this.#internals?.validationMessage ?? ''; }
  checkValidity() { return this.#internals?.checkValidity() ?? true; }
  reportValidity() { return this.#internals?.reportValidity() ?? true; }

  /** Removes the image as the user's remove button does: `clear` → `input` → `change`. */
  clear() {
    this.#action++;
    this.#stopCamera();
    this.#commit(null, null, '');
    this.#emit('clear', {});
    this.#emit('input', { value: null });
    this.#emit('change', { value: null });
  }

  /** Opens the file chooser (needs a user gesture, as every file input does). */
  openFilePicker() {
    if (!this.interactive) return;
    this.#parts.fileInput.click();
  }

  /** Reads an image from the clipboard. Resolves true once the value is set, false on failure (an `error` event says why). */
  async pasteFromClipboard() {
    const action = ++this.#action;
    try {
      const file = await readClipboardImage();
      return await this.#fromUser(file, 'clipboard', { action });
    } catch (error) {
      if (action === this.#action) this.#fail(error);
      return false;
    }
  }

  /** Takes a photo, starting the camera first if needed. Resolves true once the value is set. */
  async capture() {
    if (!this.#webcam.active && !(await this.#startCamera())) return false;
    const action = ++this.#action;
    try {
      const frame = { ...frameSource(this.#webcam, this.mirror, this.decoder), keepFile: true };
      this.#stopCamera();
      return await this.#fromUser(null, 'webcam', { action, frame });
    } catch (error) {
      if (action === this.#action) this.#fail(error);
      return false;
    }
  }

  /**
   * Camera frames as values of the field's `type`, one per `next()`: a frame is
   * grabbed only when the consumer asks. Starts the camera if needed; ends
   * when the camera stops.
   */
  async* frames() {
    if (!this.#webcam.active && !(await this.#startCamera())) return;
    while (this.#webcam.active) {
      yield await this.#frameValue();
    }
  }

  // ---- wiring -------------------------------------------------------------

  #wire() {
    const p = this.#parts;
    p.dropzone.addEventListener('click', () => this.openFilePicker());  // a real button: Enter and Space click it
    wireFileInput(p.fileInput, (file) => this.#fromUser(file, 'upload'));
    wireDrop(p.frame, p.frame, {
      enabled: () => this.interactive && this.#sourceList().includes('upload'),
      onFile: (file) => this.#fromUser(file, 'upload'),
    });
    this.addEventListener('paste', (event) => this.#onPaste(event, false));
    p.start.addEventListener('click', () => this.#startCamera());
    p.capture.addEventListener('click', () => this.capture());
    p.devices.addEventListener('change', () => this.#startCamera(p.devices.value));
    p.remove.addEventListener('click', () => this.clear());
    p.download.addEventListener('click', () => this.#download());
    p.fullscreen.addEventListener('click', () => toggleFullscreen(p.frame).catch((error) => this.#fail(
      new ImageFieldError('invalid_argument', `full screen was refused (${error.message})`))));
    p.share.addEventListener('click', () => this.#share());
    p.frame.addEventListener('click', (event) => {
      if (!this.#raster || event.target !== this.#preview.shown) return;
      const index = this.#preview.pixelAt(event.clientX, event.clientY);
      if (index) this.#emit('select', { index });
    });
    for (const button of p.sourceButtons) {
      button.addEventListener('click', () => {
        const source = button.dataset.source;
        if (source === 'clipboard') this.pasteFromClipboard();
        else this.#switchSource(source);
      });
    }
  }

  get #source() {
    const sources = this.#sourceList();
    return sources.includes(this.#picked) ? this.#picked : (sources.find((s) => s !== 'clipboard') ?? 'upload');
  }

  #sourceList() {
    return this.sources.split(/[\s,]+/).filter((source) => ['upload', 'webcam', 'clipboard'].includes(source));
  }

  #switchSource(source) {
    if (source !== 'webcam') this.#stopCamera();
    this.#picked = source;
    this.#render();
  }

  #onPaste(event, fromDocument) {
    if (!this.interactive || !this.#sourceList().includes('clipboard')) return;
    if (fromDocument) {
      if (event.composedPath().includes(this)) return;  // handled by the field's own listener
      const target = event.composedPath()[0];
      if (target?.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName)) return;
    }
    event.preventDefault();
    const action = ++this.#action;
    let file;
    try {
      file = fileFromPasteEvent(event);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#fromUser(file, 'clipboard', { action });
  }

  // ---- the value ------------------------------------------------------------

  #coreNow = null;

  async #core() {
    this.#coreNow ??= await loadCore();
    return this.#coreNow;
  }

  /**
   * One pipeline request for this field (pixel-pipeline.js): the source in
   * the field's mode, stamped when `stamp`, as `type`, with the preview's
   * pixels (`shown`) and the form's file (`encode`: a format, or null).
   */
  async #work(source, { stamp = false, ...overrides } = {}) {
    const request = {
      source,
      mode: this.imageMode,
      layout: this.layout,
      maxSize: this.maxSize,
      maxPixels: this.maxPixels,
      allowSvg: this.allowSvg,
      type: this.type,
      format: this.format,
      shown: true,
      encode: this.name ? this.format : null,
      mark: stamp && this.#markRaster ? await this.#markRaster : null,
      position: this.watermarkPosition.trim(),
      ...overrides,
    };
    const result = await runFieldWork(request, this.decoder);
    return { ...result, type: request.type, encodeFormat: request.encode };
  }

  /** The page's value of a result: `url` values are made here, once the result is the one kept. */
  #publicValue(result) {
    return result.type === 'url' ? URL.createObjectURL(result.value) : result.value;
  }

  /** A user's file (or camera frame): `upload` → `input` → `change`, or `error` keeping the value. */
  async #fromUser(file, source, { action = ++this.#action, frame } = {}) {
    if (source !== 'webcam') {
      this.#stopCamera();
      // At once, before decoding; a browser cannot show .npy, and an SVG the
      // field refuses is never shown, not even in the <img>.
      if (!isNpyName(file.name) && (this.allowSvg || !namedLikeSvg(file))) this.#preview.showFile(file);
      this.#render();
    }
    try {
      const result = await this.#work(frame ?? { value: file }, { stamp: this.watermarkUploads });
      if (action !== this.#action) return false;
      const picked = file ?? new File([result.file], 'webcam.png', { type: 'image/png' });
      const value = this.#publicValue(result);
      await this.#commit(result, value, picked.name);
      if (action !== this.#action) return false;
      this.#emit('upload', { source, file: picked });
      this.#emit('input', { value });
      this.#emit('change', { value });
      return true;
    } catch (error) {
      if (action === this.#action) {
        this.#restorePreview();
        this.#fail(error);
      }
      return false;
    }
  }

  /** A value set by the page: `change` only. */
  async #fromPage(input) {
    const action = ++this.#action;
    this.#stopCamera();
    if (input === null || input === undefined) {
      await this.#commit(null, null, '');
      this.#emit('change', { value: null });
      return;
    }
    try {
      const result = await this.#work({ value: input }, { stamp: true });
      if (action !== this.#action) return;
      const name = typeof File !== 'undefined' && input instanceof File ? input.name : '';
      const value = this.#publicValue(result);
      await this.#commit(result, value, name);
      if (action !== this.#action) return;
      this.#emit('change', { value });
    } catch (error) {
      if (action === this.#action) this.#fail(error);
    }
  }

  /** Shows and keeps a pipeline result (null: empty). Without `shown` pixels the canvas keeps what it has. */
  async #commit(result, value, fileName) {
    const raster = result?.raster ?? null;
    if (result?.encoded) this.#encoded = { raster, format: result.encodeFormat, blob: result.encoded };
    else if (this.#encoded?.raster !== raster) this.#encoded = null;
    if (this.#ownedUrl && this.#ownedUrl !== value) URL.revokeObjectURL(this.#ownedUrl);
    this.#ownedUrl = this.type === 'url' && typeof value === 'string' ? value : null;
    this.#raster = raster;
    this.#value = value;
    this.#fileName = fileName;
    this.#parts.message.textContent = '';
    if (raster && result.shown) this.#preview.showPixels(result.shown);
    else if (raster) this.#preview.showDrawn();
    else this.#preview.clear();
    try {
      this.#annotations.show(this.#coreNow, raster);
    } catch (error) {
      this.#fail(error);  // masks of another size: the image is shown without them
    }
    this.#render();
    await this.#updateForm();
  }

  /** The same image in the new `type`/`format`: the picture did not change, so no event. */
  async #retype() {
    const action = this.#action;
    const raster = this.#raster;
    try {
      // The raster stays the same object (and is the value itself for type="array").
      const result = this.type === 'array'
        ? { raster, value: raster, type: 'array', shown: null, encoded: null }
        : await this.#work({ value: raster }, { mode: 'none', shown: false });
      if (action !== this.#action || raster !== this.#raster) return;
      await this.#commit({ ...result, raster }, this.#publicValue(result), this.#fileName);
    } catch (error) {
      this.#fail(error);
    }
  }

  #restorePreview() {
    if (this.#raster) this.#preview.showDrawn();
    else this.#preview.clear();
    this.#render();
  }

  #downloadName() {
    const stem = (this.#fileName || 'image').replace(/\.[^./\\]*$/, '') || 'image';
    return `${stem}.${extensionOf(this.format)}`;
  }

  async #encodedFile() {
    const raster = this.#raster;
    let blob = this.#encoded?.raster === raster && this.#encoded.format === this.format ? this.#encoded.blob : null;
    if (!blob) {
      blob = (await this.#work({ value: raster }, { mode: 'none', type: 'blob', shown: false, encode: null })).value;
    }
    return new File([blob], this.#downloadName(), { type: blob.type });
  }

  async #updateForm() {
    if (!this.#internals) return;
    const raster = this.#raster;
    let file = null;
    if (raster && this.name) {
      try {
        file = await this.#encodedFile();
      } catch (error) {
        this.#fail(error);
      }
    }
    if (raster !== this.#raster) return;  // a newer value took over while encoding
    if (file) {
      this.#internals.setFormValue(file);  // submitted under the `name` attribute
    } else {
      this.#internals.setFormValue(null);
    }
    if (this.required && !raster) {
      this.#internals.setValidity({ valueMissing: true }, this.#strings.valueMissing, this.#parts.dropzone);
    } else {
      this.#internals.setValidity({});
    }
  }

  formResetCallback() {
    this.#action++;
    this.#stopCamera();
    this.#commit(null, null, '');
  }

  formDisabledCallback(disabled) {
    this.#parts.frame.inert = disabled;
    this.#parts.sources.inert = disabled;
  }

  async #download() {
    try {
      downloadBlob(await this.#encodedFile(), this.#downloadName(), this.ownerDocument);
    } catch (error) {
      this.#fail(error);
    }
  }

  async #share() {
    try {
      const file = await this.#encodedFile();
      await navigator.share({ files: [file], title: this.label || file.name });
    } catch (error) {
      if (error?.name !== 'AbortError') this.#fail(new ImageFieldError('invalid_argument', `sharing failed (${error.message})`));
    }
  }

  // ---- camera -------------------------------------------------------------

  async #startCamera(deviceId) {
    if (!this.interactive) return false;
    this.#picked = 'webcam';
    this.#render();
    try {
      const started = await this.#webcam.start({ constraints: this.webcamConstraints, deviceId, strings: this.#strings });
      if (!started) return false;
      this.#parts.message.textContent = '';
      await this.#listDevices();
      this.#startStreaming();
      this.#render();
      return true;
    } catch (error) {
      this.#render();
      this.#fail(error);
      return false;
    }
  }

  async #listDevices() {
    const devices = await WebcamSource.devices();
    const select = this.#parts.devices;
    select.replaceChildren(...devices.map((device, index) => {
      const option = document.createElement('option');
      option.value = device.deviceId;
      option.textContent = device.label || `${this.#strings.chooseCamera} ${index + 1}`;
      return option;
    }));
    select.value = this.#webcam.deviceId;
    this.#parts.devicePicker.hidden = devices.length < 2;
  }

  #stopCamera() {
    clearInterval(this.#streamTimer);
    this.#streamTimer = 0;
    this.#webcam.stop();
    this.#render();
  }

  async #frameValue() {
    const result = await this.#work(frameSource(this.#webcam, this.mirror, this.decoder), { shown: false, encode: null });
    return this.#publicValue(result);
  }

  #startStreaming() {
    clearInterval(this.#streamTimer);
    if (!this.streamEvery) return;
    let busy = false;
    this.#streamTimer = setInterval(async () => {
      if (busy || !this.#webcam.active) return;  // a slow consumer skips ticks rather than queueing them
      busy = true;
      try {
        this.#emit('stream', { value: await this.#frameValue() });
      } catch (error) {
        this.#fail(error);
      } finally {
        busy = false;
      }
    }, this.streamEvery * 1000);
  }

  // ---- output -------------------------------------------------------------

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #fail(error) {
    const code = error?.code ?? 'invalid_argument';
    const message = error?.message ?? String(error);
    this.#parts.message.textContent = message;
    this.#emit('error', { code, message });
  }

  #render() {
    this.style.setProperty('--image-field-height', cssLength(this.height));
    this.style.setProperty('--image-field-width', cssLength(this.width));
    if (!this.height) this.style.removeProperty('--image-field-height');
    if (!this.width) this.style.removeProperty('--image-field-width');
    renderView(this.#parts, {
      strings: this.#strings,
      label: this.label,
      showLabel: this.showLabel,
      alt: this.alt,
      placeholder: this.placeholder,
      interactive: this.interactive,
      filled: this.#raster !== null,
      previewing: this.#preview.objectUrl !== null,
      sources: this.#sourceList(),
      source: this.#source,
      cameraOn: this.#webcam.active,
      mirror: this.mirror,
      buttons: parseButtons(this.getAttribute('buttons')),
      fullscreen: this.shadowRoot.fullscreenElement === this.#parts.frame,  // the document only sees the host
      fullscreenEnabled: this.ownerDocument.fullscreenEnabled,
    });
    this.#annotations.setLabel(this.#strings.legend);
    // A file still decoding covers the old picture: its overlay would not fit.
    this.#parts.overlay.style.visibility = this.#preview.objectUrl ? 'hidden' : '';
  }
}

defineReflectedProperties(ImageField.prototype);
