// The Worker side of the bridge: owns one Wasm core instance and runs the
// operations it was given on it, one at a time, replying with the result's
// buffers transferred. A trap leaves the instance unusable, so it is reported
// as 'trap' and the page side replaces the whole Worker. Operations are
// (core, args, context) → value; context.stage() restarts the page's hang
// guard for the next stage of a long operation.
import { ImageFieldError } from '../core/error.js';
import { loadCoreStatic } from '../core/load-core-static.js';
import { pack, transferables, unpack } from './transfer.js';

/** Runs in a Worker: answers the bridge's messages with `operations`. */
export function serve(operations) {
  let core = null;
  const heap = () => ({ heapBytes: core ? core.wasmMemoryBytes : 0, testHeapCounters: core?.testHeapCounters });

  async function start({ wasmUrl }) {
    try {
      // Without a URL the loader picks the SIMD or non-SIMD build for this engine.
      // Each Worker has its own module scope, so this instance is the Worker's own.
      core = await loadCoreStatic(wasmUrl ? { wasmUrl } : undefined);
      self.postMessage({ type: 'ready', simd: core.simd, defaultLimits: { ...core.defaultLimits }, ...heap() });
    } catch (error) {
      self.postMessage({ type: 'failed', code: error?.code ?? 'load_failed', message: String(error?.message ?? error) });
    }
  }

  function report(id, error) {
    if (!core.usable || error instanceof WebAssembly.RuntimeError) {
      self.postMessage({ type: 'trap', id, message: String(error.cause?.message ?? error.message) });
    } else if (error instanceof ImageFieldError) {
      self.postMessage({ type: 'error', id, code: error.code, message: error.message, ...heap() });
    } else {
      // The browser's side (a canvas too large for it, an encoder refusing): the core is fine.
      self.postMessage({ type: 'error', id, code: 'decode_failed', ...heap(),
        message: `the browser could not process this image (${error?.name}: ${error?.message}); try a smaller image or another format` });
    }
  }

  async function call({ id, op, args }) {
    const operation = Object.prototype.hasOwnProperty.call(operations, op) ? operations[op] : null;
    try {
      if (!operation) throw new ImageFieldError('invalid_argument', `this Worker has no operation ${JSON.stringify(op)}`);
      const context = { stage: (stage) => self.postMessage({ type: 'stage', id, stage }) };
      const value = pack(await operation(core, unpack(args), context));
      self.postMessage({ type: 'result', id, value, ...heap() }, transferables(value));
    } catch (error) {
      report(id, error);
    }
  }

  self.onmessage = ({ data }) => {
    if (data.type === 'start') start(data);
    else if (data.type === 'call') call(data);
  };
}
