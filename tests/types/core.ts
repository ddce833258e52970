// 'imagefield/core' (web/core.js) exports Core and loadCore, and its types say so.
import { Core, loadCore } from 'imagefield/core';
import type { Mode, Raster } from 'imagefield/core';
import * as coreModule from 'imagefield/core';
// @ts-expect-error web/core.js does not export ImageFieldError (it comes from 'imagefield').
import { ImageFieldError } from 'imagefield/core';
// @ts-expect-error web/core.js does not export ContainedDecoder.
import { ContainedDecoder } from 'imagefield/core';
import { expectType } from './assert.js';

// The value exports, exactly (kept equal to the runtime list in tests/js/package-types.test.js).
expectType<keyof typeof coreModule, 'Core' | 'loadCore'>(true);

export async function useCore(): Promise<Raster> {
  const core = await loadCore({ simd: false });
  expectType<typeof core, Core>(true);
  if (!(core instanceof Core)) throw new Error('unreachable');
  // @ts-expect-error a Core comes from loadCore(), never from its constructor.
  new Core();
  const raster = core.fromArray(new Float32Array(12), { shape: [2, 2, 3] });
  expectType<typeof raster.mode, Mode>(true);
  const image = core.fromArray([[0, 1], [1, 0]], { output: 'imagedata' });
  expectType<typeof image.width, number>(true);
  // @ts-expect-error 'XYZ' is not a mode.
  core.convert(raster, 'XYZ');
  // @ts-expect-error layout is 'hwc' or 'chw'.
  core.decode(new Uint8Array(8), { layout: 'nhwc' });
  const png: Uint8Array = core.encode(raster, { format: 'png', compression: 6 });
  const img = new core.Image(png, { caption: 'x' });
  const json = img.toJSON({ key: 'examples', step: 1 });
  expectType<typeof json._type, 'image-file'>(true);
  // @ts-expect-error toJSON needs a key and a step.
  img.toJSON({});
  void ImageFieldError;
  void ContainedDecoder;
  return core.convert(raster, 'L');
}
