// Zero-copy input: a typed array that lives in Wasm memory, so a model can
// write its output where the core reads it. The address never leaves this
// module; callers see only the typed array.
import { ImageFieldError } from './error.js';

const ARRAY_TYPES = {
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
};

// Frees buffers whose InputBuffer was garbage-collected without being used or released.
const orphans = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry(({ module, address }) => module.releaseInput(address))
  : null;

export class InputBuffer {
  #module;
  #address;
  #view = null;
  #released = false;

  /** @internal Use core.allocInput(dtype, length). */
  constructor(module, dtype, length) {
    const Type = ARRAY_TYPES[dtype];
    if (!Type) {
      throw new ImageFieldError('invalid_argument',
        `allocInput dtype ${JSON.stringify(dtype)} is not one of ${Object.keys(ARRAY_TYPES).join(', ')}`);
    }
    if (!Number.isSafeInteger(length) || length < 1 || length * Type.BYTES_PER_ELEMENT > 0x7fffffff) {
      throw new ImageFieldError('invalid_argument',
        `allocInput length must be a positive integer of at most ${Math.floor(0x7fffffff / Type.BYTES_PER_ELEMENT)} ${dtype} elements, got ${JSON.stringify(length)}`);
    }
    const address = module.allocInput(length * Type.BYTES_PER_ELEMENT);
    if (!address) throw new ImageFieldError('too_large', `out of Wasm memory allocating ${length} ${dtype} elements`);
    this.#module = module;
    this.#address = address;
    this.dtype = dtype;
    this.length = length;
    this.Type = Type;
    orphans?.register(this, { module, address }, this);
  }

  /**
   * The typed array to fill. Read it again after any other core call: Wasm
   * memory may grow, which detaches arrays handed out before.
   */
  get array() {
    this.#checkUsable();
    if (!this.#view || this.#view.buffer !== this.#module.HEAPU8.buffer) {
      this.#view = new this.Type(this.#module.HEAPU8.buffer, this.#address, this.length);
    }
    return this.#view;
  }

  get released() {
    return this.#released;
  }

  /** Frees the memory without using it. Idempotent. */
  release() {
    if (this.#released) return;
    this.#released = true;
    this.#view = null;
    orphans?.unregister(this);
    this.#module.releaseInput(this.#address);
  }

  /** @internal The address for the core; throws if the last handed-out array went stale. Single use. */
  take() {
    this.#checkUsable();
    if (this.#view && this.#view.buffer !== this.#module.HEAPU8.buffer) {
      this.release();
      throw new ImageFieldError('invalid_argument',
        'this input buffer\'s array went stale: Wasm memory grew after input.array was read, so writes through '
        + 'that array may be lost. Read input.array again after other core calls, fill it, then use it');
    }
    return { address: this.#address, length: this.length, dtype: this.dtype };
  }

  #checkUsable() {
    if (this.#released) {
      throw new ImageFieldError('invalid_argument',
        'this input buffer was already used or released; an input buffer is single-use, call core.allocInput() again');
    }
  }
}
