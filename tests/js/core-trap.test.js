// After a WebAssembly trap the instance is unusable: the core wrapper must
// say so with an ImageFieldError on that call and every later one, instead of
// running on in an unknown state. The trap is real: the test-hooks build of
// the same core (build/wasm/test-hooks, never shipped) executes
// __builtin_trap() when the input starts with "imagefield:test-trap".
import { readFileSync } from 'node:fs';
import { loadCore, ImageFieldError } from '../../web/index.js';
import { testPattern } from './fixtures.js';
import { thrown } from './refusals.js';

const TEST_HOOKS_WASM = new URL('../../build/wasm/test-hooks/imagefield-core-test-hooks.wasm', import.meta.url);

test('a trap becomes an ImageFieldError and the instance refuses further calls', async () => {
  const core = await loadCore({ wasmBinary: readFileSync(TEST_HOOKS_WASM) });
  const png = core.encode(testPattern(4, 4));
  expect(core.decode(png)).toEqual(testPattern(4, 4));
  expect(core.usable).toBe(true);

  const trap = thrown(() => core.decode(new TextEncoder().encode('imagefield:test-trap')));
  expect(trap).toBeInstanceOf(ImageFieldError);
  expect(trap).toMatchObject({ code: 'decode_failed', message: expect.stringContaining('crashed in decode()') });
  expect(trap.cause).toBeInstanceOf(WebAssembly.RuntimeError);
  expect(core.usable).toBe(false);

  // Later calls fail for the instance's sake, not the input's: core_trapped, whatever the call.
  expect(thrown(() => core.decode(png))).toMatchObject({ code: 'core_trapped', message: expect.stringContaining('crashed earlier') });
  expect(thrown(() => core.encode(testPattern(4, 4)))).toMatchObject({ code: 'core_trapped', message: expect.stringContaining('loadCore()') });

  // A fresh instance works.
  const fresh = await loadCore({ wasmBinary: readFileSync(TEST_HOOKS_WASM) });
  expect(fresh.decode(png)).toEqual(testPattern(4, 4));
});

test('the shipped build has no hook: the same bytes are simply not an image', async () => {
  const core = await loadCore();
  expect(thrown(() => core.decode(new TextEncoder().encode('imagefield:test-trap')))).toMatchObject({ code: 'unsupported_file' });
  expect(core.usable).toBe(true);
});
