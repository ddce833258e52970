// 'imagefield/core' (web/core/index.js): the core layer alone — the synchronous
// core on this thread, its error type and codes. No Worker, no DOM.
export { Core } from './core.js';
export type {
  ArrayInput, DecodeLimits, DecodeOptions, DType, EncodeOptions, FileType, FromArrayOptions, ImageDataLike,
  InputBuffer, Layout, Mode, NumericArray, Raster, WatermarkOptions, WatermarkPosition,
} from './core.js';
export { loadCore } from './load-core.js';
export type { LoadCoreOptions } from './load-core.js';
export { ImageFieldError } from './error.js';
export type { ErrorCode } from './error.js';
export { ERROR_CODES } from './error-codes.js';
export type { ErrorCodeInfo } from './error-codes.js';
export type {
  Box, BoxesLayer, ClassLabels, ImageConstructor, ImageFileJSON, ImageFileType, ImageOptions, ImagesSeparatedJSON,
  LayerFileJSON, MaskLayer, MediaBinding, MediaFile, WandbImage,
} from './image.js';
