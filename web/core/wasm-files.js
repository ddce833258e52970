// Where the two Wasm builds are, as bundlers need to see it: each URL is a
// literal `new URL('…', import.meta.url)`, which Vite, webpack 5 and Parcel
// copy into the build and rewrite. Nothing here runs only in Node.

/** The URL of the SIMD or the portable build of the core. */
export function wasmFileUrl(simd) {
  return simd
    ? new URL('../wasm/imagefield-core.wasm', import.meta.url)
    : new URL('../wasm/imagefield-core-nosimd.wasm', import.meta.url);
}

/** The Emscripten glue of that build (literal specifiers, so bundlers see both). */
export async function importGlue(simd) {
  const glue = simd ? await import('../wasm/imagefield-core.js') : await import('../wasm/imagefield-core-nosimd.js');
  return glue.default;
}
