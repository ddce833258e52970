/** `import 'imagefield/element'` defines `<image-field>`; the API is documented on the ImageField interface. */
import type { ImageField as ImageFieldElement } from '../index.js';

export type ImageField = ImageFieldElement;
export const ImageField: {
  new (): ImageFieldElement;
  readonly prototype: ImageFieldElement;
  readonly formAssociated: true;
};
