// Types of web/worker/worker-core.js: the core's methods run in a dedicated Worker.
import type {
  ArrayInput, DecodeLimits, DecodeOptions, EncodeOptions, FileType, FromArrayOptions, ImageDataLike, Layout, Mode,
  NumericArray, Raster, WatermarkOptions,
} from '../core/core.js';
import type { ImageFieldError } from '../core/error.js';

/** How a Worker is guarded; shared by {@link WorkerCore} and ContainedDecoder. */
export interface WorkerGuardOptions {
  /** The core's `.wasm` for the Worker (default: the package's own, SIMD or not as the engine allows). */
  wasmUrl?: string | URL;
  /** Retire the Worker once its Wasm heap (which never shrinks) is larger. Default 512 MiB. */
  maxHeapBytes?: number;
  /** A call (for a field's request: each stage) taking longer is stopped and the Worker replaced (a hang guard). Default 10 000 ms. */
  timeoutMs?: number;
  /** This many errors within this time retire the Worker. Default 20 within 10 000 ms. */
  errorStorm?: { errors?: number; withinMs?: number };
  /** Told why a Worker was retired. */
  onReplace?: (reason: 'trap' | 'timeout' | 'heap' | 'storm' | 'crash') => void;
}

/** Options of `loadCore({ worker: true })`: the Worker's guards, and where its script is. */
export interface WorkerCoreOptions extends WorkerGuardOptions {
  worker: true;
  /** The Worker script (core-worker.js), where a build moved it (default: the package's own, found by bundlers). */
  workerUrl?: string | URL;
}

/** Counters of a Worker-backed object. */
export interface WorkerStats {
  /** Calls run. */
  decodes: number;
  workersStarted: number;
  replaced: { trap: number; timeout: number; heap: number; storm: number; crash: number };
  /** Calls cancelled through their AbortSignal. */
  cancelled: number;
  /** The Worker's Wasm heap in bytes after the last call (0 before the first). */
  heapBytes: number;
}

/** Options every WorkerCore method takes besides its own. */
export interface WorkerCallOptions {
  /** Cancels the call: queued, it never runs; running, its Worker is terminated (and replaced on the next call). Rejects with `aborted`. */
  signal?: AbortSignal;
  /** Hand the input's buffers to the Worker instead of copying them (they are detached afterwards). */
  transfer?: boolean;
}

/**
 * The core in a dedicated Worker with its own Wasm instance: the same methods
 * as Core's synchronous ones, returning Promises, so a page can decode,
 * encode or convert large images without blocking its main thread. Results
 * come back transferred. A trap, a hang, an error storm or heap growth replaces
 * the Worker (the call rejects with {@link ImageFieldError}; later calls work),
 * so a WorkerCore stays usable until `close()`. `allocInput` and `Image` are the
 * synchronous core's only. Made by `loadCore({ worker: true })`.
 */
export class WorkerCore {
  private constructor();
  /** Whether the Worker's instance runs the Wasm SIMD build. */
  readonly simd: boolean;
  /** The limits `decode` applies when a call does not override them. */
  readonly defaultLimits: Readonly<Required<DecodeLimits>>;
  /** False once `close()` was called. */
  readonly usable: boolean;
  readonly stats: WorkerStats;
  /** Terminates the Worker; later calls reject with `closed`. */
  close(): void;

  guessMode(shape: readonly number[], options?: { layout?: Layout; fileType?: FileType; signal?: AbortSignal }): Promise<'L' | 'LA' | 'RGB' | 'RGBA'>;
  toUint8(data: NumericArray | number[] | boolean[], options?: { normalize?: boolean } & WorkerCallOptions): Promise<Uint8Array>;
  fromArray(data: ArrayInput, options?: FromArrayOptions & { output?: 'raster' } & WorkerCallOptions): Promise<Raster>;
  fromArray(data: ArrayInput, options: FromArrayOptions & { output: 'imagedata' } & WorkerCallOptions): Promise<ImageDataLike>;
  toImageData(raster: Raster | ImageData, options?: WorkerCallOptions): Promise<ImageDataLike>;
  decode(bytes: Uint8Array | ArrayBuffer | ArrayBufferView, options?: DecodeOptions & WorkerCallOptions): Promise<Raster>;
  encode(raster: Raster | ImageData, options?: EncodeOptions & WorkerCallOptions): Promise<Uint8Array>;
  convert(raster: Raster | ImageData, mode: Mode, options?: WorkerCallOptions): Promise<Raster>;
  maskOverlay(mask: { width: number; height: number; data: Uint8Array }, colors: Uint8Array, options?: WorkerCallOptions): Promise<Raster>;
  watermark(raster: Raster | ImageData, mark: Raster | ImageData, options?: WatermarkOptions & WorkerCallOptions): Promise<Raster>;
  /** Always throws `invalid_argument`: memory of another thread cannot be filled in place (use `transfer: true`). */
  allocInput(): never;
}
