// loadCore() compiles the module itself and hands it to the glue; a module the
// glue cannot instantiate must reject the promise, not leave it pending. Every
// failure is an ImageFieldError with code load_failed that says what was
// wrong (the URL, the first bytes) and how to fix it, with the engine's error
// as its cause.
import { loadCore, ImageFieldError } from '../../web/index.js';

// A valid module importing a function the glue does not provide: env.zz()
// ("env" is the glue's import namespace, so this is a LinkError).
const MODULE_WITH_UNKNOWN_IMPORT = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // magic, version
  1, 4, 1, 96, 0, 0, // type section: () -> ()
  2, 10, 1, 3, 101, 110, 118, 2, 122, 122, 0, 0, // import section: "env" "zz", function of type 0
]);

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

test('a module that fails to instantiate rejects loadCore() with load_failed caused by the LinkError', async () => {
  const error = await rejection(loadCore({ wasmBinary: MODULE_WITH_UNKNOWN_IMPORT }));
  expect(error).toBeInstanceOf(ImageFieldError);
  expect(error.code).toBe('load_failed');
  expect(error.cause).toBeInstanceOf(WebAssembly.LinkError);
  expect(error.message).toMatch(/could not be instantiated.*does not match/);
});

test('bytes that are not Wasm reject loadCore() with load_failed naming their first bytes', async () => {
  const error = await rejection(loadCore({ wasmBinary: new Uint8Array([1, 2, 3, 4]) }));
  expect(error).toBeInstanceOf(ImageFieldError);
  expect(error.code).toBe('load_failed');
  expect(error.message).toContain('is not a WebAssembly module: it starts with 01 02 03 04');
});

test('a Wasm header over a broken body: load_failed caused by the CompileError', async () => {
  const error = await rejection(loadCore({ wasmBinary: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 99]) }));
  expect(error).toMatchObject({ code: 'load_failed', message: expect.stringContaining('could not be compiled') });
  expect(error.cause).toBeInstanceOf(WebAssembly.CompileError);
});

test('a missing file in Node: load_failed naming the file and how to build it', async () => {
  const url = new URL('../../build/no-such-dir/imagefield-core.wasm', import.meta.url);
  const error = await rejection(loadCore({ wasmUrl: url }));
  expect(error).toBeInstanceOf(ImageFieldError);
  expect(error.code).toBe('load_failed');
  expect(error.message).toContain(url.href);
  expect(error.message).toContain('scripts/build.sh wasm');
});

test('one glue serves both builds: Emscripten wrote the same JavaScript for each but for the .wasm name', async () => {
  const { readFileSync } = await import('node:fs');
  const glue = (name) => readFileSync(new URL(`../../web/core/wasm/${name}.js`, import.meta.url), 'utf8');
  expect(glue('imagefield-core-nosimd').replaceAll('imagefield-core-nosimd', 'imagefield-core')).toBe(glue('imagefield-core'));
  // Nor does the glue name its .wasm through import.meta.url: bundlers would
  // take that for a second reference, and webpack inlines a bare
  // import.meta.url as the build machine's absolute path.
  expect(glue('imagefield-core')).not.toContain('import.meta');
  const portable = await loadCore({ simd: false });
  expect(portable.simd).toBe(false);
  expect(portable.guessMode([2, 2, 4])).toBe('RGBA');
});
