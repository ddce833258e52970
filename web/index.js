// 'imagefield': the core (synchronous, or in a Worker with { worker: true }),
// its error type and codes, and ContainedDecoder for untrusted files.
export { loadCore } from './worker/load-core.js';
export { ImageFieldError } from './core/error.js';
export { ERROR_CODES } from './core/error-codes.js';
export { WorkerCore } from './worker/worker-core.js';
export { ContainedDecoder } from './pipeline/contained-decoder.js';
