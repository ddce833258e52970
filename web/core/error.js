/**
 * The one error type imagefield throws and reports. `code` is stable API
 * (every code is in error-codes.js); `message` says what was wrong and what to do.
 */
export class ImageFieldError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'ImageFieldError';
    this.code = code;
  }
}

/** Throws the error carried by a core result, or returns its value. */
export function unwrap(result) {
  if (result.ok) return result.value;
  throw new ImageFieldError(result.code, result.message);
}
