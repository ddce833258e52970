// "#wasm-file" outside Node: this module is what a browser bundle gets for
// it. It is reached only when a bundle made for browsers runs where
// there is no fetch of file URLs (a Node-like runtime that was not resolved
// with the "node" condition).
import { ImageFieldError } from './error.js';

export async function readWasmFile(url) {
  throw new ImageFieldError('load_failed', `imagefield cannot read ${url.href} here: this copy of the package was `
    + 'resolved for browsers. Import it with the "node" export condition (plain Node does), or pass '
    + 'loadCore({ wasmBinary }) with the bytes of the .wasm');
}
