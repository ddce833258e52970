// The idiomatic JS face of the Wasm core. It owns the Embind module; callers
// only ever see plain objects and typed arrays (nothing to .delete()).
import { ImageFieldError, unwrap } from './error.js';
import { checkShape, readArrayInput, toTypedArray } from './array-input.js';
import { rasterToCore } from './raster-input.js';
import { makeImageClass } from './image.js';
import { InputBuffer } from './input-buffer.js';
import { resizeOptionsToCore, tensorOptionsToCore } from './tensor-input.js';

const LAYOUTS = ['hwc', 'chw'];
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

function pickLayout(layout = 'hwc') {
  if (!LAYOUTS.includes(layout)) {
    throw new ImageFieldError('invalid_argument', `layout ${JSON.stringify(layout)} is not "hwc" or "chw"`);
  }
  return layout;
}

function pickBoolean(value, name, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new ImageFieldError('invalid_argument', `${name} must be true or false, got ${JSON.stringify(value)}`);
  }
  return value;
}

function pickString(value, name, fallback) {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') {
    throw new ImageFieldError('invalid_argument', `${name} must be a string, got ${typeof value}`);
  }
  return value;
}

function pickLimit(value, name, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ImageFieldError('invalid_argument', `${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

function toBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new ImageFieldError('invalid_argument',
    'decode() takes the file as a Uint8Array or ArrayBuffer (for a Blob or File: new Uint8Array(await blob.arrayBuffer()))');
}

/** "x,y", [x, y] or {x, y} → placement for the core; a corner name otherwise. */
function pickPlacement(position = 'bottom-right', margin = 10) {
  if (!Number.isSafeInteger(margin) || margin < 0) {
    throw new ImageFieldError('invalid_argument', `margin must be a non-negative integer, got ${JSON.stringify(margin)}`);
  }
  if (typeof position === 'string' && CORNERS.includes(position)) return { anchor: position, x: 0, y: 0, margin };
  let point = null;
  if (typeof position === 'string' && /^\s*-?\d+\s*,\s*-?\d+\s*$/.test(position)) point = position.split(',').map(Number);
  else if (Array.isArray(position) && position.length === 2) point = position;
  else if (position && typeof position === 'object' && 'x' in position && 'y' in position) point = [position.x, position.y];
  if (!point || !point.every(Number.isSafeInteger)) {
    throw new ImageFieldError('invalid_argument',
      `watermark position ${JSON.stringify(position)} is not a corner (${CORNERS.join(', ')}) or "x,y"`);
  }
  return { anchor: 'point', x: point[0], y: point[1], margin };
}

export class Core {
  #module;
  #trap = null;  // the WebAssembly.RuntimeError that ended this instance
  #onTrap;

  /**
   * @param {object} module the instantiated Embind module
   * @param {() => void} [onTrap] called once if the instance traps
   */
  constructor(module, onTrap = () => {}) {
    this.#onTrap = onTrap;
    /** Decode limits used when a call does not override them. */
    this.defaultLimits = Object.freeze({ ...module.defaultLimits() });
    // After a trap the module's memory and stack are in an unknown state, so
    // every entry point goes through #call, which refuses to touch it again.
    this.#module = new Proxy(module, {
      get: (target, name) => {
        const member = target[name];
        if (typeof member !== 'function') return member;
        return (...args) => this.#call(name, () => member.apply(target, args));
      },
    });
    /** The wandb.Image data type (web/image.js), over the guarded module. */
    this.Image = makeImageClass(this.#module, this);
  }

  /** False once the Wasm instance has trapped; load a new core then. */
  get usable() {
    return this.#trap === null;
  }

  #call(name, body) {
    // A file that crashes the decoder is a file that cannot be decoded; any
    // other trap, and every call after one, is the instance's own state.
    if (this.#trap) {
      throw new ImageFieldError('core_trapped', `the Wasm core crashed earlier (${this.#trap.message}) and cannot be used `
        + 'any more; load a new one with loadCore()', { cause: this.#trap });
    }
    try {
      return body();
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      this.#trap = error;
      this.#onTrap();
      throw new ImageFieldError(name === 'decode' ? 'decode_failed' : 'core_trapped', `the Wasm core crashed in ${name}() (${error.message}); this instance cannot `
        + 'be used any more: load a new one with loadCore(), or decode untrusted files with ContainedDecoder',
      { cause: error });
    }
  }

  /** Current size of the Wasm linear memory in bytes (it only ever grows). */
  get wasmMemoryBytes() {
    return this.#module.HEAPU8.buffer.byteLength;
  }

  /**
   * @internal Only in the test-hooks build (build/wasm/test-hooks, never
   * shipped): C++ objects alive (operator new − delete) and heap bytes in use
   * (mallinfo). Undefined in the shipped build.
   */
  get testHeapCounters() {
    return this.#module.testHeapCounters?.();
  }

  guessMode(shape, { layout, fileType } = {}) {
    return unwrap(this.#module.guessMode(checkShape(shape), pickLayout(layout), pickString(fileType, 'fileType', 'png')));
  }

  /** Whether this instance runs the Wasm SIMD build. */
  get simd() {
    return this.#module.simdEnabled();
  }

  /** A typed array in Wasm memory to fill and pass to fromArray/toUint8 without a copy (single use). */
  allocInput(dtype, length) {
    return new InputBuffer(this.#module, dtype, length);
  }

  toUint8(data, { normalize } = {}) {
    const norm = pickBoolean(normalize, 'normalize', true);
    if (data instanceof InputBuffer) {
      const { address, length, dtype } = data.take();
      try {
        return unwrap(this.#module.toUint8At(address, length, dtype, norm));
      } finally {
        data.release();
      }
    }
    const { array, dtype } = toTypedArray(data);
    return unwrap(this.#module.toUint8(array, dtype, norm));
  }

  fromArray(data, { shape, layout, normalize, mode, fileType, output } = {}) {
    if (output !== undefined && output !== 'raster' && output !== 'imagedata') {
      throw new ImageFieldError('invalid_argument', `output must be "raster" or "imagedata", got ${JSON.stringify(output)}`);
    }
    const options = {
      layout: pickLayout(layout),
      normalize: pickBoolean(normalize, 'normalize', true),
      mode: pickString(mode, 'mode', null),
      fileType: pickString(fileType, 'fileType', 'png'),
      output: output ?? 'raster',
    };
    let result;
    if (data instanceof InputBuffer) {
      options.shape = checkShape(shape === undefined ? shape : Array.from(shape, Number));
      const { address, length, dtype } = data.take();
      try {
        result = unwrap(this.#module.fromArrayAt(address, length, dtype, options));
      } finally {
        data.release();
      }
    } else {
      const input = readArrayInput(data, shape);
      options.shape = input.shape;
      result = unwrap(this.#module.fromArray(input.array, input.dtype, options));
    }
    return options.output === 'imagedata' ? wrapImageData(result) : result;
  }

  /** The raster as RGBA pixels in an ImageData (a plain {width, height, data} where ImageData is missing). */
  toImageData(raster) {
    return wrapImageData(unwrap(this.#module.toRgba(rasterToCore(raster))));
  }

  decode(bytes, { mode, maxFileBytes, maxAxis, maxPixels, maxDecodeBytes, layout, exifTranspose } = {}) {
    const limits = this.defaultLimits;
    return unwrap(this.#module.decode(toBytes(bytes), {
      mode: pickString(mode, 'mode', null),
      layout: pickLayout(layout),
      exifTranspose: pickBoolean(exifTranspose, 'exifTranspose', false),
      maxFileBytes: pickLimit(maxFileBytes, 'maxFileBytes', limits.maxFileBytes),
      maxAxis: pickLimit(maxAxis, 'maxAxis', limits.maxAxis),
      maxPixels: pickLimit(maxPixels, 'maxPixels', limits.maxPixels),
      maxDecodeBytes: maxDecodeBytes === undefined ? 0 : pickLimit(maxDecodeBytes, 'maxDecodeBytes'),
    }));
  }

  encode(raster, { format, quality, compression, deflate, palette } = {}) {
    const q = quality ?? 75;
    if (!Number.isInteger(q)) {
      throw new ImageFieldError('invalid_argument', `quality must be an integer from 1 to 100, got ${JSON.stringify(quality)}`);
    }
    const level = compression ?? 1;
    if (!Number.isInteger(level)) {
      throw new ImageFieldError('invalid_argument',
        `compression must be an integer from 0 (fastest) to 12 (smallest), got ${JSON.stringify(compression)}`);
    }
    const engine = deflate ?? 'libdeflate';
    if (engine !== 'libdeflate' && engine !== 'stb') {
      throw new ImageFieldError('invalid_argument', `deflate must be "libdeflate" or "stb", got ${JSON.stringify(deflate)}`);
    }
    return unwrap(this.#module.encode(rasterToCore(raster), {
      format: pickString(format, 'format', 'png'), quality: q, compression: level, deflate: engine,
      palette: pickBoolean(palette, 'palette', true),
    }));
  }

  convert(raster, mode) {
    if (typeof mode !== 'string') {
      throw new ImageFieldError('invalid_mode', `convert() needs a target mode string, got ${JSON.stringify(mode)}`);
    }
    return unwrap(this.#module.convert(rasterToCore(raster), mode));
  }

  /**
   * A mask of class ids as an RGBA colour layer: `colors` holds one RGBA entry
   * per class id 0..255 (alpha 0 hides a class).
   */
  maskOverlay(mask, colors) {
    const { width, height, data } = mask ?? {};
    if (!(data instanceof Uint8Array) || !Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
      throw new ImageFieldError('invalid_mask', 'maskOverlay needs { width, height, data: Uint8Array of class ids }');
    }
    if (!(colors instanceof Uint8Array)) {
      throw new ImageFieldError('invalid_argument', 'maskOverlay needs colors as a Uint8Array of 256 RGBA entries');
    }
    return unwrap(this.#module.maskOverlay(data, width, height, colors));
  }

  /** Pillow 9.4's Image.resize, byte for byte: `{ width, height, filter, box, reducingGap }`. */
  resize(raster, options) {
    return unwrap(this.#module.resize(rasterToCore(raster), ...resizeOptionsToCore(options)));
  }

  /** A model input `{ data, dims, type }` with torchvision's preprocessing semantics. */
  toTensor(raster, options) {
    return unwrap(this.#module.toTensor(rasterToCore(raster), ...tensorOptionsToCore(options)));
  }

  watermark(raster, mark, { position, margin } = {}) {
    const placement = pickPlacement(position, margin ?? 10);
    return unwrap(this.#module.watermark(rasterToCore(raster), rasterToCore(mark, 'watermark'), placement));
  }
}

function wrapImageData({ width, height, data }) {
  if (typeof ImageData === 'function') return new ImageData(data, width, height);
  return { width, height, data, colorSpace: 'srgb' };
}
