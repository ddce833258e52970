/**
 * `import 'imagefield/react'` defines `<image-field>` exactly as
 * `imagefield/element` does, and declares the tag to React 19's JSX.
 *
 * React 19 assigns a prop as a property when the element has one, so objects
 * (`value`, `boxes`, `masks`, `watermark`, `strings`...) reach the element as
 * they are, and it listens to `on<event>` props spelled as the event is
 * (`onchange`, `onupload`, `onerror`...). The element must be defined before
 * React first renders it, which importing this module does.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ImageField, ImageFieldEventMap, ImageFieldInput, ImageFieldStrings } from './image-field.js';

export { ImageField } from './image-field.js';

/** Properties React sets on the element. */
type ImageFieldPropertyProps = Partial<Pick<ImageField,
  | 'sources' | 'imageMode' | 'type' | 'format' | 'label' | 'showLabel' | 'placeholder' | 'height' | 'width'
  | 'interactive' | 'buttons' | 'mirror' | 'streamEvery' | 'maxSize' | 'maxPixels' | 'name' | 'required' | 'alt'
  | 'pasteAnywhere' | 'watermarkUploads' | 'watermarkPosition' | 'allowSvg' | 'layout'
  | 'watermark' | 'webcamConstraints' | 'boxes' | 'masks'>> & {
  value?: ImageFieldInput;
  decoder?: ImageField['decoder'];
  strings?: Partial<ImageFieldStrings>;
};

/**
 * The attributes whose names are not property names, as attributes (what a
 * server render writes). Attributes that are on by default are turned off
 * with the string `"false"`.
 */
interface ImageFieldAttributeProps {
  'image-mode'?: ImageField['imageMode'];
  'show-label'?: 'true' | 'false';
  'stream-every'?: number | string;
  'max-size'?: number | string;
  'max-pixels'?: number | string;
  'paste-anywhere'?: boolean;
  'watermark-uploads'?: boolean;
  'watermark-position'?: string;
  'allow-svg'?: boolean;
}

/** `on<event>` listeners of the element's own events, with their typed `detail`. */
type ImageFieldListenerProps = {
  [K in keyof ImageFieldEventMap as `on${K}`]?: (this: ImageField, event: ImageFieldEventMap[K]) => void;
};

/** Everything `<image-field ...>` takes in React 19 JSX. */
export type ImageFieldProps = DetailedHTMLProps<HTMLAttributes<ImageField>, ImageField>
  & ImageFieldPropertyProps & ImageFieldAttributeProps & ImageFieldListenerProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'image-field': ImageFieldProps;
    }
  }
}
