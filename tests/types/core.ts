// 'imagefield/core' (web/core/index.js) exports Core, loadCore, ImageFieldError
// and ERROR_CODES, and its types say exactly that.
import { Core, ERROR_CODES, ImageFieldError, loadCore } from 'imagefield/core';
import type { ErrorCode, Mode, Raster } from 'imagefield/core';
import * as coreModule from 'imagefield/core';
// @ts-expect-error the core layer has no Worker: ContainedDecoder comes from 'imagefield'.
import { ContainedDecoder } from 'imagefield/core';
// @ts-expect-error nor WorkerCore.
import { WorkerCore } from 'imagefield/core';
import { expectType } from './assert.js';

// The value exports, exactly (kept equal to the runtime list in tests/js/package-types.test.js).
expectType<keyof typeof coreModule, 'Core' | 'ERROR_CODES' | 'ImageFieldError' | 'loadCore'>(true);

expectType<keyof typeof ERROR_CODES, ErrorCode>(true);
expectType<(typeof ERROR_CODES)['too_large']['origin'], 'core' | 'web'>(true);
// @ts-expect-error not a code.
void ERROR_CODES.not_a_code;

export async function useCore(): Promise<Raster> {
  const core = await loadCore({ simd: false });
  expectType<typeof core, Core>(true);
  if (!(core instanceof Core)) throw new Error('unreachable');
  // @ts-expect-error a Core comes from loadCore(), never from its constructor.
  new Core();
  // @ts-expect-error the core layer's loadCore has no Worker option.
  await loadCore({ worker: true });
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
  try {
    core.convert(raster, 'L');
  } catch (error) {
    if (error instanceof ImageFieldError) expectType<typeof error.code, ErrorCode>(true);
  }
  void ContainedDecoder;
  void WorkerCore;
  return core.convert(raster, 'L');
}
