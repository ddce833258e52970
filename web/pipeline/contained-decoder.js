// Decodes untrusted image bytes in a dedicated Worker that owns its own Wasm
// core (a WorkerBridge over pipeline-worker.js); <image-field> also runs its
// whole pixel pipeline there, so a large image never blocks the page.
// stb_image has known memory bugs no compile flag removes; whatever a hostile
// file does to that instance stays in the Worker, which is replaced after a
// trap, a hang, an error storm or heap growth past a threshold. Callers only
// ever see a raster or an ImageFieldError.
import { ImageFieldError } from '../core/error.js';
import { besideCache, prebundled } from '../core/package-files.js';
import { WorkerBridge } from '../worker/bridge.js';

function toArrayBuffer(bytes, transfer) {
  if (bytes instanceof ArrayBuffer) return transfer ? bytes : bytes.slice(0);
  if (ArrayBuffer.isView(bytes)) {
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    if (transfer && whole && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  throw new ImageFieldError('invalid_argument',
    'decode() takes the file as a Uint8Array or ArrayBuffer (for a Blob or File: await blob.arrayBuffer())');
}

let bridgeOf;

export class ContainedDecoder {
  #bridge;

  static {
    // The field's pipeline runs through the decoder's Worker; pages only see decode().
    bridgeOf = (decoder) => decoder.#bridge;
  }

  /**
   * @param {object} [options]
   * @param {string|URL} [options.wasmUrl] the core's .wasm (default: the package's own)
   * @param {string|URL} [options.workerUrl] pipeline-worker.js, where a build moved it (default: the package's own)
   * @param {number} [options.maxHeapBytes] replace the Worker once its Wasm heap is larger
   * @param {number} [options.timeoutMs] a decode (or each stage of a field request) taking longer is stopped (the Worker is replaced)
   * @param {{errors: number, withinMs: number}} [options.errorStorm] this many errors in this time replace the Worker
   * @param {(reason: string) => void} [options.onReplace] told why a Worker was retired
   * @throws {ImageFieldError} worker_failed where there is no Worker (Node)
   */
  constructor(options = {}) {
    const { workerUrl, ...guards } = options;
    this.#bridge = new WorkerBridge(() => {
      if (workerUrl !== undefined) return new Worker(workerUrl, { type: 'module', name: 'imagefield-decoder' });
      if (prebundled()) return new Worker(besideCache('web/pipeline/pipeline-worker.js'), { type: 'module', name: 'imagefield-decoder' });
      return new Worker(new URL('./pipeline-worker.js', import.meta.url), { type: 'module', name: 'imagefield-decoder' });
    }, guards);
  }

  /**
   * Counters: requests run (decodes and field requests), Workers started,
   * Workers retired by reason, the Worker's Wasm heap after the last request
   * (and, with the test-hooks build only, its testHeapCounters).
   */
  get stats() {
    return this.#bridge.stats;
  }

  /**
   * Decodes an encoded image. Resolves with {width, height, mode, data[, palette]}
   * (the pixel buffers are transferred from the Worker); rejects with
   * ImageFieldError. Calls run one at a time, in order.
   * @param {Uint8Array|ArrayBuffer} bytes
   * @param {{mode?: string, maxFileBytes?: number, maxAxis?: number, maxPixels?: number,
   *          maxDecodeBytes?: number, transfer?: boolean, signal?: AbortSignal}} [options]
   *   transfer: hand the input buffer to the Worker instead of copying it
   *   (it is detached afterwards); signal: cancels the decode.
   */
  decode(bytes, { transfer = false, signal, ...options } = {}) {
    let buffer;
    try {
      buffer = toArrayBuffer(bytes, transfer);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#bridge.call('decode', [buffer, options], { transfer: [buffer], signal, failCode: 'decode_failed', what: 'decoding' });
  }

  /** Terminates the Worker; later decode() calls reject with `closed`. */
  close() {
    this.#bridge.close();
  }
}

/** @internal The bridge of a ContainedDecoder (for the field's requests), or null for anything else. */
export function decoderBridge(decoder) {
  return decoder instanceof ContainedDecoder ? bridgeOf(decoder) : null;
}
