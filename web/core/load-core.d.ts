// Types of web/core/load-core.js: the core layer's loader of the synchronous core.
import type { Core } from './core.js';
import type { ImageFieldError } from './error.js';

export interface LoadCoreOptions {
  /** Where to fetch (browser) or read (Node) the `.wasm` from. Default: the package's `web/core/wasm/imagefield-core.wasm` (bundlers copy it). */
  wasmUrl?: string | URL;
  /** The module's bytes, if the page already has them (they must be of the build `simd` selects). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * Which build to load: `imagefield-core` (Wasm SIMD kernels) or
   * `imagefield-core-nosimd` (same results, for engines without SIMD). By
   * default `WebAssembly.validate` on a one-instruction SIMD module decides.
   */
  simd?: boolean;
}

/**
 * Loads the synchronous core on this thread: in a browser it fetches the
 * `.wasm` from the package (serve it as `application/wasm`; a CSP needs
 * `'wasm-unsafe-eval'`), in Node it reads it from disk (the package's "node"
 * condition). Calls without options share one instance. Rejects with
 * {@link ImageFieldError} `load_failed`, whose message names the URL, the HTTP
 * status or content type and first bytes, and how to fix it.
 */
export function loadCore(options?: LoadCoreOptions): Promise<Core>;
