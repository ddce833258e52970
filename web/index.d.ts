/**
 * imagefield — images in, arrays out, in the page.
 *
 * `imagefield` never touches the DOM: it exports the core loader, the error
 * type and the Worker-contained decoder. The declarations live beside the
 * modules they describe: core.d.ts (`imagefield/core`), errors.d.ts,
 * image.d.ts (`core.Image`), contained-decoder.d.ts and
 * element/image-field.d.ts (`imagefield/element`, whose types are re-exported
 * here as types only).
 */
export { loadCore } from './core.js';
export type {
  ArrayInput, Core, DecodeLimits, DecodeOptions, DType, EncodeOptions, FileType, FromArrayOptions, ImageDataLike,
  InputBuffer, Layout, LoadCoreOptions, Mode, NumericArray, Raster, WatermarkOptions, WatermarkPosition,
} from './core.js';
export { ImageFieldError } from './errors.js';
export type { ErrorCode } from './errors.js';
export type {
  Box, BoxesLayer, ClassLabels, ImageConstructor, ImageFileJSON, ImageFileType, ImageOptions, ImagesSeparatedJSON,
  LayerFileJSON, MaskLayer, MediaBinding, MediaFile, WandbImage,
} from './image.js';
export { ContainedDecoder } from './contained-decoder.js';
export type { ContainedDecoderOptions } from './contained-decoder.js';
export type {
  ImageField, ImageFieldElementEventMap, ImageFieldEventMap, ImageFieldInput, ImageFieldSource, ImageFieldStrings,
  ImageFieldValue,
} from './element/image-field.js';
