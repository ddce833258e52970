// Where a field's operations run. With a ContainedDecoder (the page's shared
// one by default) every operation runs in its Worker, buffers transferred;
// without one (no Worker or OffscreenCanvas here, or a page-given decoder
// that only decodes) the same operations run on the main thread with the
// page's core. Either way the caller's AbortSignal cancels the work.
import { ImageFieldError } from '../core/error.js';
import { loadCore } from '../core/load-core.js';
import { decoderBridge } from './contained-decoder.js';
import { pipelineOperations } from './pipeline-operations.js';

const FILE_OPERATIONS = new Set(['process', 'decode']);

function abortedError(signal) {
  return signal.reason instanceof ImageFieldError ? signal.reason
    : new ImageFieldError('aborted', 'the operation was cancelled by a newer one');
}

export class FieldRunner {
  #decoder;
  #bridge;

  /** @param {object | null} decoder the field's decoder (a ContainedDecoder, a page-given one, or null) */
  constructor(decoder) {
    this.#decoder = decoder;
    this.#bridge = typeof OffscreenCanvas === 'undefined' ? null : decoderBridge(decoder);
  }

  /** Whether the work runs in a Worker (the page then loads no core for the field). */
  get inWorker() {
    return this.#bridge !== null;
  }

  /**
   * Runs an operation of pipeline-operations.js.
   * @param {string} op
   * @param {any[]} args
   * @param {{ transfer?: Transferable[], signal?: AbortSignal }} [options]
   */
  async run(op, args, { transfer = [], signal } = {}) {
    if (this.#bridge) {
      return this.#bridge.call(op, args, {
        transfer, signal, failCode: FILE_OPERATIONS.has(op) ? 'decode_failed' : 'core_trapped',
        what: FILE_OPERATIONS.has(op) ? 'decoding' : `${op}()`,
      });
    }
    const core = await loadCore();
    if (signal?.aborted) throw abortedError(signal);
    return pipelineOperations[op](core, args, { decoder: this.#decoder });
  }
}
