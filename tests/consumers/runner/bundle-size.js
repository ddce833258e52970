// What an app ships: every JavaScript and Wasm file of its build output
// (source maps and HTML aside), gzipped, and whether any names the machine
// it was built on.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** @returns {Promise<{ jsBytes: number, wasmBytes: number, files: number }>} gzip -9 sizes */
export async function shippedSize(dir) {
  const size = { jsBytes: 0, wasmBytes: 0, files: 0 };
  for await (const path of filesUnder(dir)) {
    const kind = { '.js': 'jsBytes', '.mjs': 'jsBytes', '.wasm': 'wasmBytes' }[extname(path)];
    if (!kind) continue;
    size[kind] += gzipSync(await readFile(path), { level: 9 }).length;
    size.files += 1;
  }
  return size;
}

/**
 * The shipped JavaScript files that hold `path` (the build machine's folder)
 * or a file: URL: a bundler inlines a bare import.meta.url that way.
 * @returns {Promise<string[]>} their names, relative to `dir`
 */
export async function filesNamingBuildMachine(dir, path) {
  const found = [];
  for await (const file of filesUnder(dir)) {
    if (!['.js', '.mjs'].includes(extname(file))) continue;
    const text = await readFile(file, 'utf8');
    if (text.includes(path) || text.includes('file://')) found.push(file.slice(dir.length + 1));
  }
  return found;
}
