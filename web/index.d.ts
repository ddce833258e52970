/**
 * imagefield — images in, arrays out, in the page.
 *
 * `imagefield` never touches the DOM: it exports loadCore (the core on this
 * thread, or in a Worker), the error type and its codes, WorkerCore and
 * ContainedDecoder. The declarations live beside the modules they describe,
 * layer by layer: core/ (`imagefield/core`), worker/, pipeline/ and element/
 * (`imagefield/element`, whose types are re-exported here as types only).
 */
export { loadCore } from './worker/load-core.js';
export type {
  ArrayInput, Core, DecodeLimits, DecodeOptions, DType, EncodeOptions, FileType, FromArrayOptions, ImageDataLike,
  InputBuffer, Layout, Mode, NumericArray, Raster, WatermarkOptions, WatermarkPosition,
} from './core/core.js';
export type { LoadCoreOptions } from './core/load-core.js';
export { ImageFieldError } from './core/error.js';
export type { ErrorCode } from './core/error.js';
export { ERROR_CODES } from './core/error-codes.js';
export type { ErrorCodeInfo } from './core/error-codes.js';
export type {
  Box, BoxesLayer, ClassLabels, ImageConstructor, ImageFileJSON, ImageFileType, ImageOptions, ImagesSeparatedJSON,
  LayerFileJSON, MaskLayer, MediaBinding, MediaFile, WandbImage,
} from './core/image.js';
export { WorkerCore } from './worker/worker-core.js';
export type { WorkerCallOptions, WorkerCoreOptions, WorkerGuardOptions, WorkerStats } from './worker/worker-core.js';
export { ContainedDecoder } from './pipeline/contained-decoder.js';
export type { ContainedDecoderOptions } from './pipeline/contained-decoder.js';
export type {
  ImageField, ImageFieldElementEventMap, ImageFieldEventMap, ImageFieldInput, ImageFieldSource, ImageFieldStrings,
  ImageFieldValue,
} from './element/image-field.js';
