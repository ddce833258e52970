// Shared by the decoder determinism checks (tests/js/pillow-parity.test.js,
// tests/js/jpeg-decode.test.js,
// tests/reference/measure-pillow-images.js).

/** Fills free Wasm heap with `value`, so a decoder reading memory it never wrote shows it. */
export function poisonHeap(core, value) {
  const buffers = [];
  for (const size of [1 << 22, 1 << 20, 1 << 18, 65536, 16384, 4096, 1024, 256, 64]) {
    for (let i = 0; i < 4; i++) {
      const buffer = core.allocInput('uint8', size);
      buffer.array.fill(value);
      buffers.push(buffer);
    }
  }
  for (const buffer of buffers) buffer.release();
}
