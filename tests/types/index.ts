// 'imagefield' (web/index.js): loadCore, ImageFieldError, ContainedDecoder; the rest are types.
import { ContainedDecoder, ImageFieldError, loadCore } from 'imagefield';
import type { Core, ErrorCode, ImageField, Raster } from 'imagefield';
import * as entry from 'imagefield';
import { expectType } from './assert.js';

expectType<keyof typeof entry, 'ContainedDecoder' | 'ImageFieldError' | 'loadCore'>(true);

export async function decodeSafely(bytes: Uint8Array): Promise<Raster | ErrorCode> {
  const decoder = new ContainedDecoder({ timeoutMs: 5000, onReplace: (reason) => console.warn(reason) });
  try {
    return await decoder.decode(bytes, { mode: 'RGBA', maxPixels: 1e6, transfer: true });
  } catch (error) {
    if (error instanceof ImageFieldError) {
      expectType<typeof error.code, ErrorCode>(true);
      // @ts-expect-error codes are a closed set of strings.
      const wrong: number = error.code;
      void wrong;
      return error.code;
    }
    throw error;
  } finally {
    decoder.close();
  }
}

export async function core(): Promise<Core> {
  const loaded = await loadCore();
  // @ts-expect-error 'imagefield' exports Core as a type only (web/index.js has no Core).
  void (loaded instanceof Core);
  return loaded;
}

// The element's type is reachable without importing the element module.
export function fieldValue(field: ImageField) {
  return field.value;
}
// @ts-expect-error 'imagefield' exports the element's type, not its class (that is 'imagefield/element').
void entry.ImageField;
