// React 19 JSX: `import 'imagefield/react'` declares <image-field> to JSX (jsx: react-jsx).
import 'imagefield/react';
import type { ImageFieldProps } from 'imagefield/react';
import type { ImageField, ImageFieldEventMap } from 'imagefield/element';
import type { JSX } from 'react';
import * as reactEntry from 'imagefield/react';
import { expectType } from './assert.js';

// The same module as 'imagefield/element': the class is its one value export.
expectType<keyof typeof reactEntry, 'ImageField'>(true);

expectType<JSX.IntrinsicElements['image-field'], ImageFieldProps>(true);

export function PhotoField(props: { onPhoto: (file: File) => void; tensor: Float32Array }): JSX.Element {
  return (
    <form>
      <image-field
        interactive
        name="photo"
        label="Your photo"
        image-mode="RGB"
        show-label="false"
        max-size={5_000_000}
        layout="chw"
        value={{ data: props.tensor, shape: [3, 8, 8] }}
        boxes={{ predictions: { box_data: [{ position: { middle: [0.5, 0.5], width: 0.2, height: 0.2 }, class_id: 1 }] } }}
        strings={{ remove: 'Remove photo' }}
        ref={(field: ImageField | null) => { void field?.value; }}
        onupload={(event) => {
          expectType<typeof event, ImageFieldEventMap['upload']>(true);
          props.onPhoto(event.detail.file);
        }}
        onchange={(event) => { void event.detail.value; }}
        className="photo"
      />
      {/* @ts-expect-error type is array, imagedata, blob or url. */}
      <image-field type="file" />
      {/* @ts-expect-error the element has no such attribute or property. */}
      <image-field nonexistent="1" />
      {/* @ts-expect-error an upload's detail has no value. */}
      <image-field onupload={(event) => event.detail.value} />
    </form>
  );
}
