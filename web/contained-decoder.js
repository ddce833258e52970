// Decodes untrusted image bytes in a dedicated Worker that owns its own Wasm
// core; <image-field> also runs its whole pixel pipeline there (process()),
// so a large image never blocks the page. stb_image has known memory bugs no compile flag removes; whatever a
// hostile file does to that instance stays in the Worker. The Worker is
// terminated and replaced (lazily, on the next decode) when it traps, hangs,
// produces an error storm, or its Wasm heap — which never shrinks — grows past
// a threshold. Callers only ever see a raster or an ImageFieldError.
import { ImageFieldError } from './errors.js';

const DEFAULTS = Object.freeze({
  maxHeapBytes: 512 * 2 ** 20,
  timeoutMs: 10_000,
  errorStorm: Object.freeze({ errors: 20, withinMs: 10_000 }),
});

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

export class ContainedDecoder {
  #options;
  #worker = null;
  #starting = null;
  #queue = Promise.resolve();
  #errorTimes = [];
  #closed = false;
  #stats = { decodes: 0, workersStarted: 0, replaced: { trap: 0, timeout: 0, heap: 0, storm: 0, crash: 0 }, heapBytes: 0 };

  /**
   * @param {object} [options]
   * @param {string|URL} [options.wasmUrl] the core's .wasm (default: next to core.js)
   * @param {string|URL} [options.workerUrl] decode-worker.js (default: next to this module)
   * @param {number} [options.maxHeapBytes] replace the Worker once its Wasm heap is larger
   * @param {number} [options.timeoutMs] a decode (or each stage of a process request) taking longer is stopped (the Worker is replaced)
   * @param {{errors: number, withinMs: number}} [options.errorStorm] this many errors in this time replace the Worker
   * @param {(reason: string) => void} [options.onReplace] told why a Worker was retired
   */
  constructor(options = {}) {
    this.#options = {
      ...DEFAULTS,
      ...options,
      errorStorm: { ...DEFAULTS.errorStorm, ...options.errorStorm },
    };
  }

  /**
   * Counters: requests run (decode and process), Workers started, Workers
   * retired by reason, the Worker's Wasm heap after the last request (and,
   * with the test-hooks build only, its testHeapCounters).
   */
  get stats() {
    return structuredClone(this.#stats);
  }

  /**
   * Decodes an encoded image. Resolves with {width, height, mode, data[, palette]}
   * (the pixel buffers are transferred from the Worker); rejects with
   * ImageFieldError. Calls run one at a time, in order.
   * @param {Uint8Array|ArrayBuffer} bytes
   * @param {{mode?: string, maxFileBytes?: number, maxAxis?: number, maxPixels?: number,
   *          maxDecodeBytes?: number, transfer?: boolean}} [options]
   *   transfer: hand the input buffer to the Worker instead of copying it
   *   (it is detached afterwards).
   */
  decode(bytes, { transfer = false, ...options } = {}) {
    if (this.#closed) return Promise.reject(new ImageFieldError('invalid_argument', 'this ContainedDecoder was closed'));
    let buffer;
    try {
      buffer = toArrayBuffer(bytes, transfer);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#enqueue({ type: 'decode', bytes: buffer, options }, [buffer]);
  }

  /**
   * Runs one request of <image-field>'s pixel pipeline (web/element/pixel-pipeline.js)
   * in the Worker, under the same guarantees as decode(). Used by the element.
   * @param {object} request
   * @param {Transferable[]} [transfer] buffers (or a VideoFrame) of the request to hand over
   * @returns {Promise<{raster: object, value: object, shown: ImageData|null, encoded: Blob|null, file: Uint8Array|null}>}
   */
  process(request, transfer = []) {
    if (this.#closed) return Promise.reject(new ImageFieldError('invalid_argument', 'this ContainedDecoder was closed'));
    return this.#enqueue({ type: 'process', request }, transfer);
  }

  #enqueue(message, transfer) {
    const run = this.#queue.then(() => this.#run(message, transfer));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Terminates the Worker; later decode() calls reject. */
  close() {
    this.#closed = true;
    this.#worker?.terminate();
    this.#worker = null;
  }

  #start() {
    const url = this.#options.workerUrl ?? new URL('./decode-worker.js', import.meta.url);
    const worker = new Worker(url, { type: 'module', name: 'imagefield-decoder' });
    this.#stats.workersStarted++;
    this.#starting = new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === 'ready') resolve(worker);
        else reject(new ImageFieldError('decode_failed', `the decoder could not start: ${data.message}`));
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        reject(new ImageFieldError('decode_failed', `the decoder could not start: ${event.message ?? 'worker error'}`));
      };
    });
    const wasmUrl = this.#options.wasmUrl === undefined ? undefined : new URL(this.#options.wasmUrl, location.href).href;
    worker.postMessage({ type: 'start', wasmUrl });
    return this.#starting.then(
      (ready) => { this.#worker = ready; this.#starting = null; return ready; },
      (error) => { worker.terminate(); this.#starting = null; throw error; },
    );
  }

  #retire(reason) {
    this.#worker?.terminate();
    this.#worker = null;
    this.#errorTimes = [];
    this.#stats.replaced[reason]++;
    this.#options.onReplace?.(reason);
  }

  async #run(message, transfer) {
    const worker = this.#worker ?? await this.#start();
    this.#stats.decodes++;
    const reply = await new Promise((resolve) => {
      // Each stage of a request (decoding, then encoding the result) gets its own
      // timeoutMs: the guard is for hostile input, not for large trusted pixels.
      let timer = setTimeout(() => resolve({ type: 'timeout' }), this.#options.timeoutMs);
      worker.onmessage = ({ data }) => {
        clearTimeout(timer);
        if (data.type === 'stage') timer = setTimeout(() => resolve({ type: 'timeout' }), this.#options.timeoutMs);
        else resolve(data);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        clearTimeout(timer);
        resolve({ type: 'crash', message: event.message ?? 'worker error' });
      };
      try {
        worker.postMessage({ ...message, id: this.#stats.decodes }, transfer);
      } catch (error) {
        clearTimeout(timer);
        resolve({ type: 'unsent', message: `${error?.name}: ${error?.message}` });
      }
    });

    if (reply.type === 'result' || reply.type === 'error') {
      this.#stats.heapBytes = reply.heapBytes;
      if (reply.testHeapCounters) this.#stats.testHeapCounters = reply.testHeapCounters;
    }
    switch (reply.type) {
      case 'result':
        if (reply.heapBytes > this.#options.maxHeapBytes) this.#retire('heap');
        return reply.value;
      case 'error':
        if (reply.heapBytes > this.#options.maxHeapBytes) this.#retire('heap');
        else this.#countError();
        throw new ImageFieldError(reply.code, reply.message);
      case 'unsent':
        throw new ImageFieldError('invalid_argument', `this value cannot be passed to the decoder's Worker (${reply.message}); `
          + 'give plain data: a raster, an ImageData, a Blob or a typed array with a shape');
      case 'timeout':
        this.#retire('timeout');
        throw new ImageFieldError('decode_failed', `decoding took longer than ${this.#options.timeoutMs} ms and was `
          + 'stopped; the file is probably malformed (or raise timeoutMs for very large images)');
      case 'trap':
        this.#retire('trap');
        throw new ImageFieldError('decode_failed', `the decoder crashed on this file (${reply.message}); it was `
          + 'replaced and later files decode normally, but this file cannot be decoded');
      default:
        this.#retire('crash');
        throw new ImageFieldError('decode_failed', `the decoder stopped unexpectedly (${reply.message}); it was replaced`);
    }
  }

  #countError() {
    const { errors, withinMs } = this.#options.errorStorm;
    const now = Date.now();
    this.#errorTimes = this.#errorTimes.filter((t) => now - t < withinMs);
    this.#errorTimes.push(now);
    if (this.#errorTimes.length >= errors) this.#retire('storm');
  }
}
