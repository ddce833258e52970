// The public loadCore(): the synchronous core on this thread, or with
// { worker: true } a WorkerCore whose methods return Promises.
import { ImageFieldError } from '../core/error.js';
import { loadCore as loadCoreHere } from '../core/load-core.js';
import { loadWorkerCore } from './worker-core.js';

/**
 * @param {{ worker?: boolean, wasmUrl?: string | URL, wasmBinary?: ArrayBuffer | Uint8Array, simd?: boolean,
 *           timeoutMs?: number, maxHeapBytes?: number, errorStorm?: object, onReplace?: Function }} [options]
 */
export function loadCore(options) {
  if (!options?.worker) {
    if (options && 'worker' in options) {
      const { worker, ...rest } = options;
      return loadCoreHere(rest);
    }
    return loadCoreHere(options);
  }
  const { worker, wasmBinary, simd, ...bridgeOptions } = options;
  if (wasmBinary !== undefined || simd !== undefined) {
    return Promise.reject(new ImageFieldError('invalid_argument', 'loadCore({ worker: true }) takes wasmUrl (the Worker '
      + 'fetches the module itself), not wasmBinary or simd'));
  }
  try {
    return loadWorkerCore(bridgeOptions);
  } catch (error) {
    return Promise.reject(error);
  }
}
