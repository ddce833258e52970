// Types of web/core/error-codes.js: the table of every ImageFieldError code.
import type { ErrorCode } from './error.js';

/** Who raises a code: the C++ core, or the JavaScript around it. */
export interface ErrorCodeInfo {
  readonly origin: 'core' | 'web';
  /** What the code means, in a sentence. */
  readonly meaning: string;
}

/** Every code an ImageFieldError can carry, with its origin and meaning. */
export declare const ERROR_CODES: Readonly<Record<ErrorCode, ErrorCodeInfo>>;
