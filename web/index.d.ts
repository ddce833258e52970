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
  // Raised by the C++ core.
  | 'invalid_shape' | 'invalid_mode' | 'invalid_format' | 'invalid_argument'
  | 'decode_failed' | 'too_large' | 'invalid_boxes' | 'invalid_mask' | 'invalid_classes' | 'unsupported_file'
  // Raised by the JavaScript around it (see ERROR_CODES for what each means).
  | 'load_failed' | 'worker_failed' | 'core_trapped' | 'aborted' | 'closed'
  | 'camera_unavailable' | 'camera_denied' | 'clipboard_empty' | 'clipboard_denied'
  | 'fullscreen_refused' | 'share_failed';

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
  /** Axis order of a `.npy` array: `hwc` (default) or `chw` (also `[1,C,H,W]`). Ignored for image files. */
  layout?: Layout;
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
  /**
   * `raster` (default) or `imagedata`: the result converted to RGBA by the
   * core and returned as an `ImageData` (in Node, which has none, a plain
   * `{ width, height, data: Uint8ClampedArray, colorSpace }`), ready for
   * `putImageData` without a JS pass over the pixels.
   */
  output?: 'raster' | 'imagedata';
}

/** What {@link Core.fromArray} with `output: 'imagedata'` and {@link Core.toImageData} return. */
export type ImageDataLike = ImageData | { width: number; height: number; data: Uint8ClampedArray; colorSpace: 'srgb' };

/** Element types {@link Core.allocInput} accepts. */
export type DType = 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';

/**
 * A typed array that lives in Wasm memory (zero-copy input). Fill
 * {@link InputBuffer.array} (e.g. let a model write its output there) and pass
 * the buffer itself to `fromArray` or `toUint8`, which read it in place.
 *
 * Lifetime: single use. `fromArray`/`toUint8` consume it (also when they
 * throw); `release()` frees it unused; a buffer that is garbage-collected
 * without either is freed by a FinalizationRegistry. Nothing needs `.delete()`.
 *
 * Staleness: Wasm memory grows when the core needs more, and growing detaches
 * every typed array on the old memory. Read `array` again after any other core
 * call. If the array last read from `array` has gone stale by the time the
 * buffer is used, `fromArray`/`toUint8` throw `invalid_argument` instead of
 * reading data that writes through the detached array never reached.
 */
export interface InputBuffer {
  readonly dtype: DType;
  readonly length: number;
  /** A live view on the buffer; throws `invalid_argument` once used or released. */
  readonly array: Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
  /** True once used or released. */
  readonly released: boolean;
  /** Frees the buffer without using it. Idempotent. */
  release(): void;
}

export interface EncodeOptions {
  /** Default `png`. */
  format?: FileType;
  /** JPEG quality 1–100. Default 75 (as PIL and wandb). */
  quality?: number;
  /**
   * PNG deflate level, 0 (stored, fastest) to 12 (smallest, slowest); libdeflate's
   * levels. Default 1 (libdeflate's fastest; 6 writes photos ~2 % smaller in about
   * twice the time). Other values throw `invalid_argument`.
   */
  compression?: number;
  /**
   * PNG only. Default true: an RGB or RGBA image with at most 256 distinct
   * colours is written losslessly as a palette PNG (1/2/4/8-bit indices, tRNS
   * for alpha), which decodes to the same pixels and is usually much smaller;
   * for files under 4 KiB the truecolour encoding is kept when it is smaller.
   */
  palette?: boolean;
  /**
   * PNG only. `libdeflate` (default: the core's PNG writer) or `stb`:
   * stb_image_write's PNG writer with its own fixed-Huffman deflate, without
   * palette detection, kept for comparison benchmarks; its files are much
   * larger and slower to write.
   */
  deflate?: 'libdeflate' | 'stb';
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
  /**
   * False once the Wasm instance has trapped (a `WebAssembly.RuntimeError`).
   * That call and every later one throw {@link ImageFieldError}; load a new
   * core, or decode untrusted files with {@link ContainedDecoder}.
   */
  readonly usable: boolean;

  /** Whether this instance runs the Wasm SIMD build (see {@link LoadCoreOptions.simd}). */
  readonly simd: boolean;

  /**
   * Allocates `length` elements of `dtype` in Wasm memory for zero-copy input
   * to `fromArray`/`toUint8`; see {@link InputBuffer} for lifetime and staleness.
   * A bad dtype or length throws `invalid_argument`; no memory left, `too_large`.
   */
  allocInput(dtype: DType, length: number): InputBuffer;

  /** The raster converted to RGBA by the core, as an ImageData (see {@link FromArrayOptions.output}). */
  toImageData(raster: Raster | ImageData): ImageDataLike;

  /** 1 channel or 2-D → L, 2 → LA, 3 → RGB, 4 → RGBA (RGB with fileType jpg/jpeg). */
  guessMode(shape: readonly number[], options?: { layout?: Layout; fileType?: FileType }): 'L' | 'LA' | 'RGB' | 'RGBA';

  /** Element-wise values → bytes by the rules described at {@link FromArrayOptions.normalize}. */
  toUint8(data: NumericArray | number[] | boolean[] | InputBuffer, options?: { normalize?: boolean }): Uint8Array;

  /** An array as an image, exactly as `wandb.Image` builds one. */
  fromArray(data: ArrayInput | InputBuffer, options?: FromArrayOptions & { output?: 'raster' }): Raster;
  fromArray(data: ArrayInput | InputBuffer, options: FromArrayOptions & { output: 'imagedata' }): ImageDataLike;

  /**
   * PNG, JPEG, GIF (first frame), BMP, TGA, PSD or NumPy `.npy` bytes →
   * raster, format sniffed from the bytes. Truncated or corrupt files throw
   * `decode_failed`, other formats (WebP, AVIF, TIFF, SVG, text...)
   * `unsupported_file`, files over a limit `too_large`. Never touches the
   * network or a filesystem.
   *
   * `.npy` (format 1.0, 2.0, 3.0; dtypes u1 i1 u2 i2 u4 i4 f4 f8 b1, little- or
   * big-endian, C or Fortran order) is an array shown exactly as
   * {@link Core.fromArray} shows it, with `options.layout`: values normalized,
   * mode guessed from the shape. A malformed header is `decode_failed` naming
   * the fault, another dtype (i8, f2, complex, structured) `unsupported_file`,
   * a shape that is not an image `invalid_shape`.
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
  /**
   * A mask of class ids (mode-less: `data` holds width × height ids 0..255)
   * as an RGBA colour layer: `colors` holds one RGBA entry per id (1024
   * bytes), alpha 0 hides an id. `<image-field>` draws its masks with it.
   * Wrong sizes: `invalid_mask` (ids) or `invalid_argument` (colours).
   */
  maskOverlay(mask: { width: number; height: number; data: Uint8Array }, colors: Uint8Array): Raster;

  /** The wandb.Image data type; see {@link ImageConstructor}. */
  readonly Image: ImageConstructor;
}

/** Image file types of {@link WandbImage}, as wandb's `file_type`. */
export type ImageFileType = 'png' | 'jpg' | 'jpeg' | 'bmp';

/**
 * One box of a boxes layer. `position` is `{minX, maxX, minY, maxY}` or
 * `{middle: [x, y], width, height}`; with `domain: "pixel"` in pixels,
 * otherwise in fractions of the image. Other fields are kept as given.
 */
export interface Box {
  position: { minX: number; maxX: number; minY: number; maxY: number } | { middle: [number, number]; width: number; height: number };
  class_id?: number;
  box_caption?: string;
  scores?: Record<string, number>;
  domain?: string;
  [other: string]: unknown;
}

/** Class id (as an object key) → name. */
export type ClassLabels = Record<number | string, string>;

/** One layer of `boxes`: wandb's BoundingBoxes2D. */
export interface BoxesLayer {
  box_data: Box[];
  /** Default: `class_<id>` for each `class_id` used. */
  class_labels?: ClassLabels;
}

/** One layer of `masks`: wandb's ImageMask. */
export interface MaskLayer {
  /**
   * One class id (whole number 0–255) per pixel, `[height, width]` of the
   * image: a typed array with `shape`, nested number arrays, or a tensor.
   */
  mask_data: ArrayInput;
  shape?: readonly [number, number];
  /** Default: `class_<id>` for each id present. */
  class_labels?: ClassLabels;
}

export interface ImageOptions {
  /** For array input: see {@link FromArrayOptions.shape}. Without it a Uint8Array is read as file bytes. */
  shape?: readonly number[];
  /** For array and `.npy` input. Default `hwc`. */
  layout?: Layout;
  /** For array input: read naturally and convert to this mode. */
  mode?: Mode;
  /** For array input. Default true; see {@link FromArrayOptions.normalize}. */
  normalize?: boolean;
  caption?: string | null;
  /** Written to the JSON only when non-zero, as wandb does. */
  grouping?: number | null;
  /** `[{id, name}]`; merged with the labels of boxes and masks into {@link WandbImage.classes}. */
  classes?: { id: number; name: string }[];
  boxes?: Record<string, BoxesLayer>;
  masks?: Record<string, MaskLayer>;
  /**
   * Checked before anything else: `invalid_format` "file_type must be one of
   * png, jpg, jpeg, bmp". Default `png`. JPEG is written at quality 75 and drops
   * alpha (a 4-channel array becomes RGB). Encoded file bytes keep their own format.
   */
  fileType?: ImageFileType;
}

/** Where an image's files go: wandb's log key and step (and, in a sequence, the index). */
export interface MediaBinding {
  /** A non-empty path-like key without `..`, backslashes or a leading `/`, e.g. `"examples"` or `"val/samples"`. */
  key: string;
  /** A non-negative integer, or a name like `"summary"`. */
  step: number | string;
  /** The index in a sequence: names files `<key>_<step>_<id>` instead of by digest (as seqToJSON does). */
  id?: number;
}

/** A file the JSON refers to, to upload or zip. */
export interface MediaFile {
  path: string;
  data: Uint8Array;
}

/** A layer file's entry in the JSON. */
export interface LayerFileJSON {
  _type: 'boxes2D' | 'mask';
  sha256: string;
  size: number;
  path: string;
}

/** wandb's "image-file" JSON, keys in this order (caption and grouping only when set). */
export interface ImageFileJSON {
  caption?: string;
  _type: 'image-file';
  sha256: string;
  size: number;
  /** `media/images/<key>_<step>_<sha256[:20]>.<format>` (in a sequence, the index instead of the digest). */
  path: string;
  format: string;
  width: number;
  height: number;
  grouping?: number;
  /** `media/metadata/boxes2D/<key>_<step>_<id>.boxes2D.json` per layer. */
  boxes?: Record<string, LayerFileJSON & { _type: 'boxes2D' }>;
  /**
   * `media/images/mask/<key>_<step>_<id>.mask.png` per layer. Differs from
   * wandb: each layer also carries its `class_labels` (wandb keeps them in the
   * run summary, which a page does not have), so fromJSON restores them.
   */
  masks?: Record<string, LayerFileJSON & { _type: 'mask'; class_labels: Record<string, string> }>;
}

/** wandb's "images/separated" JSON. */
export interface ImagesSeparatedJSON {
  _type: 'images/separated';
  width: number;
  height: number;
  format: string;
  count: number;
  filenames: string[];
  captions?: (string | null)[];
  all_masks?: (ImageFileJSON['masks'] | null)[];
  all_boxes?: (ImageFileJSON['boxes'] | null)[];
}

/**
 * wandb.Image in the page. All state is plain JS (the encoded file, its
 * digest, the pixels, the layers); nothing needs `.delete()`.
 *
 * Where it differs from wandb (Python SDK):
 * - Files are named from `{key, step}` passed to `toJSON`/`files` instead of a
 *   run; a sequence names them `<key>_<step>_<index>` as wandb's logging does.
 * - `raster` is the pixels read back from the file, as wandb reloads its file;
 *   a BMP of an L image reads back as RGB, a JPEG with its compression loss.
 * - Box layer files are compact JSON with sorted keys (`{"box_data":[...],
 *   "class_labels":{...}}`, default labels filled in); wandb writes Python's
 *   `json.dumps` of the dict as given. The digests therefore differ from wandb's.
 * - Mask layers carry `class_labels` in the JSON (see {@link ImageFileJSON.masks}).
 * - Mask ids must be whole numbers 0–255; wandb casts other values to int8.
 * - `seqToJSON` writes `captions` when any image has one (wandb looks only at
 *   the first); `classes` is not written (wandb writes it only into artifacts).
 * - `toDataArray` is one flat Uint8Array with its shape instead of nested rows.
 */
export interface WandbImage {
  /** The pixels as a reader of the image file sees them (a fresh copy). */
  readonly raster: Raster;
  readonly width: number;
  readonly height: number;
  /** File extension: png, jpg, jpeg or bmp (gif, tga, psd for files given as such). */
  readonly format: string;
  /** SHA-256 of the image file, lower-case hex, computed by the core. */
  readonly sha256: string;
  /** Bytes in the image file. */
  readonly size: number;
  readonly caption: string | null;
  readonly grouping: number | null;
  /** The class labels of the boxes and masks layers and `classes`, merged in wandb's order; null when none. */
  readonly classes: { id: number; name: string }[] | null;
  /** The validated layers (class_labels filled in); null when none. */
  readonly boxes: Record<string, Required<BoxesLayer>> | null;
  readonly masks: Record<string, { mask_data: Uint8Array; shape: [number, number]; class_labels: Record<string, string> }> | null;
  /** wandb's "image-file" JSON. */
  toJSON(binding: MediaBinding): ImageFileJSON;
  /** The image file and the box JSON / mask PNG files the JSON of the same binding names. */
  files(binding: MediaBinding): MediaFile[];
  /** The pixels as one flat Uint8Array and its shape: `[H, W]` for L, `[H, W, C]` otherwise. */
  toDataArray(): { data: Uint8Array; shape: number[] };
}

export interface ImageConstructor {
  /**
   * `data` is a typed array or tensor (normalized by the rules of
   * {@link Core.fromArray}), a raster or ImageData, or the bytes of an image
   * file (a Uint8Array without `shape`, or an ArrayBuffer: kept as is, not
   * re-encoded; `.npy` bytes are read as an array). Errors: `invalid_format`,
   * `invalid_boxes` (naming the layer, box index and field), `invalid_mask`,
   * `invalid_classes`, and those of the pixel input. JSON options are capped at
   * 16 MiB (`too_large`) and 64 levels of nesting.
   */
  new (data: ArrayInput | Raster | ImageData | Uint8Array | ArrayBuffer, options?: ImageOptions): WandbImage;
  /**
   * Rebuilds an equal image (pixels, caption, grouping, boxes, masks) from
   * `toJSON` and `files` output (`[{path, data}]`, a Map or an object of path →
   * bytes). A file whose sha256 or size differs from the JSON throws
   * `invalid_argument`, as does a missing one.
   */
  fromJSON(json: ImageFileJSON, files: MediaFile[] | Map<string, Uint8Array> | Record<string, Uint8Array | ArrayBuffer>): WandbImage;
  /**
   * "images/separated" for a list logged under one key. At most 108 images
   * are kept (wandb's limit); the rest are dropped with a console warning.
   * The files of image i are `images[i].files({key, step, id: i})`, or all at
   * once from {@link ImageConstructor.seqFiles}.
   */
  seqToJSON(images: WandbImage[], binding: MediaBinding): ImagesSeparatedJSON;
  /** Every file of a sequence, named as seqToJSON names them. */
  seqFiles(images: WandbImage[], binding: MediaBinding): MediaFile[];
  /** Captions (null where missing), or false when no image has one. */
  allCaptions(images: WandbImage[]): (string | null)[] | false;
  /** Each image's `boxes` JSON as in a sequence (null for images without), or false when none has boxes. */
  allBoxes(images: WandbImage[], binding: MediaBinding): (ImageFileJSON['boxes'] | null)[] | false;
  /** Each image's `masks` JSON as in a sequence (null for images without), or false when none has masks. */
  allMasks(images: WandbImage[], binding: MediaBinding): (ImageFileJSON['masks'] | null)[] | false;
}

export interface LoadCoreOptions {
  /** Where to fetch (browser) or read (Node) the `.wasm` from. Default: the package's `web/core/wasm/imagefield-core.wasm` (bundlers copy it). */
  wasmUrl?: string | URL;
  /** The module's bytes, if the page already has them (they must be of the build `simd` selects). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * Which build to load: `imagefield-core` (Wasm SIMD kernels) or
   * `imagefield-core-nosimd` (same results, for engines without SIMD). By
   * default `WebAssembly.validate` on a one-instruction SIMD module decides.
   */
  simd?: boolean;
}

/** Options of `loadCore({ worker: true })`: the Worker's guards, as {@link ContainedDecoderOptions}. */
export interface WorkerCoreOptions extends ContainedDecoderOptions {
  worker: true;
}

/** Options every WorkerCore method takes besides its own. */
export interface WorkerCallOptions {
  /** Cancels the call: queued, it never runs; running, its Worker is terminated (and replaced on the next call). Rejects with `aborted`. */
  signal?: AbortSignal;
  /** Hand the input's buffers to the Worker instead of copying them (they are detached afterwards). */
  transfer?: boolean;
}

/**
 * The core in a dedicated Worker with its own Wasm instance: the same methods
 * as {@link Core}'s synchronous ones, returning Promises, so a page can decode,
 * encode or convert large images without blocking its main thread. Results
 * come back transferred. A trap, a hang, an error storm or heap growth replaces
 * the Worker (the call rejects with {@link ImageFieldError}; later calls work).
 * `allocInput` and `Image` are the synchronous core's only.
 */
export interface WorkerCore {
  readonly defaultLimits: Readonly<Required<DecodeLimits>>;
  readonly simd: boolean;
  /** False once `close()` was called. */
  readonly usable: boolean;
  /** Calls run, Workers started and retired by reason, cancelled calls, the Worker's Wasm heap. */
  readonly stats: ContainedDecoder['stats'];
  guessMode(shape: number[], options?: { layout?: Layout; fileType?: string } & WorkerCallOptions): Promise<Mode>;
  toUint8(data: NumericArray | number[], options?: { normalize?: boolean } & WorkerCallOptions): Promise<Uint8Array>;
  fromArray(data: ArrayInput, options?: FromArrayOptions & { output?: 'raster' } & WorkerCallOptions): Promise<Raster>;
  fromArray(data: ArrayInput, options: FromArrayOptions & { output: 'imagedata' } & WorkerCallOptions): Promise<ImageData>;
  toImageData(raster: Raster | ImageData, options?: WorkerCallOptions): Promise<ImageData>;
  decode(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions & WorkerCallOptions): Promise<Raster>;
  encode(raster: Raster | ImageData, options?: EncodeOptions & WorkerCallOptions): Promise<Uint8Array>;
  convert(raster: Raster | ImageData, mode: Mode, options?: WorkerCallOptions): Promise<Raster>;
  maskOverlay(mask: { width: number; height: number; data: Uint8Array }, colors: Uint8Array, options?: WorkerCallOptions): Promise<Raster>;
  watermark(raster: Raster | ImageData, mark: Raster | ImageData, options?: WatermarkOptions & WorkerCallOptions): Promise<Raster>;
  /** Terminates the Worker; later calls reject with `closed`. */
  close(): void;
}

/** The WorkerCore class (for `instanceof`); make one with `loadCore({ worker: true })`. */
export const WorkerCore: { readonly prototype: WorkerCore };

/**
 * Loads the core: in a browser it fetches the `.wasm` from the package
 * (serve it as `application/wasm`; a CSP needs `'wasm-unsafe-eval'`), in Node
 * it reads it from disk (the package's "node" condition). Calls without
 * options share one instance. With `{ worker: true }` it starts a
 * {@link WorkerCore} instead (browsers only; Node rejects with `worker_failed`).
 * Rejects with {@link ImageFieldError} `load_failed`, whose message names the
 * URL, the HTTP status or content type and first bytes, and how to fix it.
 */
export function loadCore(options: WorkerCoreOptions): Promise<WorkerCore>;
export function loadCore(options?: LoadCoreOptions & { worker?: false }): Promise<Core>;

/** Every error code: who raises it (`core`, the C++ core; `web`, the JavaScript) and what it means. */
export const ERROR_CODES: Readonly<Record<ErrorCode, { readonly origin: 'core' | 'web'; readonly meaning: string }>>;

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
 * `<image-field>`: an image input/output field. The class is exported by
 * `imagefield/element`, which also defines the tag; this entry point only
 * carries its type, so the core stays importable without a DOM (Node, workers).
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
   * Box layers drawn over the image: `{ layer: { box_data: [...], class_labels? } }`,
   * as {@link ImageOptions.boxes} (the core checks them with the same rules
   * and messages). `domain: "pixel"` positions are image pixels, any other
   * domain fractions of the image. Each box is outlined in its class colour,
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

export interface ContainedDecoderOptions {
  /** The core's `.wasm` (default: `wasm/imagefield-core.wasm` next to the module). */
  wasmUrl?: string | URL;
  /** The Worker script, where a build moved it (default: the package's own, found by bundlers). */
  workerUrl?: string | URL;
  /** Retire the Worker once its Wasm heap (which never shrinks) is larger. Default 512 MiB. */
  maxHeapBytes?: number;
  /** A call (for `<image-field>`'s requests: each stage, decoding and then the rest) taking longer is stopped and the Worker replaced (a hang guard). Default 10 000 ms. */
  timeoutMs?: number;
  /** This many errors within this time retire the Worker. Default 20 within 10 000 ms. */
  errorStorm?: { errors?: number; withinMs?: number };
  /** Told why a Worker was retired: "trap", "timeout", "heap", "storm" or "crash". */
  onReplace?: (reason: 'trap' | 'timeout' | 'heap' | 'storm' | 'crash') => void;
}

/**
 * Decodes untrusted image bytes in a dedicated Worker that owns its own Wasm
 * core, and replaces that Worker after a trap, a hang, an error storm or heap
 * growth past `maxHeapBytes`. Calls run one at a time and resolve with a raster
 * (pixel buffers transferred from the Worker) or reject with
 * {@link ImageFieldError}; the decoder stays usable either way.
 */
export class ContainedDecoder {
  constructor(options?: ContainedDecoderOptions);
  /**
   * `transfer: true` hands `bytes`' buffer to the Worker instead of copying it (it is detached);
   * `signal` cancels the decode (rejects with `aborted`). Throws `worker_failed` where there is no Worker (Node).
   */
  decode(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions & WorkerCallOptions): Promise<Raster>;
  /** Counters: requests run (decodes and `<image-field>`'s requests), Workers started, Workers retired by reason, calls cancelled. */
  readonly stats: {
    decodes: number;
    workersStarted: number;
    replaced: { trap: number; timeout: number; heap: number; storm: number; crash: number };
    /** Calls cancelled through their AbortSignal while running (their Worker was terminated). */
    cancelled: number;
    /** The Worker's Wasm heap in bytes after the last request (0 before the first). */
    heapBytes: number;
  };
  /** Terminates the Worker; later calls reject with `closed`. */
  close(): void;
}
