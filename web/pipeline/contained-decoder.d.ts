// Types of web/pipeline/contained-decoder.js: decoding in a Worker that is replaced when it fails.
import type { DecodeOptions, Raster } from '../core/core.js';
import type { ImageFieldError } from '../core/error.js';
import type { WorkerGuardOptions, WorkerStats } from '../worker/worker-core.js';

/** The options of a {@link ContainedDecoder}: the Worker's guards, and where its script is. */
export interface ContainedDecoderOptions extends WorkerGuardOptions {
  /** The Worker script (pipeline-worker.js), where a build moved it (default: the package's own, found by bundlers). */
  workerUrl?: string | URL;
}

/**
 * Decodes untrusted image bytes in a dedicated Worker that owns its own Wasm
 * core, and replaces that Worker after a trap, a hang, an error storm or heap
 * growth past `maxHeapBytes`. Calls run one at a time and resolve with a raster
 * (pixel buffers transferred from the Worker) or reject with
 * {@link ImageFieldError}; the decoder stays usable either way. `<image-field>`
 * runs its whole pixel pipeline in the Worker of one shared ContainedDecoder.
 * Where there are no Workers (Node) the constructor throws `worker_failed`.
 */
export class ContainedDecoder {
  constructor(options?: ContainedDecoderOptions);
  /**
   * `transfer: true` hands `bytes`' buffer to the Worker instead of copying it
   * (it is detached); `signal` cancels the decode (`aborted`).
   */
  decode(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions & { transfer?: boolean; signal?: AbortSignal }): Promise<Raster>;
  /** Counters: requests run (decodes and the field's requests), Workers started and retired by reason, cancellations, the heap. */
  readonly stats: WorkerStats;
  /** Terminates the Worker; later calls reject with `closed`. */
  close(): void;
}
