// Node's way to the .wasm: read the file. Selected by the "node" condition of
// the package's "#wasm-file" import, so no browser build ever reaches node:fs.
import { readFile } from 'node:fs/promises';

/** The bytes of the .wasm at a file: URL. */
export function readWasmFile(url) {
  return readFile(url);
}
