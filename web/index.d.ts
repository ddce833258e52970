/**
 * imagefield — images in, arrays out, in the page.
 *
 * The core is C++ compiled to WebAssembly. Everything it returns is a plain
 * object or a fresh typed array: no Wasm handle escapes, nothing needs
 * `.delete()`, and nothing points into Wasm memory that may move.
 */

/** PIL image modes. 8-bit modes store one byte per band; `I` is int32, `F` float32. */
export type Mode = '1' | 'L' | 'LA' | 'P' | 'RGB' | 'RGBA' | 'CMYK' | 'YCbCr' | 'LAB' | 'HSV' | 'I' | 'F';

/** Axis order of an array: `hwc` (numpy, channels last) or `chw` (torch, channels first). */
export type Layout = 'hwc' | 'chw';

/** File types the core encodes. `jpg` and `jpeg` are the same. */
export type FileType = 'png' | 'jpg' | 'jpeg' | 'bmp' | 'tga';

/** Stable error codes; see {@link ImageFieldError}. */
export type ErrorCode =
  | 'invalid_shape' | 'invalid_mode' | 'invalid_format' | 'invalid_argument'
  | 'decode_failed' | 'too_large' | 'invalid_boxes' | 'invalid_mask' | 'invalid_classes'
  | 'camera_unavailable' | 'camera_denied' | 'clipboard_empty' | 'clipboard_denied' | 'unsupported_file';

/**
 * An image as pixels: interleaved rows (HWC), no padding.
 * `data` is a Uint8Array for 8-bit modes (width·height·bands bytes), an
 * Int32Array for `I` and a Float32Array for `F`. Mode `1` stores one byte per
 * pixel, 0 or 255. Mode `P` carries `palette`: RGB triplets, one per index.
 * An `ImageData` is accepted wherever a raster is (as RGBA).
 */
export interface Raster {
  width: number;
  height: number;
  mode: Mode;
  data: Uint8Array | Uint8ClampedArray | Int32Array | Float32Array;
  palette?: Uint8Array;
}

/** Typed arrays the normalization rules accept. */
export type NumericArray =
  | Uint8Array | Uint8ClampedArray | Int8Array | Uint16Array | Int16Array
  | Uint32Array | Int32Array | Float32Array | Float64Array;

/**
 * An array with its shape: a typed array or (nested) number array, an
 * onnxruntime-web tensor `{data, dims}`, a `{data, shape}` object, or a tfjs
 * tensor (`shape` + `dataSync()`).
 */
export type ArrayInput =
  | NumericArray
  | number[] | number[][] | number[][][] | boolean[]
  | { data: NumericArray | number[]; dims: readonly number[] }
  | { data: NumericArray | number[]; shape: readonly number[] }
  | { shape: readonly number[]; dataSync(): NumericArray };

/** Thrown by every core call and reported by the element's `error` event. */
export class ImageFieldError extends Error {
  readonly name: 'ImageFieldError';
  /** Stable, machine-readable reason. */
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown });
}

/**
 * Hard limits for decoding untrusted bytes. Exceeding any of them throws
 * `too_large` before (or, for maxDecodeBytes, while) the file is decoded.
 */
export interface DecodeLimits {
  /** Bytes of encoded input. Default 64 MiB. */
  maxFileBytes?: number;
  /** Pixels per side. Default 16384. */
  maxAxis?: number;
  /** width × height. Default 50,000,000. */
  maxPixels?: number;
  /**
   * Total bytes the decoder may allocate. Default: derived from the declared
   * size (24 bytes per pixel + 2× the file + 4 MiB), which stops
   * decompression bombs after a few MiB. A smaller value here wins.
   */
  maxDecodeBytes?: number;
}

export interface DecodeOptions extends DecodeLimits {
  /** Convert to this mode; by default the file's own mode (L, LA, RGB or RGBA). */
  mode?: Mode;
}

export interface FromArrayOptions {
  /**
   * `[H,W]`, `[H,W,C]` or `[1,H,W,C]` with `hwc`; `[H,W]`, `[C,H,W]` or `[1,C,H,W]`
   * with `chw`. C is 1–4. Taken from the tensor when it carries one.
   */
  shape?: readonly number[];
  /** Default `hwc`. */
  layout?: Layout;
  /**
   * Default true: one rule for the whole array, chosen from its global min and
   * max: [0,1] → v·255; [-1,1] → 127.5·(v+1); otherwise clip to [0,255]. Any
   * NaN selects clipping (NaN → 0); ±inf → 255/0. Results are truncated toward
   * zero (0.5 → 127). Float32 arrays are computed in float32. false: clip only.
   */
  normalize?: boolean;
  /** Read the array in its natural mode (1→L, 2→LA, 3→RGB, 4→RGBA) and convert to this one. */
  mode?: Mode;
  /** Only steers mode guessing: with `jpg`/`jpeg`, 4 channels become RGB. Default `png`. */
  fileType?: FileType;
}

export interface EncodeOptions {
  /** Default `png`. */
  format?: FileType;
  /** JPEG quality 1–100. Default 75 (as PIL and wandb). */
  quality?: number;
}

/** A corner, or the top-left of the mark as `"x,y"`, `[x, y]` or `{x, y}`. */
export type WatermarkPosition =
  | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right'
  | `${number},${number}` | readonly [number, number] | { x: number; y: number };

export interface WatermarkOptions {
  /** Default `bottom-right`. A point where the mark does not fit whole falls back to bottom-right. */
  position?: WatermarkPosition;
  /** Distance from the edges for corner positions. Default 10. */
  margin?: number;
}

/** The loaded core. Every method is synchronous and throws {@link ImageFieldError}. */
export interface Core {
  /** The limits `decode` applies when a call does not override them. */
  readonly defaultLimits: Readonly<Required<DecodeLimits>>;
  /** Current size of the Wasm linear memory in bytes (it only grows). */
  readonly wasmMemoryBytes: number;

  /** 1 channel or 2-D → L, 2 → LA, 3 → RGB, 4 → RGBA (RGB with fileType jpg/jpeg). */
  guessMode(shape: readonly number[], options?: { layout?: Layout; fileType?: FileType }): 'L' | 'LA' | 'RGB' | 'RGBA';

  /** Element-wise values → bytes by the rules described at {@link FromArrayOptions.normalize}. */
  toUint8(data: NumericArray | number[] | boolean[], options?: { normalize?: boolean }): Uint8Array;

  /** An array as an image, exactly as `wandb.Image` builds one. */
  fromArray(data: ArrayInput, options?: FromArrayOptions): Raster;

  /**
   * PNG, JPEG, GIF (first frame), BMP, TGA or PSD bytes → raster, format
   * sniffed from the bytes. Truncated or corrupt files throw `decode_failed`,
   * other formats (WebP, AVIF, TIFF, SVG, text...) `unsupported_file`, files
   * over a limit `too_large`. Never touches the network or a filesystem.
   */
  decode(bytes: Uint8Array | ArrayBuffer | ArrayBufferView, options?: DecodeOptions): Raster;

  /**
   * Raster → file bytes. L, LA, RGB and RGBA are written as they are; 1, I and F
   * as L; P, CMYK, YCbCr, HSV and LAB as RGB. JPEG drops alpha. More than
   * 2^31−1 bytes of pixels, or a side above 65535 for JPEG/TGA, throws `too_large`.
   */
  encode(raster: Raster | ImageData, options?: EncodeOptions): Uint8Array;

  /** Mode conversion with Pillow's `Image.convert(mode)` results, byte for byte. */
  convert(raster: Raster | ImageData, mode: Mode): Raster;

  /**
   * Composites `mark` over `raster` (alpha "over"), never resizing it; the
   * result keeps the raster's mode, which must be L, LA, RGB or RGBA.
   */
  watermark(raster: Raster | ImageData, mark: Raster | ImageData, options?: WatermarkOptions): Raster;
}

export interface LoadCoreOptions {
  /** Where to fetch (browser) or read (Node) the `.wasm` from. Default: `./wasm/imagefield-core.wasm` beside the module. */
  wasmUrl?: string | URL;
  /** The module's bytes, if the page already has them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/**
 * Loads the core: in a browser it fetches the `.wasm` beside the module
 * (serve it as `application/wasm`; a CSP needs `'wasm-unsafe-eval'`), in Node
 * it reads it from disk. Calls without options share one instance.
 */
export function loadCore(options?: LoadCoreOptions): Promise<Core>;

/** Where an `<image-field>` value came from, in the `upload` event. */
export type ImageFieldSource = 'upload' | 'webcam' | 'clipboard';

/** What `.value` holds, chosen by the `type` attribute. */
export type ImageFieldValue = Raster | ImageData | Blob | string;

/** Everything `.value` accepts. Typed arrays need a `shape` (`{data, shape}` or a tensor). */
export type ImageFieldInput = Raster | ImageData | Blob | File | string | URL | ArrayInput | null;

/** Every text the element shows; set any subset through {@link ImageField.strings}. */
export interface ImageFieldStrings {
  fieldName: string; dropHeading: string; dropHint: string; empty: string;
  sourceUpload: string; sourceWebcam: string; sourceClipboard: string;
  startCamera: string; capture: string; chooseCamera: string;
  download: string; fullscreen: string; exitFullscreen: string; share: string; remove: string;
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
 * `<image-field>`: an image input/output field. The class is exported by
 * `imagefield/element`, which also defines the tag; this entry point only
 * carries its type, so the core stays importable without a DOM (Node, workers).
 *
 * Attributes reflect to the camel-cased properties below. Without
 * `interactive` the field only displays its value.
 *
 * Shadow parts: `label`, `frame`, `dropzone`, `empty`, `image`, `video`,
 * `camera-controls`, `device-select`, `toolbar`, `sources`, `error`, and
 * `button` on every button plus `start-camera-button`, `capture-button`,
 * `download-button`, `fullscreen-button`, `share-button`, `remove-button`,
 * `source-button`.
 *
 * CSS custom properties: `--image-field-background`, `--image-field-color`,
 * `--image-field-muted`, `--image-field-border`, `--image-field-accent`,
 * `--image-field-error`, `--image-field-radius`, `--image-field-button-radius`,
 * `--image-field-height` (240px), `--image-field-width` (320px),
 * `--image-field-upscale-rendering` (`pixelated` for images shown at 2× or more).
 *
 * Form-associated: with `name`, the value is submitted as a file encoded in
 * `format`; `required` makes an empty field invalid; a form reset empties it.
 */
export interface ImageField extends HTMLElement {
  /** `sources`: "upload webcam clipboard" (default); the first listed view is shown first. */
  sources: string;
  /** `image-mode`: the mode of every value (default `RGB`); `none` keeps the file's own mode. */
  imageMode: Mode | 'none';
  /** `type`: `array` (a {@link Raster}, default), `imagedata`, `blob` or `url` (an object URL the field revokes when its value changes). */
  type: 'array' | 'imagedata' | 'blob' | 'url';
  /** `format`: encoding for blob/url values, downloads and forms: `png` (default, by the core), `bmp` (core), `jpeg`, `webp` (browser). */
  format: 'png' | 'bmp' | 'jpeg' | 'webp';
  /** `label`, shown above the field (as text). */
  label: string;
  /** `show-label`: on unless `show-label="false"`. */
  showLabel: boolean;
  /** `placeholder`: text of the empty field; a first line starting with `#` is its heading. Never parsed as HTML. */
  placeholder: string;
  /** `height` / `width`: a number of pixels or any CSS length. */
  height: string;
  width: string;
  /** `interactive`: accept images from the user. Absent: display only. */
  interactive: boolean;
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
  /** `layout`: `hwc` (default) or `chw`, for typed-array values. */
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
  /** Camera frames as values of `type`, grabbed only when the consumer asks for the next one; ends when the camera stops. */
  frames(): AsyncGenerator<ImageFieldValue, void, undefined>;

  addEventListener<K extends keyof ImageFieldEventMap>(type: K, listener: (this: ImageField, event: ImageFieldEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'image-field': ImageField;
  }
}
