// Types of web/worker/load-core.js: the public loadCore() of 'imagefield'.
import type { Core } from '../core/core.js';
import type { LoadCoreOptions } from '../core/load-core.js';
import type { WorkerCore, WorkerCoreOptions } from './worker-core.js';

/**
 * Loads the core: in a browser it fetches the `.wasm` from the package
 * (serve it as `application/wasm`; a CSP needs `'wasm-unsafe-eval'`), in Node
 * it reads it from disk (the package's "node" condition). Without `worker`
 * (or with `worker: false`) it is the synchronous {@link Core} on this thread,
 * and calls without options share one instance. With `worker: true` it starts
 * a {@link WorkerCore} whose Worker loads its own instance (it takes `wasmUrl`
 * and the guard options, not `wasmBinary` or `simd`; browsers only, Node
 * rejects with `worker_failed`). Rejects with `load_failed`, whose message
 * names the URL, the HTTP status or content type and first bytes, and how to fix it.
 */
export function loadCore(options?: LoadCoreOptions & { worker?: false }): Promise<Core>;
export function loadCore(options: WorkerCoreOptions): Promise<WorkerCore>;
