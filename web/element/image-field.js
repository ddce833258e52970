// <image-field>: the element shell. It keeps the lifecycle, the attributes and
// the events of the DESIGN (§5), and wires the sources (upload, clipboard,
// camera), the preview and the controllers (camera, form, export, overlay) to
// one value. Each user or page action gets an AbortController: a newer action
// aborts the older one, including its work in the field's Worker. Pixel work
// runs through the field's runner (pipeline/field-runner.js): in the page's
// core Worker where there is one.
import { loadCore } from '../core/load-core.js';
import { ImageFieldError } from '../core/error.js';
import { tensorOptionsToCore } from '../core/tensor-input.js';
import { FieldRunner } from '../pipeline/field-runner.js';
import { isNpyName, namedLikeSvg } from '../pipeline/file-checks.js';
import { ATTRIBUTES, defineReflectedProperties } from './attributes.js';
import { CameraController } from './controllers/camera-controller.js';
import { ExportController } from './controllers/export-controller.js';
import { FormController } from './controllers/form-controller.js';
import { OverlayController } from './controllers/overlay-controller.js';
import { SourceController } from './controllers/source-controller.js';
import { fieldRequest } from './field-request.js';
import { prepareSource } from './field-source.js';
import { Preview } from './preview.js';
import { sharedDecoder } from './shared-decoder.js';
import { readClipboardImage } from './sources/clipboard-source.js';
import { wireDrop, wireFileInput } from './sources/upload-source.js';
import { mergeStrings } from './strings.js';
import { STYLES } from './styles.js';
import { parseButtons } from './toolbar.js';
import { buildShadowContent, cssLength, queryParts, renderView } from './view.js';

let sharedSheet = null;

const superseded = () => new ImageFieldError('aborted', 'a newer action of this field replaced this one');

export class ImageField extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = Object.keys(ATTRIBUTES);

  #internals;
  #parts;
  #preview;
  #camera;
  #form;
  #export;
  #overlays;
  #sources;
  #strings = mergeStrings();
  #raster = null;        // what is shown, watermark included
  #value = null;         // #raster as the page's `type`
  #ownedUrl = null;      // object URL handed out for type="url"
  #fileName = '';
  #action = null;        // AbortController of the latest user or page action
  #watermark = null;
  #markRaster = null;    // Promise of the watermark's raster
  #constraints = undefined;
  #decoder = undefined;  // undefined: the page's shared ContainedDecoder
  #tensorOptions = null; // core.toTensor's options for type="tensor"
  #retypes = 0;          // counts #retype() calls
  #formDisabled = false; // disabled by the attribute or a disabled <fieldset> (formDisabledCallback)
  #cameraOverValue = false;  // the camera view opened over a shown value
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
    const p = queryParts(root);
    this.#parts = p;
    this.#preview = new Preview(p.img, p.canvas);
    const field = this;
    const fail = (error) => this.#fail(error);
    this.#camera = new CameraController({
      get strings() { return field.#strings; },
      get webcamConstraints() { return field.webcamConstraints; },
      get mirror() { return field.mirror; },
      get streamEvery() { return field.streamEvery; },
      render: () => this.#render(),
      fail,
      emit: (type, detail) => this.#emit(type, detail),
      frameValue: () => this.#frameValue(),
    }, p);
    this.#form = new FormController(this.#internals, {
      get name() { return field.name; },
      get format() { return field.format; },
      get required() { return field.required; },
      get barred() { return field.readOnly; },  // as a readonly input: no constraint validation
      get strings() { return field.#strings; },
      get dropzone() { return p.dropzone; },
      get raster() { return field.#raster; },
      get fileName() { return field.#fileName; },
      encode: async (raster) => (await this.#work({ value: raster }, { mode: 'none', type: 'blob', shown: false, encode: null })).value,
      fail,
    });
    this.#export = new ExportController({
      file: () => this.#form.file(),
      frame: p.frame,
      get label() { return field.label; },
      get ownerDocument() { return field.ownerDocument; },
      fail,
    });
    this.#sources = new SourceController(this, {
      get editable() { return field.#editable; },
      get pasteAnywhere() { return field.pasteAnywhere; },
      get sources() { return field.sources; },
      paste: (readFile) => this.#paste(readFile),
    });
    this.#overlays = new OverlayController({ overlay: p.overlay, frame: p.frame, legend: p.legend, element: this }, {
      run: (op, args) => this.#runner.run(op, args),
      fail,
    });
    // Native input/change of inner controls are not this element's events.
    for (const type of ['input', 'change']) root.addEventListener(type, (event) => event.stopPropagation());
    this.#wire();
  }

  connectedCallback() {
    // Properties a page set before the element was defined shadow the accessors: replay them.
    for (const property of [...Object.values(ATTRIBUTES).map((a) => a.property), 'interactive', 'watermark', 'strings', 'webcamConstraints', 'boxes', 'masks', 'decoder', 'tensorOptions', 'value']) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
      }
    }
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
    this.#overlays.connect();
    this.#render();
    this.#form.update();
    this.#sources.listenToDocument(true);
    // The main-thread core is loaded only where the field's pixel work runs there.
    if (!this.#runner.inWorker) loadCore().catch((error) => this.#fail(error));
  }

  disconnectedCallback() {
    this.#sources.listenToDocument(false);
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    this.#overlays.disconnect();
    this.#stopCamera();
    if (this.#preview.objectUrl) this.#restorePreview();  // drops the pending file preview's URL
  }

  attributeChangedCallback(name, previous, next) {
    if (name === 'sources' && this.#sources.current !== 'webcam') this.#stopCamera();
    if ((name === 'required' || name === 'name' || name === 'readonly') && previous !== next) this.#form.update();
    if ((name === 'readonly' || name === 'disabled') && !this.#editable) this.#stopCamera();
    if ((name === 'type' || name === 'format') && previous !== next && this.#raster) this.#retype();
    this.#render();
  }

  // ---- properties and methods of the public API -------------------------

  /**
   * Kept for pages written when fields were display-only by default: the
   * `interactive` attribute has no effect (a field takes images from the user
   * unless `readonly` or `disabled`). The property tells whether the user can
   * change the value now; setting it to false makes the field readonly.
   */
  get interactive() {
    return this.#editable;
  }

  set interactive(on) {
    this.readOnly = !on;
  }

  /** Neither readonly nor disabled (by its attribute or a disabled fieldset). */
  get #editable() {
    return !this.readOnly && !this.#disabled;
  }

  get #disabled() {
    return this.disabled || this.#formDisabled;
  }

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
    return this.#overlays.boxes;
  }

  set boxes(boxes) {
    this.#overlays.setBoxes(boxes);
  }

  /** Mask layers drawn over the image, as core.Image takes them; they must match the image size. */
  get masks() {
    return this.#overlays.masks;
  }

  set masks(masks) {
    this.#overlays.setMasks(masks);
  }

  /**
   * core.toTensor's options for `type="tensor"` (resize, filter, crop,
   * letterbox, scale, mean, std, channels, layout, dtype); null: its defaults.
   * Options of the wrong type throw at once; values the core refuses fire
   * `error`. Setting them re-makes the shown image's value (no event, as for `type`).
   */
  get tensorOptions() {
    return this.#tensorOptions;
  }

  set tensorOptions(options) {
    if (options !== null && options !== undefined) tensorOptionsToCore(options);  // throws invalid_argument
    this.#tensorOptions = options ?? null;
    if (this.type === 'tensor' && this.#raster) this.#retype();
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
   * encoding, overlays). A page-given object with only decode(bytes, options)
   * decodes the files the browser cannot read, the rest then runs on the main thread.
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
    this.#form.update();
  }

  get form() { return this.#internals?.form ?? null; }
  get validity() { return this.#internals?.validity; }
  get validationMessage() { return this.#internals?.validationMessage ?? ''; }
  checkValidity() { return this.#internals?.checkValidity() ?? true; }
  reportValidity() { return this.#internals?.reportValidity() ?? true; }

  /** Removes the image as the user's remove button does: `clear` → `input` → `change`. */
  clear() {
    this.#begin();
    this.#stopCamera();
    this.#commit(null, null, '');
    this.#emit('clear', {});
    this.#emit('input', { value: null });
    this.#emit('change', { value: null });
  }

  /** Opens the file chooser (needs a user gesture, as every file input does). */
  openFilePicker() {
    if (!this.#editable) return;
    this.#parts.fileInput.click();
  }

  /** Reads an image from the clipboard. Resolves true once the value is set, false on failure (an `error` event says why). */
  async pasteFromClipboard() {
    if (!this.#editable) return false;
    const signal = this.#begin();
    try {
      const file = await readClipboardImage();
      return await this.#fromUser(file, 'clipboard', { signal });
    } catch (error) {
      if (!signal.aborted) this.#fail(error);
      return false;
    }
  }

  /** Takes a photo, starting the camera first if needed. Resolves true once the value is set. */
  async capture() {
    if (!this.#camera.active && !(await this.#startCamera())) return false;
    const signal = this.#begin();
    try {
      const frame = { ...this.#camera.frame(this.#runner.inWorker), keepFile: true };
      this.#stopCamera();
      return await this.#fromUser(null, 'webcam', { signal, frame });
    } catch (error) {
      if (!signal.aborted) this.#fail(error);
      return false;
    }
  }

  /**
   * Camera frames as values of the field's `type`, one per `next()`: a frame is
   * grabbed only when the consumer asks. Starts the camera if needed; ends
   * when the camera stops.
   */
  async* frames() {
    if (!this.#camera.active && !(await this.#startCamera())) return;
    while (this.#camera.active) {
      yield await this.#frameValue();
    }
  }

  // ---- wiring -------------------------------------------------------------

  #wire() {
    const p = this.#parts;
    p.dropzone.addEventListener('click', () => this.openFilePicker());  // a real button: Enter and Space click it
    wireFileInput(p.fileInput, (file) => this.#fromUser(file, 'upload'));
    wireDrop(p.frame, p.frame, {
      enabled: () => this.#editable && this.#sources.list.includes('upload'),
      onFile: (file) => this.#fromUser(file, 'upload'),
    });
    p.start.addEventListener('click', () => this.#startCamera());
    p.capture.addEventListener('click', () => this.capture());
    p.cancelCamera.addEventListener('click', () => this.#stopCamera());
    p.devices.addEventListener('change', () => this.#startCamera(p.devices.value));
    p.remove.addEventListener('click', () => this.clear());
    p.download.addEventListener('click', () => this.#export.download());
    p.fullscreen.addEventListener('click', () => this.#export.fullscreen());
    p.share.addEventListener('click', () => this.#export.share());
    p.frame.addEventListener('click', (event) => {
      if (!this.#raster || this.#disabled || event.target !== this.#preview.shown) return;
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

  #switchSource(source) {
    if (source !== 'webcam') this.#stopCamera();
    this.#sources.pick(source);
    this.#render();
    // Over a shown value the camera opens at once; the value stays until a capture (or cancel).
    if (source === 'webcam' && this.#raster && !this.#camera.active) {
      this.#cameraOverValue = true;
      this.#startCamera();
    }
  }

  /** A pasted image: `readFile()` resolves to its file, or rejects when the paste held none. */
  async #paste(readFile) {
    const signal = this.#begin();
    let file;
    try {
      file = await readFile();
    } catch (error) {
      if (!signal.aborted) this.#fail(error);
      return;
    }
    if (!signal.aborted) this.#fromUser(file, 'clipboard', { signal });
  }

  // ---- actions and the value -------------------------------------------------

  /** A new user or page action: the previous one is aborted, with its Worker work. */
  #begin() {
    this.#action?.abort(superseded());
    this.#action = new AbortController();
    return this.#action.signal;
  }

  get #runner() {
    return new FieldRunner(this.decoder);
  }

  /** Runs one pipeline request of this field (field-request.js), stamped with the watermark when `stamp`. */
  async #work(source, { stamp = false, signal, ...overrides } = {}) {
    const mark = stamp && this.#markRaster ? await this.#markRaster : null;
    const { maxSize, allowSvg, ...request } = fieldRequest(this, source, mark, overrides);
    const prepared = await prepareSource(request.source, { maxSize, maxPixels: request.maxPixels, allowSvg }, signal);
    const result = await this.#runner.run('process', [{ ...request, source: prepared.source }], { transfer: prepared.transfer, signal });
    return { ...result, type: request.type, encodeFormat: request.encode };
  }

  /** The page's value of a result: `url` values are made here, once the result is the one kept. */
  #publicValue(result) {
    return result.type === 'url' ? URL.createObjectURL(result.value) : result.value;
  }

  /** A user's file (or camera frame): `upload` → `input` → `change`, or `error` keeping the value. */
  async #fromUser(file, source, { signal = this.#begin(), frame } = {}) {
    if (source !== 'webcam') {
      this.#stopCamera();
      // At once, before decoding; a browser cannot show .npy, and an SVG the
      // field refuses is never shown, not even in the <img>.
      if (!isNpyName(file.name) && (this.allowSvg || !namedLikeSvg(file))) this.#preview.showFile(file);
      this.#render();
    }
    try {
      const result = await this.#work(frame ?? { value: file }, { stamp: this.watermarkUploads, signal });
      if (signal.aborted) return false;
      const picked = file ?? new File([result.file], 'webcam.png', { type: 'image/png' });
      const value = this.#publicValue(result);
      await this.#commit(result, value, picked.name);
      if (signal.aborted) return false;
      this.#emit('upload', { source, file: picked });
      this.#emit('input', { value });
      this.#emit('change', { value });
      return true;
    } catch (error) {
      if (!signal.aborted) {
        this.#restorePreview();
        this.#fail(error);
      }
      return false;
    }
  }

  /** A value set by the page: `change` only. */
  async #fromPage(input) {
    const signal = this.#begin();
    this.#stopCamera();
    if (input === null || input === undefined) {
      await this.#commit(null, null, '');
      this.#emit('change', { value: null });
      return;
    }
    try {
      const result = await this.#work({ value: input }, { stamp: true, signal });
      if (signal.aborted) return;
      const name = typeof File !== 'undefined' && input instanceof File ? input.name : '';
      const value = this.#publicValue(result);
      await this.#commit(result, value, name);
      if (signal.aborted) return;
      this.#emit('change', { value });
    } catch (error) {
      if (!signal.aborted) this.#fail(error);
    }
  }

  /** Shows and keeps a pipeline result (null: empty). Without `shown` pixels the canvas keeps what it has. */
  async #commit(result, value, fileName) {
    const raster = result?.raster ?? null;
    this.#form.remember(raster, result?.encoded, result?.encodeFormat);
    if (this.#ownedUrl && this.#ownedUrl !== value) URL.revokeObjectURL(this.#ownedUrl);
    this.#ownedUrl = this.type === 'url' && typeof value === 'string' ? value : null;
    this.#raster = raster;
    this.#value = value;
    this.#fileName = fileName;
    this.#parts.message.textContent = '';
    if (raster && result.shown) this.#preview.showPixels(result.shown);
    else if (raster) this.#preview.showDrawn();
    else this.#preview.clear();
    // Masks of another size, or tensor-space boxes with no tensor: `error`, the image is shown without them.
    const overlays = this.#overlays.show(raster, result?.toImage ?? null);
    this.#render();
    await Promise.all([overlays, this.#form.update()]);
  }

  /** The same image in the new `type`/`format`: the picture did not change, so no event. */
  async #retype() {
    const signal = this.#action?.signal;
    const raster = this.#raster;
    const retyping = ++this.#retypes;  // of several in flight (type, format, tensorOptions), the latest wins
    try {
      // The raster stays the same object (and is the value itself for type="array").
      const result = this.type === 'array'
        ? { raster, value: raster, type: 'array', shown: null, encoded: null }
        : await this.#work({ value: raster }, { mode: 'none', shown: false, signal });
      if (signal?.aborted || raster !== this.#raster || retyping !== this.#retypes) return;
      await this.#commit({ ...result, raster }, this.#publicValue(result), this.#fileName);
    } catch (error) {
      if (!signal?.aborted) this.#fail(error);
    }
  }

  #restorePreview() {
    if (this.#raster) this.#preview.showDrawn();
    else this.#preview.clear();
    this.#render();
  }

  formResetCallback() {
    this.#begin();
    this.#stopCamera();
    this.#commit(null, null, '');
  }

  /** Called for the `disabled` attribute and for a disabled ancestor <fieldset>, as for built-in controls. */
  formDisabledCallback(disabled) {
    this.#formDisabled = disabled;
    if (!this.#editable) this.#stopCamera();
    this.#render();
  }

  // ---- camera -------------------------------------------------------------

  async #startCamera(deviceId) {
    if (!this.#editable) return false;
    this.#sources.pick('webcam');
    this.#render();
    return this.#camera.start(deviceId);
  }

  #stopCamera() {
    this.#cameraOverValue = false;
    this.#camera.stop();
    this.#render();
  }

  async #frameValue() {
    const result = await this.#work(this.#camera.frame(this.#runner.inWorker), { shown: false, encode: null });
    return this.#publicValue(result);
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
      editable: this.#editable,
      disabled: this.#disabled,
      filled: this.#raster !== null,
      cameraOverValue: this.#cameraOverValue,
      previewing: this.#preview.objectUrl !== null,
      sources: this.#sources.list,
      source: this.#sources.current,
      cameraOn: this.#camera.active,
      mirror: this.mirror,
      buttons: parseButtons(this.getAttribute('buttons')),
      fullscreen: this.shadowRoot.fullscreenElement === this.#parts.frame,  // the document only sees the host
      fullscreenEnabled: this.ownerDocument.fullscreenEnabled,
    });
    this.#overlays.setLabel(this.#strings.legend);
    this.#overlays.setDisabled(this.#disabled);
    // A file still decoding covers the old picture: its overlay would not fit.
    this.#parts.overlay.style.visibility = this.#preview.objectUrl ? 'hidden' : '';
  }
}

defineReflectedProperties(ImageField.prototype);
