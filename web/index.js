export { loadCore } from './core.js';
export { ImageFieldError } from './errors.js';
