export { loadCore } from './core.js';
export { ImageFieldError } from './errors.js';
export { ContainedDecoder } from './contained-decoder.js';
