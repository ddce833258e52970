// Finds and instantiates the Wasm module the same way in a browser and in
// Node. Two builds ship side by side: imagefield-core (Wasm SIMD kernels) and
// imagefield-core-nosimd (the same core for engines without SIMD); the
// engine's own validator decides which one loads. The Emscripten glue is built
// for web/worker only (an ES module with `node` in its environments would
// reference __dirname), and its own fetch of a file path fails under Node, so
// the module is compiled here (from a file in Node, streaming from the network
// in a browser) and the glue only instantiates it.

// The smallest module using a SIMD instruction: () -> v128 { i32x4.splat(0) }.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // magic, version
  1, 5, 1, 96, 0, 1, 123, // type section: () -> v128
  3, 2, 1, 0, // function section
  10, 8, 1, 6, 0, 65, 0, 253, 17, 11, // code: i32.const 0; i32x4.splat; end
]);

/** Whether this engine runs Wasm SIMD (decided by WebAssembly.validate). */
export function engineHasSimd() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

function isNode() {
  return typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined'
    && typeof importScripts !== 'function';
}

async function readWasmInNode(url) {
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
  return readFile(url);
}

async function importGlue(simd) {
  // Literal specifiers so bundlers see both files.
  const glue = simd ? await import('./wasm/imagefield-core.js') : await import('./wasm/imagefield-core-nosimd.js');
  return glue.default;
}

// Compiles the module from the caller's bytes, the file (Node) or the network.
// Over the network the compilation streams: it runs while the bytes arrive.
async function compileCore(wasmUrl, options) {
  if (options.wasmBinary) return WebAssembly.compile(options.wasmBinary);
  if (isNode()) return WebAssembly.compile(await readWasmInNode(wasmUrl));
  const response = await fetch(wasmUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`fetching ${wasmUrl.href} failed with HTTP ${response.status}`);
  // compileStreaming refuses any other type; a server that sends one still works, only slower.
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * @param {{ wasmUrl?: string | URL, wasmBinary?: ArrayBuffer | Uint8Array, simd?: boolean }} options
 *   simd: true/false forces the SIMD or the non-SIMD build; by default the engine decides.
 * @returns {Promise<object>} the Embind module
 */
export async function instantiateCoreModule(options = {}) {
  const simd = options.simd ?? engineHasSimd();
  const file = simd ? 'imagefield-core.wasm' : 'imagefield-core-nosimd.wasm';
  const wasmUrl = new URL(options.wasmUrl ?? `./wasm/${file}`, import.meta.url);
  // The fetch and compilation of the .wasm do not need the glue: both start at
  // once instead of the glue fetching the .wasm only after it has been
  // imported and evaluated.
  const [module, createImageFieldCore] = await Promise.all([compileCore(wasmUrl, options), importGlue(simd)]);
  let rejectInstantiation;
  const instantiationFailed = new Promise((resolve, reject) => { rejectInstantiation = reject; });
  const ready = createImageFieldCore({
    // The glue hands over its imports; a failure here would otherwise leave
    // the glue's promise pending forever.
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(module, imports)
        .then((instance) => receiveInstance(instance, module), rejectInstantiation);
      return {};
    },
  });
  return Promise.race([ready, instantiationFailed]);
}
