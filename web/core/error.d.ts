// Types of web/core/error.js: the one error type imagefield throws and reports.

/** Stable error codes; see {@link ImageFieldError} and, for what each means, ERROR_CODES. */
export type ErrorCode =
  // Raised by the C++ core.
  | 'invalid_shape' | 'invalid_mode' | 'invalid_format' | 'invalid_argument'
  | 'decode_failed' | 'too_large' | 'invalid_boxes' | 'invalid_mask' | 'invalid_classes' | 'unsupported_file'
  // Raised by the JavaScript around it (see ERROR_CODES for what each means).
  | 'load_failed' | 'worker_failed' | 'core_trapped' | 'aborted' | 'closed'
  | 'camera_unavailable' | 'camera_denied' | 'clipboard_empty' | 'clipboard_denied'
  | 'fullscreen_refused' | 'share_failed';


/** Thrown by every core call and reported by the element's `error` event. */
export class ImageFieldError extends Error {
  readonly name: 'ImageFieldError';
  /** Stable, machine-readable reason. */
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown });
}
