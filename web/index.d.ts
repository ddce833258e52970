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
  /**
   * False once the Wasm instance has trapped (a `WebAssembly.RuntimeError`).
   * That call and every later one throw {@link ImageFieldError}; load a new
   * core, or decode untrusted files with {@link ContainedDecoder}.
   */
  readonly usable: boolean;

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

export interface ContainedDecoderOptions {
  /** The core's `.wasm` (default: `wasm/imagefield-core.wasm` next to the module). */
  wasmUrl?: string | URL;
  /** The Worker script (default: `decode-worker.js` next to the module). */
  workerUrl?: string | URL;
  /** Retire the Worker once its Wasm heap (which never shrinks) is larger. Default 512 MiB. */
  maxHeapBytes?: number;
  /** A decode taking longer is stopped and the Worker replaced (a hang guard). Default 10 000 ms. */
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
  /** `transfer: true` hands `bytes`' buffer to the Worker instead of copying it (it is detached). */
  decode(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions & { transfer?: boolean }): Promise<Raster>;
  /** Counters: decodes run, Workers started, Workers retired by reason. */
  readonly stats: {
    decodes: number;
    workersStarted: number;
    replaced: { trap: number; timeout: number; heap: number; storm: number; crash: number };
  };
  /** Terminates the Worker; later calls reject. */
  close(): void;
}
