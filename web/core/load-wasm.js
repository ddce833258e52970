// Finds and instantiates the Wasm module the same way in a browser and in
// Node. Two builds ship side by side: imagefield-core (Wasm SIMD kernels) and
// imagefield-core-nosimd (the same core for engines without SIMD); the
// engine's own validator decides which one loads. The Emscripten glue is built
// for web/worker only (an ES module with `node` in its environments would
// reference __dirname), and its own fetch of a file path fails under Node, so
// the module is compiled here (from a file in Node, streaming from the network
// in a browser) and the glue only instantiates it. Every failure is a
// load_failed ImageFieldError that names the URL and how to fix it.
import { ImageFieldError } from './error.js';
import { wasmFileUrl } from './wasm-files.js';

// The smallest module using a SIMD instruction: () -> v128 { i32x4.splat(0) }.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // magic, version
  1, 5, 1, 96, 0, 1, 123, // type section: () -> v128
  3, 2, 1, 0, // function section
  10, 8, 1, 6, 0, 65, 0, 253, 17, 11, // code: i32.const 0; i32x4.splat; end
]);
const WASM_MAGIC = [0, 97, 115, 109];
const HOW_TO_SERVE = 'serve web/core/wasm/imagefield-core.wasm (and -nosimd) next to the package\'s modules as '
  + 'application/wasm, let the bundler copy them, or pass loadCore({ wasmUrl }) / ({ wasmBinary })';

/** Whether this engine runs Wasm SIMD (decided by WebAssembly.validate). */
export function engineHasSimd() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

function runsInNode() {
  return typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined'
    && typeof importScripts !== 'function' && typeof WorkerGlobalScope === 'undefined';
}

function loadFailed(message, cause) {
  return new ImageFieldError('load_failed', message, cause === undefined ? undefined : { cause });
}

/** Any loading failure as a load_failed ImageFieldError (ImageFieldErrors pass as they are). */
export function asLoadError(error) {
  if (error instanceof ImageFieldError) return error;
  return loadFailed(`imagefield: the Wasm core could not be loaded (${error?.message ?? error}); ${HOW_TO_SERVE}`, error);
}

function describeStart(bytes) {
  const head = bytes.subarray(0, 16);
  const text = String.fromCharCode(...head).replace(/[^\x20-\x7e]/g, '.');
  return `${Array.from(head, (b) => b.toString(16).padStart(2, '0')).join(' ')} ("${text}")`;
}

function checkMagic(bytes, where, contentType) {
  if (WASM_MAGIC.every((b, i) => bytes[i] === b)) return;
  const type = contentType === undefined ? '' : ` (content type ${JSON.stringify(contentType || 'none')})`;
  const hint = contentType === undefined ? 'pass the bytes of imagefield-core.wasm'
    : `the server probably answered with a page instead of the file; ${HOW_TO_SERVE}`;
  throw loadFailed(`${where} is not a WebAssembly module${type}: it starts with ${describeStart(bytes)}; ${hint}`);
}

async function compileBytes(bytes, where, contentType) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, bytes.byteLength);
  checkMagic(view, where, contentType);
  try {
    return await WebAssembly.compile(view);
  } catch (error) {
    throw loadFailed(`${where} could not be compiled (${error.message}); it may be truncated or from another `
      + 'version of imagefield', error);
  }
}

async function fetchAndCompile(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw loadFailed(`fetching ${url.href} failed (${error.message}); ${HOW_TO_SERVE}`, error);
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  if (!response.ok) {
    throw loadFailed(`fetching ${url.href} failed with HTTP ${response.status} (content type ${JSON.stringify(type)}); ${HOW_TO_SERVE}`);
  }
  // compileStreaming refuses any other type; a server that sends one still works, only slower.
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (error) {
      throw loadFailed(`${url.href} (served as application/wasm) could not be compiled (${error.message}); it may be `
        + 'truncated or from another version of imagefield', error);
    }
  }
  return compileBytes(new Uint8Array(await response.arrayBuffer()), url.href, type);
}

// Compiles the module from the caller's bytes, the file (Node) or the network.
// Over the network the compilation streams: it runs while the bytes arrive.
async function compileCore(url, options, readWasmFile) {
  if (options.wasmBinary) return compileBytes(options.wasmBinary, 'the wasmBinary given to loadCore()');
  if (runsInNode() && url.protocol === 'file:' && readWasmFile) {
    let bytes;
    try {
      bytes = await readWasmFile(url);
    } catch (error) {
      if (error instanceof ImageFieldError) throw error;
      throw loadFailed(`reading ${url.href} failed (${error.message}); build it with \`bash scripts/build.sh wasm\` `
        + 'or reinstall the package', error);
    }
    return compileBytes(bytes, url.href);
  }
  return fetchAndCompile(url);
}

/**
 * @param {{ wasmUrl?: string | URL, wasmBinary?: ArrayBuffer | Uint8Array, simd?: boolean }} options
 *   simd: true/false forces the SIMD or the non-SIMD build; by default the engine decides.
 * @param {{ importGlue: () => Promise<Function>, readWasmFile?: (url: URL) => Promise<Uint8Array> }} environment
 *   importGlue: the Emscripten glue's factory; readWasmFile: reads a file: URL (Node only)
 * @returns {Promise<object>} the Embind module
 */
export async function instantiateCoreModule(options, { importGlue, readWasmFile }) {
  options ??= {};
  const simd = options.simd ?? engineHasSimd();
  const url = options.wasmUrl === undefined
    ? wasmFileUrl(simd)
    : new URL(/* @vite-ignore */ /* webpackIgnore: true */ String(options.wasmUrl), import.meta.url);
  // The fetch and compilation of the .wasm do not need the glue: both start at
  // once instead of the glue fetching the .wasm only after it has been
  // imported and evaluated.
  const [module, createImageFieldCore] = await Promise.all([
    compileCore(url, options, readWasmFile),
    importGlue().catch((error) => {
      throw loadFailed(`the core's glue module (wasm/imagefield-core.js) could not be imported `
        + `(${error?.message ?? error}); serve it next to the .wasm`, error);
    }),
  ]);
  let rejectInstantiation;
  const instantiationFailed = new Promise((resolve, reject) => { rejectInstantiation = reject; });
  const ready = createImageFieldCore({
    // The glue hands over its imports; a failure here would otherwise leave
    // the glue's promise pending forever.
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module), (error) => {
        rejectInstantiation(loadFailed(`${options.wasmBinary ? 'the wasmBinary given to loadCore()' : url.href} could `
          + `not be instantiated (${error.message}); it does not match this version's glue`, error));
      });
      return {};
    },
  });
  return Promise.race([ready, instantiationFailed]);
}
