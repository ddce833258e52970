// loadCore() on a page or in Node: the glue is imported while the .wasm is
// fetched and compiled (both start at once), and Node reads the file through
// the package's "#wasm-file" import, which only the "node" condition resolves
// to node:fs. Rejects with a load_failed ImageFieldError.
import { Core } from './core.js';
import { asLoadError, instantiateCoreModule } from './load-wasm.js';

const PAGE = {
  importGlue: async () => (await import('./wasm/imagefield-core.js')).default,
  readWasmFile: async (url) => (await import('#wasm-file')).readWasmFile(url),
};

let shared = null;

/**
 * Loads the Wasm core on this thread. Without options every call shares one
 * instance.
 * @param {{ wasmUrl?: string | URL, wasmBinary?: ArrayBuffer | Uint8Array, simd?: boolean }} [options]
 */
export function loadCore(options) {
  if (options && Object.keys(options).length) {
    return instantiateCoreModule(options, PAGE).then((m) => new Core(m), (error) => { throw asLoadError(error); });
  }
  shared ??= instantiateCoreModule({}, PAGE).then((m) => new Core(m, () => { shared = null; })).catch((error) => {
    shared = null;  // let a later call retry, e.g. after a network error
    throw asLoadError(error);
  });
  return shared;
}

/** @internal The raw Embind module, loaded as loadCore() loads it (benchmarks call its kernels directly). */
export function instantiateModule(options) {
  return instantiateCoreModule(options ?? {}, PAGE);
}
