// Finds and instantiates the Wasm module the same way in a browser and in
// Node. The Emscripten glue is built for web/worker only (an ES module with
// `node` in its environments would reference __dirname), and its own fetch of
// a file path fails under Node, so in Node the bytes are read here and handed
// over as `wasmBinary`.
import createImageFieldCore from './wasm/imagefield-core.js';

const WASM_FILE = 'imagefield-core.wasm';

function isNode() {
  return typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined'
    && typeof importScripts !== 'function';
}

async function readWasmInNode(url) {
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
  return readFile(url);
}

/**
 * @param {{ wasmUrl?: string | URL, wasmBinary?: ArrayBuffer | Uint8Array }} options
 * @returns {Promise<object>} the Embind module
 */
export async function instantiateCoreModule(options = {}) {
  const wasmUrl = new URL(options.wasmUrl ?? `./wasm/${WASM_FILE}`, import.meta.url);
  const moduleArgs = {
    locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl.href : path),
  };
  if (options.wasmBinary) {
    moduleArgs.wasmBinary = options.wasmBinary;
  } else if (isNode()) {
    moduleArgs.wasmBinary = await readWasmInNode(wasmUrl);
  }
  return createImageFieldCore(moduleArgs);
}
