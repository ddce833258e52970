// The page side of a Worker that owns its own Wasm core (serve.js): any
// operation runs there with its buffers transferred, one at a time, in
// order. Whatever a hostile input does to that instance stays in the
// Worker: it is terminated and replaced (lazily, on the next call) when it
// traps, hangs, produces an error storm, or its Wasm heap — which never
// shrinks — grows past a threshold. An AbortSignal cancels a queued call, or
// a running one by terminating its Worker. Callers only ever see a value or
// an ImageFieldError.
import { ImageFieldError } from '../core/error.js';
import { pack, unpack } from './transfer.js';

export const BRIDGE_DEFAULTS = Object.freeze({
  maxHeapBytes: 512 * 2 ** 20,
  timeoutMs: 10_000,
  errorStorm: Object.freeze({ errors: 20, withinMs: 10_000 }),
});

function aborted(signal) {
  const reason = signal?.reason;
  if (reason instanceof ImageFieldError) return reason;
  return new ImageFieldError('aborted', `the operation was cancelled${reason?.message ? ` (${reason.message})` : ''}`);
}

export class WorkerBridge {
  #options;
  #createWorker;
  #worker = null;
  #ready = null;       // { simd, defaultLimits } of the running Worker
  #queue = Promise.resolve();
  #errorTimes = [];
  #closed = false;
  #running = null;     // { resolve } of the call in flight
  #stats = { decodes: 0, workersStarted: 0, replaced: { trap: 0, timeout: 0, heap: 0, storm: 0, crash: 0 }, cancelled: 0, heapBytes: 0 };

  /**
   * @param {() => Worker} createWorker starts the Worker (a literal `new Worker(new URL(...))` of the caller)
   * @param {object} [options]
   * @param {string|URL} [options.wasmUrl] the core's .wasm for the Worker (default: its own)
   * @param {number} [options.maxHeapBytes] replace the Worker once its Wasm heap is larger
   * @param {number} [options.timeoutMs] a call (or each stage of one) taking longer is stopped (the Worker is replaced)
   * @param {{errors: number, withinMs: number}} [options.errorStorm] this many errors in this time replace the Worker
   * @param {(reason: string) => void} [options.onReplace] told why a Worker was retired
   */
  constructor(createWorker, options = {}) {
    if (typeof Worker === 'undefined') {
      throw new ImageFieldError('worker_failed', 'this environment has no Worker (Node, or a browser context without '
        + 'Workers); use loadCore() and the core\'s synchronous methods here');
    }
    this.#createWorker = createWorker;
    this.#options = {
      ...BRIDGE_DEFAULTS,
      ...options,
      errorStorm: { ...BRIDGE_DEFAULTS.errorStorm, ...options.errorStorm },
    };
  }

  /** Counters: calls run, Workers started, Workers retired by reason, cancelled calls, the Worker's heap. */
  get stats() {
    return structuredClone(this.#stats);
  }

  get closed() {
    return this.#closed;
  }

  /** Starts the Worker now (calls start it anyway); resolves with its core's { simd, defaultLimits }. */
  async ready() {
    if (this.#closed) throw this.#closedError();
    return this.#ready ?? (await this.#start()).info;
  }

  /**
   * Runs `op` with `args` in the Worker.
   * @param {string} op
   * @param {any[]} args
   * @param {{ transfer?: Transferable[], signal?: AbortSignal, failCode?: string, what?: string }} [options]
   *   transfer: buffers (or a VideoFrame) of `args` to hand over instead of copying;
   *   failCode: the code of a trap or hang (decode_failed for files, core_trapped otherwise);
   *   what: the call in messages ("decoding", "encode()")
   */
  call(op, args, { transfer = [], signal, failCode = 'core_trapped', what = `${op}()` } = {}) {
    if (this.#closed) return Promise.reject(this.#closedError());
    if (signal?.aborted) return Promise.reject(aborted(signal));
    const run = this.#queue.then(() => {
      if (signal?.aborted) throw aborted(signal);
      return this.#run({ op, args: pack(args) }, transfer, { signal, failCode, what });
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Terminates the Worker; later calls reject. */
  close() {
    this.#closed = true;
    this.#worker?.terminate();
    this.#worker = null;
    this.#running?.resolve({ type: 'closed' });
  }

  #closedError() {
    return new ImageFieldError('closed', 'this Worker was closed (close() was called); make a new one');
  }

  #start() {
    let worker;
    try {
      worker = this.#createWorker();
    } catch (error) {
      return Promise.reject(new ImageFieldError('worker_failed', `the Worker could not be started (${error?.message ?? error}); `
        + 'check that the package\'s -worker.js files are served and allowed by the page\'s Content-Security-Policy (worker-src)',
      { cause: error }));
    }
    this.#stats.workersStarted++;
    const starting = new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === 'ready') resolve({ simd: data.simd, defaultLimits: data.defaultLimits });
        else reject(new ImageFieldError(data.code === 'load_failed' ? 'load_failed' : 'worker_failed', `the Worker could not start: ${data.message}`));
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        reject(new ImageFieldError('worker_failed', `the Worker could not start (${event.message ?? 'its script failed to load'}); `
          + 'check that the package\'s -worker.js files are served next to its modules'));
      };
    });
    const wasmUrl = this.#options.wasmUrl === undefined ? undefined : new URL(this.#options.wasmUrl, globalThis.location?.href).href;
    worker.postMessage({ type: 'start', wasmUrl });
    return starting.then(
      (info) => { this.#worker = worker; this.#ready = info; return { worker, info }; },
      (error) => { worker.terminate(); throw error; },
    );
  }

  #retire(reason) {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
    this.#errorTimes = [];
    if (reason === 'cancelled') this.#stats.cancelled++;
    else this.#stats.replaced[reason]++;
    if (reason !== 'cancelled') this.#options.onReplace?.(reason);
  }

  async #run(message, transfer, { signal, failCode, what }) {
    const worker = this.#worker ?? (await this.#start()).worker;
    if (signal?.aborted) throw aborted(signal);
    this.#stats.decodes++;
    const { timeoutMs } = this.#options;
    const reply = await new Promise((resolve) => {
      // Each stage of a call (decoding, then encoding the result) gets its own
      // timeoutMs: the guard is for hostile input, not for large trusted pixels.
      let timer = setTimeout(() => resolve({ type: 'timeout' }), timeoutMs);
      const onAbort = () => resolve({ type: 'aborted' });
      const done = (data) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#running = null;
        resolve(data);
      };
      this.#running = { resolve: done };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = ({ data }) => {
        if (data.type === 'stage') {
          clearTimeout(timer);
          timer = setTimeout(() => done({ type: 'timeout' }), timeoutMs);
        } else {
          done(data);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        done({ type: 'crash', message: event.message ?? 'worker error' });
      };
      try {
        worker.postMessage({ type: 'call', ...message, id: this.#stats.decodes }, transfer);
      } catch (error) {
        done({ type: 'unsent', message: `${error?.name}: ${error?.message}` });
      }
    });
    this.#running = null;

    if (reply.type === 'result' || reply.type === 'error') {
      this.#stats.heapBytes = reply.heapBytes;
      if (reply.testHeapCounters) this.#stats.testHeapCounters = reply.testHeapCounters;
    }
    switch (reply.type) {
      case 'result':
        if (reply.heapBytes > this.#options.maxHeapBytes) this.#retire('heap');
        return unpack(reply.value);
      case 'error':
        if (reply.heapBytes > this.#options.maxHeapBytes) this.#retire('heap');
        else this.#countError();
        throw new ImageFieldError(reply.code, reply.message);
      case 'unsent':
        throw new ImageFieldError('invalid_argument', `this value cannot be passed to the core's Worker (${reply.message}); `
          + 'give plain data: a raster, an ImageData, a Blob or a typed array with a shape');
      case 'aborted':
        // Wasm cannot be interrupted: the Worker goes, the next call starts another.
        this.#retire('cancelled');
        throw aborted(signal);
      case 'closed':
        throw this.#closedError();
      case 'timeout':
        this.#retire('timeout');
        throw new ImageFieldError(failCode, `${what} took longer than ${timeoutMs} ms and was stopped; `
          + (failCode === 'decode_failed' ? 'the file is probably malformed (or raise timeoutMs for very large images)'
            : 'raise timeoutMs for very large images'));
      case 'trap':
        this.#retire('trap');
        throw new ImageFieldError(failCode, failCode === 'decode_failed'
          ? `the decoder crashed on this file (${reply.message}); it was replaced and later files decode normally, but this file cannot be decoded`
          : `the core crashed in ${what} (${reply.message}); its Worker was replaced and later calls work`);
      default:
        this.#retire('crash');
        throw new ImageFieldError(failCode, `the core's Worker stopped unexpectedly during ${what} (${reply.message}); it was replaced`);
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
