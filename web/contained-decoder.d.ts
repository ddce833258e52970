// Types of web/contained-decoder.js: decoding in a Worker that is replaced when it fails.
import type { DecodeOptions, Raster } from './core.js';
import type { ImageFieldError } from './errors.js';

export interface ContainedDecoderOptions {
  /** The core's `.wasm` (default: `wasm/imagefield-core.wasm` next to the module). */
  wasmUrl?: string | URL;
  /** The Worker script (default: `decode-worker.js` next to the module). */
  workerUrl?: string | URL;
  /** Retire the Worker once its Wasm heap (which never shrinks) is larger. Default 512 MiB. */
  maxHeapBytes?: number;
  /** A decode (for `process`: each stage, decoding and then the rest) taking longer is stopped and the Worker replaced (a hang guard). Default 10 000 ms. */
  timeoutMs?: number;
  /** This many errors within this time retire the Worker. Default 20 within 10 000 ms. */
  errorStorm?: { errors?: number; withinMs?: number };
  /** Told why a Worker was retired: "trap", "timeout", "heap", "storm" or "crash". */
  onReplace?: (reason: 'trap' | 'timeout' | 'heap' | 'storm' | 'crash') => void;
}

/**
 * Decodes untrusted image bytes in a dedicated Worker that owns its own Wasm
 * core, and replaces that Worker after a trap, a hang, an error storm or heap
 * growth past `maxHeapBytes`. Calls run one at a time and resolve with a raster
 * (pixel buffers transferred from the Worker) or reject with
 * {@link ImageFieldError}; the decoder stays usable either way.
 */
export class ContainedDecoder {
  constructor(options?: ContainedDecoderOptions);
  /** `transfer: true` hands `bytes`' buffer to the Worker instead of copying it (it is detached). */
  decode(bytes: Uint8Array | ArrayBuffer, options?: DecodeOptions & { transfer?: boolean }): Promise<Raster>;
  /**
   * Runs one request of `<image-field>`'s pixel pipeline (decode, conversion,
   * watermark, encoding) in the Worker, under the same guarantees as `decode`.
   * The element's protocol, not meant to be called by pages.
   */
  process(request: object, transfer?: Transferable[]): Promise<object>;
  /** Counters: requests run (`decode` and `process`), Workers started, Workers retired by reason. */
  readonly stats: {
    decodes: number;
    workersStarted: number;
    replaced: { trap: number; timeout: number; heap: number; storm: number; crash: number };
    /** The Worker's Wasm heap in bytes after the last request (0 before the first). */
    heapBytes: number;
  };
  /** Terminates the Worker; later calls reject. */
  close(): void;
}
