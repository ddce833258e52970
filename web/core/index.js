// 'imagefield/core': the core layer alone — the synchronous core on this
// thread, its error type and codes. No Worker, no DOM.
export { Core } from './core.js';
export { loadCore } from './load-core.js';
export { ImageFieldError } from './error.js';
export { ERROR_CODES } from './error-codes.js';
