// loadCore() compiles the module itself and hands it to the glue; a module the
// glue cannot instantiate must reject the promise, not leave it pending.
import { loadCore } from '../../web/index.js';

// A valid module importing a function the glue does not provide: env.zz()
// ("env" is the glue's import namespace, so this is a LinkError).
const MODULE_WITH_UNKNOWN_IMPORT = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // magic, version
  1, 4, 1, 96, 0, 0, // type section: () -> ()
  2, 10, 1, 3, 101, 110, 118, 2, 122, 122, 0, 0, // import section: "env" "zz", function of type 0
]);

test('a module that fails to instantiate rejects loadCore() with the LinkError', async () => {
  await expect(loadCore({ wasmBinary: MODULE_WITH_UNKNOWN_IMPORT })).rejects.toThrow(WebAssembly.LinkError);
});

test('bytes that are not Wasm reject loadCore() with a CompileError', async () => {
  await expect(loadCore({ wasmBinary: new Uint8Array([1, 2, 3, 4]) })).rejects.toThrow(WebAssembly.CompileError);
});
