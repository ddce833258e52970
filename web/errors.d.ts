// Types of web/errors.js: the one error type imagefield throws and reports.

/** Stable error codes; see {@link ImageFieldError}. */
export type ErrorCode =
  | 'invalid_shape' | 'invalid_mode' | 'invalid_format' | 'invalid_argument'
  | 'decode_failed' | 'too_large' | 'invalid_boxes' | 'invalid_mask' | 'invalid_classes'
  | 'camera_unavailable' | 'camera_denied' | 'clipboard_empty' | 'clipboard_denied' | 'unsupported_file';


/** Thrown by every core call and reported by the element's `error` event. */
export class ImageFieldError extends Error {
  readonly name: 'ImageFieldError';
  /** Stable, machine-readable reason. */
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown });
}
