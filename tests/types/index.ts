// 'imagefield' (web/index.js): loadCore (here or in a Worker), ImageFieldError,
// ERROR_CODES, WorkerCore, ContainedDecoder; everything else is a type.
import { ContainedDecoder, ERROR_CODES, ImageFieldError, WorkerCore, loadCore } from 'imagefield';
import type { Core, ErrorCode, ImageField, Raster } from 'imagefield';
import * as entry from 'imagefield';
import { expectType } from './assert.js';

expectType<keyof typeof entry, 'ContainedDecoder' | 'ERROR_CODES' | 'ImageFieldError' | 'WorkerCore' | 'loadCore'>(true);

export async function decodeSafely(bytes: Uint8Array, signal: AbortSignal): Promise<Raster | ErrorCode> {
  const decoder = new ContainedDecoder({ timeoutMs: 5000, onReplace: (reason) => console.warn(reason) });
  try {
    return await decoder.decode(bytes, { mode: 'RGBA', maxPixels: 1e6, transfer: true, signal });
  } catch (error) {
    if (error instanceof ImageFieldError) {
      expectType<typeof error.code, ErrorCode>(true);
      // @ts-expect-error codes are a closed set of strings.
      const wrong: number = error.code;
      void wrong;
      console.warn(ERROR_CODES[error.code].meaning);
      return error.code;
    }
    throw error;
  } finally {
    expectType<typeof decoder.stats.cancelled, number>(true);
    decoder.close();
  }
}

export async function cores(): Promise<[Core, WorkerCore]> {
  const here = await loadCore();
  expectType<typeof here, Core>(true);
  // @ts-expect-error 'imagefield' exports Core as a type only (web/index.js has no Core).
  void (here instanceof Core);
  const away = await loadCore({ worker: true, timeoutMs: 30_000 });
  expectType<typeof away, WorkerCore>(true);
  // @ts-expect-error a WorkerCore's Worker loads its own module: no wasmBinary.
  await loadCore({ worker: true, wasmBinary: new Uint8Array(8) });
  const controller = new AbortController();
  const raster = await away.decode(new Uint8Array(8), { mode: 'RGB', signal: controller.signal, transfer: true });
  expectType<typeof raster, Raster>(true);
  const png = await away.encode(raster, { format: 'png' });
  expectType<typeof png, Uint8Array>(true);
  // @ts-expect-error WorkerCore methods return Promises.
  const sync: Raster = away.convert(raster, 'L');
  void sync;
  // @ts-expect-error a WorkerCore comes from loadCore({ worker: true }).
  new WorkerCore();
  return [here, away];
}

// The element's type is reachable without importing the element module.
export function fieldValue(field: ImageField) {
  return field.value;
}
// @ts-expect-error 'imagefield' exports the element's type, not its class (that is 'imagefield/element').
void entry.ImageField;
