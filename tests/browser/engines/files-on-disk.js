// Engines whose <input type=file> takes paths (Firefox, WebKit) get each file
// written under its own name, in a directory of its own.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

let written = 0;

/** The path of `file` ({ name, buffer }) written below `scratch`. */
export async function fileOnDisk(scratch, { name, buffer }) {
  if (name.includes('/')) throw new Error(`a file on disk cannot be named ${JSON.stringify(name)} (capability anyFileName)`);
  const dir = join(scratch, 'files', String(++written));
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, buffer);
  return path;
}
