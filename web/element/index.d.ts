/** `import 'imagefield/element'` defines `<image-field>` (once) and exports its class. */
export { ImageField } from './image-field.js';
export type {
  ImageFieldElementEventMap, ImageFieldEventMap, ImageFieldInput, ImageFieldSource, ImageFieldStrings, ImageFieldValue,
} from './image-field.js';
