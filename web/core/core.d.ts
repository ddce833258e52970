/**
 * Types of web/core/core.js: the synchronous Wasm core on this thread.
 *
 * The core is C++ compiled to WebAssembly. Everything it returns is a plain
 * object or a fresh typed array: no Wasm handle escapes, nothing needs
 * `.delete()`, and nothing points into Wasm memory that may move.
 */
import type { ImageFieldError } from './error.js';
import type { ImageConstructor } from './image.js';
import type { ContainedDecoder } from '../pipeline/contained-decoder.js';
import type { LoadCoreOptions, loadCore } from './load-core.js';

/** PIL image modes. 8-bit modes store one byte per band; `I` is int32, `F` float32. */
export type Mode = '1' | 'L' | 'LA' | 'P' | 'RGB' | 'RGBA' | 'CMYK' | 'YCbCr' | 'LAB' | 'HSV' | 'I' | 'F';

/** Axis order of an array: `hwc` (numpy, channels last) or `chw` (torch, channels first). */
export type Layout = 'hwc' | 'chw';

/** File types the core encodes. `jpg` and `jpeg` are the same. */
export type FileType = 'png' | 'jpg' | 'jpeg' | 'bmp' | 'tga';

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
  /**
   * Convert to this mode; by default the file's own mode as Pillow opens it,
   * where a raster can hold it: P with `palette` or 1 for BMP, 1 or I (Int32Array)
   * for PNG, else L, LA, RGB or RGBA (README, "Natural modes").
   */
  mode?: Mode;
  /** Axis order of a `.npy` array: `hwc` (default) or `chw` (also `[1,C,H,W]`). Ignored for image files. */
  layout?: Layout;
  /**
   * Turn a JPEG as its EXIF orientation says, as browsers show it and as
   * Pillow's `ImageOps.exif_transpose` does. Default false: the stored
   * pixels, as `Image.open` gives them.
   */
  exifTranspose?: boolean;
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
  /**
   * JPEG quality 1–100. Default 75 (as PIL and wandb). The file is the one
   * Pillow 9.4 writes with `Image.save(f, 'JPEG', quality=q)`, byte for byte.
   */
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

/** Pillow's resampling filters (`Image.Resampling.*`, lower case). */
export type ResizeFilter = 'nearest' | 'box' | 'bilinear' | 'hamming' | 'bicubic' | 'lanczos';

export interface ResizeOptions {
  /** Output size in pixels (integers ≥ 1). */
  width: number;
  height: number;
  /** Default `'bicubic'`, as Pillow's. Modes 1 and P always use nearest, as in Pillow. */
  filter?: ResizeFilter;
  /** Source region `[left, top, right, bottom]`, fractions allowed, inside the image. */
  box?: [number, number, number, number];
  /**
   * ≥ 1: first `Image.reduce` by whole factors while the rest still shrinks
   * by at least this much (faster, nearly the same). As in Pillow 9.4 it has
   * no effect with nearest, nor on LA and RGBA images.
   */
  reducingGap?: number;
}

/** Element order of a tensor: batch of one (`n…`) or not, channels first or last. */
export type TensorLayout = 'nchw' | 'nhwc' | 'chw' | 'hwc';

/**
 * Preprocessing for a model, applied in this order with torchvision 0.14's
 * semantics (resizing is Pillow's, as torchvision's on a PIL image):
 * convert to RGB (L for `channels: 'L'`, alpha dropped as by `convert`),
 * resize, crop, letterbox, scale, mean, std, channel order, layout, dtype.
 */
export interface TensorOptions {
  /** `T.Resize`: a number sets the shorter side (the longer becomes int(size·long/short)); or `[height, width]`. */
  resize?: number | [number, number];
  /** Filter for resize and letterbox; default `'bilinear'` (torchvision's). */
  filter?: ResizeFilter;
  /** `T.CenterCrop([height, width])`: offsets rounded half-to-even; larger than the image pads with zeros. */
  crop?: [number, number];
  /**
   * Fit inside `[height, width]` keeping the aspect ratio (placed size
   * rounded half up), centred (odd pixel right/bottom), the rest filled
   * with `letterboxColor`. The result's `letterbox` maps boxes back.
   */
  letterbox?: [number, number];
  /** Fill of the letterbox: one grey value or RGB, integers 0–255; default 114. */
  letterboxColor?: number | [number, number, number];
  /**
   * Multiplier of the byte values, default 1/255. A scale of 1/n divides by
   * n in float32 (`T.ToTensor` divides by 255: the same bits); any other
   * scale multiplies by its float32 value.
   */
  scale?: number;
  /** `T.Normalize`: one value per channel, rounded to float32; value = (value − mean) / std in float32. */
  mean?: number[];
  /** One value per channel, none 0. */
  std?: number[];
  /** Default `'RGB'`. */
  channels?: 'RGB' | 'BGR' | 'L';
  /** Default `'nchw'` (dims `[1, C, H, W]`). */
  layout?: TensorLayout;
  /** Default `'float32'`; `'uint8'` gives the pixel bytes (no scale, mean or std). */
  dtype?: 'float32' | 'uint8';
}

/** Where the image sits in a letterboxed tensor: image x = (tensor x − left) / scaleX. */
export interface LetterboxPlacement {
  scale: number;
  scaleX: number;
  scaleY: number;
  left: number;
  top: number;
  /** Size of the placed image inside the canvas. */
  width: number;
  height: number;
}

/** Accepted as is by `new ort.Tensor(t.type, t.data, t.dims)` and `tf.tensor(t.data, t.dims)`. */
export interface ModelTensor {
  data: Float32Array | Uint8Array;
  dims: number[];
  type: 'float32' | 'uint8';
  /** Present when `letterbox` was asked for. */
  letterbox?: LetterboxPlacement;
}

/** The loaded core. Every method is synchronous and throws {@link ImageFieldError}. */
export class Core {
  /** Made by {@link loadCore}, never by pages. */
  private constructor();

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
   * JPEG is decoded by libjpeg-turbo (the library Pillow links) with Pillow
   * 9.4's settings: the pixels of `Image.open(f)` byte for byte, in its mode
   * (`L`, `RGB`, or `CMYK` for CMYK and YCCK files, Adobe's inverted values
   * read as Pillow reads them), and those of `.convert(mode)` with a mode.
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
   * as L; P, HSV and LAB as RGB; CMYK and YCbCr as RGB, except in JPEG, which
   * stores them as Pillow does (CMYK inverted with an Adobe marker). JPEG
   * drops alpha, and its bytes are Pillow 9.4's. More than 2^31−1 bytes of
   * pixels, a side above 65500 for JPEG (libjpeg's limit) or above 65535 for
   * TGA throws `too_large`.
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

  /**
   * Pillow 9.4's `Image.resize(size, filter, box, reducing_gap)`, byte for
   * byte, on every mode (LA and RGBA through Pillow's premultiplied alpha;
   * I and F in its double arithmetic). Bad sizes, boxes, gaps or filter
   * names: `invalid_argument`.
   */
  resize(raster: Raster | ImageData, options: ResizeOptions): Raster;
  /**
   * The raster as a model input, bit-identical to the same torchvision 0.14
   * pipeline on a PIL image (e.g. ImageNet: `{ resize: 256, crop: [224, 224],
   * mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] }`). Bad options:
   * `invalid_argument` naming the option and what it accepts.
   */
  toTensor(raster: Raster | ImageData, options?: TensorOptions): ModelTensor;

  /** The wandb.Image data type; see {@link ImageConstructor}. */
  readonly Image: ImageConstructor;
}
