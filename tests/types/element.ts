// 'imagefield/element': the class, the tag in HTMLElementTagNameMap, typed events both ways.
import { ImageField } from 'imagefield/element';
import type { ImageFieldEventMap, ImageFieldValue } from 'imagefield/element';
import type { ErrorCode } from 'imagefield';
import * as elementModule from 'imagefield/element';
import { expectType } from './assert.js';

expectType<keyof typeof elementModule, 'ImageField'>(true);
expectType<HTMLElementTagNameMap['image-field'], ImageField>(true);

const field = document.createElement('image-field');
expectType<typeof field, ImageField>(true);
const found = document.querySelector('image-field');
expectType<typeof found, ImageField | null>(true);
if (!(field instanceof ImageField)) throw new Error('unreachable');
expectType<typeof ImageField.formAssociated, true>(true);

field.interactive = true;
field.type = 'blob';
field.imageMode = 'L';
field.value = { data: new Float32Array(12), shape: [2, 2, 3] };
field.boxes = { predictions: { box_data: [{ position: { minX: 0, maxX: 1, minY: 0, maxY: 1 }, class_id: 1 }] } };
field.strings = { remove: 'Remove' };
// @ts-expect-error type is array, imagedata, blob, url or tensor.
field.type = 'file';
field.type = 'tensor';
field.tensorOptions = { letterbox: [640, 640], layout: 'nchw' };
const tensorOptions = document.createElement('image-field').tensorOptions;
expectType<typeof tensorOptions, import('imagefield/core').TensorOptions | null>(true);
// @ts-expect-error a letterbox is [height, width].
field.tensorOptions = { letterbox: 640 };
field.boxes = { detections: { box_data: [{ position: { minX: 10, maxX: 90, minY: 20, maxY: 70 }, domain: 'tensor' }] } };
field.addEventListener('change', (event) => {
  const value = event.detail.value;
  if (value && typeof value === 'object' && 'dims' in value) {
    const dims: number[] = value.dims;
    const placement = value.letterbox;
    void dims; void placement?.scaleX;
  }
});
// @ts-expect-error the element has no such member.
field.nonexistent();
const shown = field.value;
expectType<typeof shown, ImageFieldValue | null>(true);
const captured: Promise<boolean> = field.capture();
void captured;

field.addEventListener('upload', (event) => {
  expectType<typeof event, ImageFieldEventMap['upload']>(true);
  const source: 'upload' | 'webcam' | 'clipboard' = event.detail.source;
  const name: string = event.detail.file.name;
  // @ts-expect-error upload's detail has source and file only.
  void event.detail.value;
  void source; void name;
});
field.addEventListener('change', function (event) {
  expectType<typeof event.detail.value, ImageFieldValue | null>(true);
  expectType<typeof this, ImageField>(true);
});
field.addEventListener('error', (event) => {
  expectType<typeof event.detail.code, ErrorCode>(true);
  // @ts-expect-error the element's error event is a CustomEvent, not the DOM's ErrorEvent.
  void event.filename;
});
// Events the element does not redefine keep the DOM's types.
field.addEventListener('click', (event) => {
  const x: number = event.clientX;
  // @ts-expect-error a click's detail is the DOM's click count, not one of the element's details.
  void event.detail.value;
  void x;
});
// Any other name still takes a plain listener.
field.addEventListener('custom-thing', (event) => { void event.type; });

const onSelect = (event: ImageFieldEventMap['select']) => {
  const [x, y]: [number, number] = event.detail.index;
  void x; void y;
};
field.addEventListener('select', onSelect);
field.removeEventListener('select', onSelect);
const onStream = function (this: ImageField, event: CustomEvent<{ value: ImageFieldValue }>) {
  void this.value; void event.detail.value;
};
field.addEventListener('stream', onStream, { passive: true });
field.removeEventListener('stream', onStream, { capture: false });
// @ts-expect-error a select listener receives { index }, not a change's { value }.
field.removeEventListener('select', (event: ImageFieldEventMap['change']) => { void event; });
// @ts-expect-error removeEventListener options have no `once`.
field.removeEventListener('select', onSelect, { once: true });
// @ts-expect-error an upload listener cannot take a number.
field.addEventListener('upload', (event: number) => { void event; });
