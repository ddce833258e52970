// loadCore() for a Worker script: the glue is a static import, so a Worker's
// module graph has no dynamic import (bundlers then emit each Worker as one
// file, as Vite's default iife Worker format requires), and nothing of Node.
import createImageFieldCore from './wasm/imagefield-core.js';
import { Core } from './core.js';
import { asLoadError, instantiateCoreModule } from './load-wasm.js';

const WORKER = { importGlue: async () => createImageFieldCore };

/** @param {{ wasmUrl?: string | URL, simd?: boolean }} [options] */
export function loadCoreStatic(options) {
  return instantiateCoreModule(options ?? {}, WORKER).then((m) => new Core(m), (error) => { throw asLoadError(error); });
}
