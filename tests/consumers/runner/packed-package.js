// Gets the package into the consumer project the way an app gets it from the
// registry: `npm pack` of the repository (its prepack builds the Wasm unless
// the shipped build is newer than every source it comes from), then an
// install of that tarball. The bundlers and the browser tooling come from
// this project's own lockfile.
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runOrThrow } from './commands.js';

const WASM_SOURCES = ['src', 'bindings', 'third_party', 'CMakeLists.txt', 'scripts/build.sh'];

async function newestChange(path) {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of await readdir(path)) newest = Math.max(newest, await newestChange(join(path, name)));
  return newest;
}

/** The Wasm build's outputs the package ships: the .wasm files and their glue in its "files". */
async function wasmBuildFiles(repoRoot) {
  const { files } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
  return files.filter((path) => /(^|\/)wasm\/[^/*]+\.(wasm|js)$/.test(path));
}

/** Whether every shipped Wasm build file exists and is newer than every source of the Wasm build. */
export async function wasmBuildIsFresh(repoRoot) {
  const outputs = await wasmBuildFiles(repoRoot);
  if (!outputs.some((path) => path.endsWith('.wasm'))) return false;
  const built = await Promise.all(outputs.map((path) => stat(join(repoRoot, path)).catch(() => null)));
  if (built.some((info) => !info)) return false;
  const sources = Math.max(...await Promise.all(WASM_SOURCES.map((path) => newestChange(join(repoRoot, path)))));
  return built.every((info) => info.mtimeMs > sources);
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** npm ci of the consumer project, unless node_modules already matches its lockfile. */
export async function installTools(consumersDir) {
  const installed = join(consumersDir, 'node_modules/.package-lock.json');
  const lock = join(consumersDir, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return { seconds: 0, ran: false };
  const { seconds } = await runOrThrow('npm', ['ci', ...NPM_QUIET], { cwd: consumersDir });
  return { seconds, ran: true };
}

/** @returns {Promise<{ tarball: string, seconds: number, built: boolean }>} */
export async function packPackage(repoRoot, consumersDir) {
  const packDir = join(consumersDir, '.pack');
  await rm(packDir, { recursive: true, force: true });
  await mkdir(packDir);
  const built = !await wasmBuildIsFresh(repoRoot);
  const args = ['pack', '--pack-destination', packDir, '--loglevel=error', ...built ? [] : ['--ignore-scripts']];
  const { seconds } = await runOrThrow('npm', args, { cwd: repoRoot });
  const tarballs = (await readdir(packDir)).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${packDir}`);
  return { tarball: join(packDir, tarballs[0]), seconds, built };
}

/** Installs the tarball without recording it, so the lockfile keeps only the tools. */
export async function installTarball(consumersDir, tarball) {
  await rm(join(consumersDir, 'node_modules/imagefield'), { recursive: true, force: true });
  // Vite keeps pre-bundled dependencies here; a new tarball must not meet the old ones.
  await rm(join(consumersDir, 'node_modules/.vite'), { recursive: true, force: true });
  const { seconds } = await runOrThrow('npm', ['install', '--no-save', ...NPM_QUIET, tarball], { cwd: consumersDir });
  return { seconds };
}
