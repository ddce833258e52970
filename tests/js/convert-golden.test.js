// Every mode pair of the Pillow golden file through the real Wasm build:
// the native GoogleTest suite runs the same file, so native and Wasm must
// agree with Pillow 9.4 and with each other, floats included.
import { readFileSync } from 'node:fs';
import { loadCore } from '../../web/index.js';

const golden = JSON.parse(readFileSync(new URL('../data/convert_golden.json', import.meta.url), 'utf8'));
const bytes = (base64) => new Uint8Array(Buffer.from(base64, 'base64'));

function rasterOf(source) {
  const data = bytes(source.data);
  const typed = source.mode === 'I' ? new Int32Array(data.buffer)
    : source.mode === 'F' ? new Float32Array(data.buffer) : data;
  return {
    width: source.width,
    height: source.height,
    mode: source.mode,
    data: typed,
    ...(source.palette ? { palette: bytes(source.palette) } : {}),
  };
}

const sources = new Map(golden.sources.map((s) => [s.name, s]));
let core;
beforeAll(async () => {
  core = await loadCore();
});

test('the golden file covers every ordered pair of the 12 modes', () => {
  const pairs = new Set(golden.cases.map((c) => `${sources.get(c.source).mode}->${c.target}`));
  expect(pairs.size).toBe(144);
});

test.each(golden.cases.map((c) => [`${c.source} → ${c.target}`, c]))('%s', (_, c) => {
  const source = rasterOf(sources.get(c.source));
  if (c.error) {
    expect(() => core.convert(source, c.target)).toThrow(expect.objectContaining({ code: 'invalid_mode' }));
    return;
  }
  const out = core.convert(source, c.target);
  expect(out.mode).toBe(c.target);
  expect(out.width).toBe(source.width);
  const outBytes = new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
  expect(Buffer.from(outBytes).toString('base64')).toBe(c.data);
  if (c.palette) expect(Buffer.from(out.palette).toString('base64')).toBe(c.palette);
});
