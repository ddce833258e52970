// Types of web/element/image-field.js: the <image-field> element.
import type { ErrorCode } from '../core/error.js';
import type { ArrayInput, Layout, Mode, ModelTensor, Raster, TensorOptions } from '../core/core.js';
import type { BoxesLayer, ImageOptions, MaskLayer } from '../core/image.js';
import type { ContainedDecoder } from '../pipeline/contained-decoder.js';

/** Where an `<image-field>` value came from, in the `upload` event. */
export type ImageFieldSource = 'upload' | 'webcam' | 'clipboard';

/** What `.value` holds, chosen by the `type` attribute (`tensor`: a {@link ModelTensor}, as `core.toTensor` returns it). */
export type ImageFieldValue = Raster | ImageData | Blob | string | ModelTensor;

/** Everything `.value` accepts. Typed arrays need a `shape` (`{data, shape}` or a tensor). */
export type ImageFieldInput = Raster | ImageData | Blob | File | string | URL | ArrayInput | null;

/** Every text the element shows; set any subset through {@link ImageField.strings}. */
export interface ImageFieldStrings {
  fieldName: string; dropHeading: string; dropHint: string; empty: string;
  sourceUpload: string; sourceWebcam: string; sourceClipboard: string;
  startCamera: string; capture: string; chooseCamera: string;
  download: string; fullscreen: string; exitFullscreen: string; share: string; remove: string;
  /** Accessible name of the legend of overlay classes ("Classes"). */
  legend: string;
  valueMissing: string; cameraDenied: string; cameraUnavailable: string; cameraInsecure: string;
}

/** `detail` of each event the element fires (CustomEvent, bubbles, composed). */
export interface ImageFieldEventMap {
  /** A user's image was accepted (file chooser, drop, paste, camera); then `input` and `change`. */
  upload: CustomEvent<{ source: ImageFieldSource; file: File }>;
  /** After `upload` or `clear`. */
  input: CustomEvent<{ value: ImageFieldValue | null }>;
  /** Once per action: after `input`, or alone when the page set `.value`. */
  change: CustomEvent<{ value: ImageFieldValue | null }>;
  /** The remove button or `clear()`; then `input` and `change` with `value: null`. */
  clear: CustomEvent<Record<string, never>>;
  /** A click on the image: natural pixel coordinates, letterbox bars excluded. */
  select: CustomEvent<{ index: [number, number] }>;
  /** A camera frame every `stream-every` seconds while the camera runs. */
  stream: CustomEvent<{ value: ImageFieldValue }>;
  /** Anything failed; the previous value is kept and the message is shown in the field. */
  error: CustomEvent<{ code: ErrorCode; message: string }>;
}

/**
 * Every event an `<image-field>` dispatches or receives: its own events
 * ({@link ImageFieldEventMap}, which replace the DOM's `change`, `input`,
 * `select` and `error`) and the rest of `HTMLElementEventMap` (`click`, `focus`...).
 */
export type ImageFieldElementEventMap = Omit<HTMLElementEventMap, keyof ImageFieldEventMap> & ImageFieldEventMap;

/**
 * `<image-field>`: an image input/output field. The class is exported by
 * `imagefield/element`, which also defines the tag; `imagefield` re-exports
 * only this type, so the core stays importable without a DOM (Node, workers).
 *
 * Attributes reflect to the camel-cased properties below. The field takes
 * images from the user unless `readonly` (a display) or `disabled`.
 *
 * Shadow parts: `label`, `frame`, `dropzone`, `empty`, `image`, `video`,
 * `camera-controls`, `device-select`, `toolbar`, `sources`, `error`, and
 * `button` on every button plus `start-camera-button`, `capture-button`,
 * `download-button`, `fullscreen-button`, `share-button`, `remove-button`,
 * `source-button`. Overlays: `overlay` (the canvas of boxes and masks over the
 * image), `legend` (the group of class toggles under the frame),
 * `legend-item` (each toggle button, `aria-pressed="true"` while its class is
 * drawn) and `legend-swatch` (its colour).
 *
 * CSS custom properties: `--image-field-background`, `--image-field-color`,
 * `--image-field-muted`, `--image-field-border`, `--image-field-accent`,
 * `--image-field-error`, `--image-field-radius`, `--image-field-button-radius`,
 * `--image-field-height` (240px), `--image-field-width` (320px),
 * `--image-field-upscale-rendering` (`pixelated` for images shown at 2× or more),
 * `--image-field-mask-opacity` (0.45, the opacity of mask colours),
 * `--image-field-box-width` (2, box line width in CSS pixels),
 * `--image-field-caption-size` (12, box caption font size in CSS pixels).
 * Overlays are drawn in screen space (the displayed size × devicePixelRatio,
 * redrawn on resize), so lines and captions stay sharp at any size.
 *
 * Form-associated: with `name`, the value is submitted as a file encoded in
 * `format`; `required` makes an empty field invalid; a form reset empties it.
 */
export interface ImageField extends HTMLElement {
  /** `sources`: "upload webcam clipboard" (default); the first listed view is shown first. */
  sources: string;
  /** `image-mode`: the mode of every value (default `RGB`); `none` keeps the file's own mode. */
  imageMode: Mode | 'none';
  /**
   * `type`: `array` (a {@link Raster}, default), `imagedata`, `blob`, `url`
   * (an object URL the field revokes when its value changes) or `tensor` (a
   * {@link ModelTensor} made from the image by `core.toTensor` with
   * {@link ImageField.tensorOptions}, in the field's Worker; the preview still
   * shows the image, and a form still submits the image's file).
   */
  type: 'array' | 'imagedata' | 'blob' | 'url' | 'tensor';
  /** `format`: encoding for blob/url values, downloads and forms: `png` (default, by the core), `bmp` (core), `jpeg`, `webp` (browser). */
  format: 'png' | 'bmp' | 'jpeg' | 'webp';
  /** `label`, shown above the field (as text). */
  label: string;
  /** `show-label`: on unless `show-label="false"`. */
  showLabel: boolean;
  /** `placeholder`: text of the empty field; a first line starting with `#` is its heading. Never parsed as HTML. */
  placeholder: string;
  /** `height`: a number of pixels or any CSS length (default: `--image-field-height`, 240px). */
  height: string;
  /** `width`: a number of pixels or any CSS length (default: `--image-field-width`, 320px). */
  width: string;
  /**
   * Whether the user may change the value now (neither readonly nor disabled).
   * The `interactive` attribute is kept for older pages and has no effect;
   * setting this property to false sets `readonly`, to true removes it.
   */
  interactive: boolean;
  /** `readonly`: a display field (no sources, no drop or paste, no remove button); the page still sets `value`; not validated. */
  readOnly: boolean;
  /**
   * `disabled`: every control disabled, `aria-disabled` on the field's groups,
   * no user events, not submitted. A disabled `<fieldset>` disables the field
   * the same way (through `formDisabledCallback`) without setting this.
   */
  disabled: boolean;
  /** `buttons`: toolbar buttons, "download fullscreen share" by default (share only where the Web Share API can share files). */
  buttons: string;
  /** `mirror`: mirror the camera preview and the captured pixels; on unless `mirror="false"`. */
  mirror: boolean;
  /** `stream-every`: seconds between `stream` events while the camera runs; 0 (default) for none. */
  streamEvery: number;
  /** `max-size`: largest accepted file in bytes; bigger files fail with `too_large`. */
  maxSize: number;
  /** `max-pixels`: largest accepted width × height; bigger images fail with `too_large`. */
  maxPixels: number;
  /**
   * `name`: form field name; the value is submitted as a file encoded in
   * `format`. The file is encoded before `change` fires, so a `change`
   * handler can read it from `new FormData(form)`; for very large images
   * `format="bmp"` encodes far faster than PNG.
   */
  name: string;
  /** `required`: an empty field makes its form invalid. */
  required: boolean;
  /** `alt`: text alternative of the shown image. */
  alt: string;
  /** `paste-anywhere`: take Ctrl/Cmd+V pastes anywhere on the page (not those into text inputs). */
  pasteAnywhere: boolean;
  /** `watermark-uploads`: stamp the watermark on user images too, not only on values the page sets. */
  watermarkUploads: boolean;
  /** `watermark-position`: a corner (default `bottom-right`) or `"x,y"`. */
  watermarkPosition: string;
  /**
   * `allow-svg`: accept SVG files (refused with `unsupported_file` otherwise).
   * They are only ever drawn through an `<img>` onto the canvas, where SVG runs
   * no script and loads nothing; their markup never enters the page.
   */
  allowSvg: boolean;
  /** `layout`: `hwc` (default) or `chw`, for typed-array values and dropped or chosen `.npy` files. */
  layout: Layout;

  /**
   * What is shown (watermark included), as `type` asks; null when empty.
   * Setting it decodes/converts asynchronously and fires `change` (or `error`,
   * keeping the old value) when done; reading it right after setting returns
   * the previous value until then.
   */
  get value(): ImageFieldValue | null;
  set value(value: ImageFieldInput);
  /** Stamped (not resized, 10 px margin) on every value the page sets; applies to values set after it. */
  watermark: Raster | ImageData | Blob | string | null;
  /** The `video` member of the getUserMedia constraints, e.g. `{ facingMode: 'environment' }`. */
  webcamConstraints: MediaTrackConstraints | undefined;
  /**
   * The options of `core.toTensor` for `type="tensor"` (the same object; null:
   * its defaults, a float32 NCHW tensor of the image's size in [0, 1]). The
   * tensor is bit-identical to `core.toTensor(image, tensorOptions)` of the
   * field's image (after its `image-mode` and watermark). Options of the
   * wrong type throw `invalid_argument` at once; values the core refuses fire
   * `error`. Setting them re-makes the value of the shown image (no event, as
   * for a change of `type`).
   */
  get tensorOptions(): TensorOptions | null;
  set tensorOptions(options: TensorOptions | null);
  /**
   * Box layers drawn over the image: `{ layer: { box_data: [...], class_labels? } }`,
   * as {@link ImageOptions.boxes} (the core checks them with the same rules
   * and messages). `domain: "pixel"` positions are image pixels, any other
   * domain fractions of the image, except `domain: "tensor"`: pixels of the
   * field's `type="tensor"` value (a detector's output as it is), drawn
   * where they fall on the image through the tensor's `letterbox` (or its
   * resize): image x = (x − left) / (placed width / image width). Tensors
   * made with `crop` keep no way back; tensor-space boxes then fire `error`
   * (`invalid_boxes`) and wait, kept, for a tensor value that maps them.
   * Each box is outlined in its class colour,
   * captioned with `box_caption` or else its class label. Invalid layers fire
   * `error` (`invalid_boxes`) and the previous ones stay. null removes them.
   * Boxes and masks belong to the field, not to one value: they stay when the
   * value changes, until the page sets them again.
   */
  boxes: Record<string, BoxesLayer> | null;
  /**
   * Mask layers drawn as translucent colours over the image:
   * `{ layer: { mask_data: Uint8Array | number[][], shape?: [H, W], class_labels? } }`,
   * as {@link ImageOptions.masks}; they must match the image size. Only
   * labelled class ids are drawn (without `class_labels`, every id present
   * is, as `class_<id>`). Invalid layers fire `error` (`invalid_mask`) and the
   * previous ones stay; a new image of another size fires `invalid_mask` and
   * is shown without them until masks of its size are set. null removes them.
   * The legend lists the classes of boxes and masks by id, one colour per id;
   * its buttons hide and show each class.
   */
  masks: Record<string, MaskLayer> | null;
  /**
   * Where the field's pixel work runs. By default one {@link ContainedDecoder}
   * shared by every field of the page: its Worker decodes (browser and core),
   * converts, watermarks and encodes, so a 12 MP image never blocks the page
   * and a file that crashes or hangs the decoder costs an `error` event (the
   * value is kept), never the page. Assign your own ContainedDecoder (e.g.
   * with other limits); an object with only `decode` decodes the files the
   * browser cannot read and leaves the rest to the main thread; null restores
   * the shared one. null where Workers do not exist (the work then runs on the
   * main thread).
   */
  get decoder(): Pick<ContainedDecoder, 'decode'> | null;
  set decoder(decoder: Pick<ContainedDecoder, 'decode'> | null);
  /** UI texts; assign a partial object to override some (the rest keep their defaults). */
  get strings(): Readonly<ImageFieldStrings>;
  set strings(overrides: Partial<ImageFieldStrings>);

  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  reportValidity(): boolean;

  /** Empties the field as the remove button does: `clear` → `input` → `change`; stops the camera. */
  clear(): void;
  /** Opens the file chooser (call it from a user gesture). */
  openFilePicker(): void;
  /** Reads an image with navigator.clipboard.read(); true once set, false after an `error` event. */
  pasteFromClipboard(): Promise<boolean>;
  /** Takes a photo (starting the camera if needed) and stops the camera; true once the value is set. */
  capture(): Promise<boolean>;
  /** Camera frames as values of `type` (tensors for `tensor`), grabbed only when the consumer asks for the next one; ends when the camera stops. */
  frames(): AsyncGenerator<ImageFieldValue, void, undefined>;

  addEventListener<K extends keyof ImageFieldElementEventMap>(type: K, listener: (this: ImageField, event: ImageFieldElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ImageFieldElementEventMap>(type: K, listener: (this: ImageField, event: ImageFieldElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The class `imagefield/element` exports and defines as `<image-field>`; make one with `document.createElement('image-field')`. */
export declare const ImageField: {
  new (): ImageField;
  readonly prototype: ImageField;
  readonly formAssociated: true;
  readonly observedAttributes: readonly string[];
};

declare global {
  interface HTMLElementTagNameMap {
    'image-field': ImageField;
  }
}
