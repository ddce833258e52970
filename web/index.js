export { loadCore, Core } from './core.js';
export { ImageFieldError } from './errors.js';
