// An async Core: the same methods as Core's synchronous ones, each run in a
// dedicated Worker with its own Wasm instance (under the bridge's trap, hang,
// error-storm and heap guards) and returning a Promise, so a page can decode,
// encode or convert a 13 MP image without blocking its main thread.
// Inputs are copied to the Worker unless `transfer: true` hands their buffers
// over (they are detached afterwards); results come back transferred.
import { ImageFieldError } from '../core/error.js';
import { besideCache, prebundled } from '../core/package-files.js';
import { WorkerBridge } from './bridge.js';
import { crossable, transferables } from './transfer.js';

export class WorkerCore {
  #bridge;

  /** @internal Use loadCore({ worker: true }). */
  constructor(bridge, { simd, defaultLimits }) {
    this.#bridge = bridge;
    /** Whether the Worker's instance runs the Wasm SIMD build. */
    this.simd = simd;
    /** Decode limits used when a call does not override them. */
    this.defaultLimits = Object.freeze({ ...defaultLimits });
  }

  /** False once close() was called (a Worker that trapped is replaced, so traps do not end a WorkerCore). */
  get usable() {
    return !this.#bridge.closed;
  }

  /** Calls run, Workers started and replaced (by reason), cancelled calls, the Worker's Wasm heap. */
  get stats() {
    return this.#bridge.stats;
  }

  /** Terminates the Worker; later calls reject with `closed`. */
  close() {
    this.#bridge.close();
  }

  #call(op, args, { signal, transfer = false } = {}, failCode = 'core_trapped') {
    return this.#bridge.call(op, args, { signal, transfer: transfer ? transferables(args) : [], failCode, what: `${op}()` });
  }

  guessMode(shape, { signal, ...options } = {}) {
    return this.#call('guessMode', [shape, options], { signal });
  }

  toUint8(data, { signal, transfer, ...options } = {}) {
    return this.#call('toUint8', [crossable(data), options], { signal, transfer });
  }

  fromArray(data, { signal, transfer, ...options } = {}) {
    return this.#call('fromArray', [crossable(data), options], { signal, transfer });
  }

  toImageData(raster, { signal, transfer } = {}) {
    return this.#call('toImageData', [raster], { signal, transfer });
  }

  decode(bytes, { signal, transfer, ...options } = {}) {
    return this.#call('decode', [bytes, options], { signal, transfer }, 'decode_failed');
  }

  encode(raster, { signal, transfer, ...options } = {}) {
    return this.#call('encode', [raster, options], { signal, transfer });
  }

  convert(raster, mode, { signal, transfer } = {}) {
    return this.#call('convert', [raster, mode], { signal, transfer });
  }

  maskOverlay(mask, colors, { signal, transfer } = {}) {
    return this.#call('maskOverlay', [mask, colors], { signal, transfer });
  }

  watermark(raster, mark, { signal, transfer, ...options } = {}) {
    return this.#call('watermark', [raster, mark, options], { signal, transfer });
  }

  /** Not available across a Worker: memory of another thread cannot be filled in place. */
  allocInput() {
    throw new ImageFieldError('invalid_argument', 'allocInput() works on the synchronous core only (loadCore()); '
      + 'a WorkerCore takes typed arrays, moved with { transfer: true }');
  }
}

/**
 * Starts a WorkerCore. Options: workerUrl (core-worker.js, where a build
 * moved it) and the bridge's (wasmUrl, timeoutMs, maxHeapBytes, errorStorm, onReplace).
 */
export async function loadWorkerCore(options = {}) {
  const { workerUrl, ...guards } = options;
  const bridge = new WorkerBridge(() => {
    if (workerUrl !== undefined) return new Worker(workerUrl, { type: 'module', name: 'imagefield-core' });
    if (prebundled()) return new Worker(besideCache('web/worker/core-worker.js'), { type: 'module', name: 'imagefield-core' });
    return new Worker(new URL('./core-worker.js', import.meta.url), { type: 'module', name: 'imagefield-core' });
  }, guards);
  const info = await bridge.ready();
  return new WorkerCore(bridge, info);
}
