// Where the two Wasm builds are, as bundlers need to see it: each URL is a
// literal `new URL('…', import.meta.url)`, which Vite, webpack 5 and Parcel
// copy into the build and rewrite. Nothing here runs only in Node.
// The two builds share one glue (imagefield-core.js): Emscripten writes the
// same JavaScript for both but for the .wasm name, which is never used since
// the loader compiles the module itself (a Jest test keeps them equal).

import { besideCache, prebundled } from './package-files.js';

/** The URL of the SIMD or the portable build of the core. */
export function wasmFileUrl(simd) {
  if (prebundled()) return besideCache(`web/core/wasm/imagefield-core${simd ? '' : '-nosimd'}.wasm`);
  return simd
    ? new URL('./wasm/imagefield-core.wasm', import.meta.url)
    : new URL('./wasm/imagefield-core-nosimd.wasm', import.meta.url);
}
