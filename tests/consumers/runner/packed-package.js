// Gets the package into the consumer project the way an app gets it from the
// registry: `npm pack` of the repository (its prepack builds the Wasm, an
// incremental build that only checks a fresh one, and the elements manifest),
// then an install of that tarball. The bundlers and the browser tooling
// come from this project's own lockfile.
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runOrThrow } from './commands.js';

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** npm ci of the consumer project, unless node_modules already matches its lockfile. */
export async function installTools(consumersDir) {
  const installed = join(consumersDir, 'node_modules/.package-lock.json');
  const lock = join(consumersDir, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return { seconds: 0, ran: false };
  const { seconds } = await runOrThrow('npm', ['ci', ...NPM_QUIET], { cwd: consumersDir });
  return { seconds, ran: true };
}

/** @returns {Promise<{ tarball: string, seconds: number }>} */
export async function packPackage(repoRoot, consumersDir) {
  const packDir = join(consumersDir, '.pack');
  await rm(packDir, { recursive: true, force: true });
  await mkdir(packDir);
  const { seconds } = await runOrThrow('npm', ['pack', '--pack-destination', packDir, '--loglevel=error'], { cwd: repoRoot });
  const tarballs = (await readdir(packDir)).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${packDir}`);
  return { tarball: join(packDir, tarballs[0]), seconds };
}

/** Installs the tarball without recording it, so the lockfile keeps only the tools. */
export async function installTarball(consumersDir, tarball) {
  await rm(join(consumersDir, 'node_modules/imagefield'), { recursive: true, force: true });
  // Vite keeps pre-bundled dependencies here; a new tarball must not meet the old ones.
  await rm(join(consumersDir, 'node_modules/.vite'), { recursive: true, force: true });
  const { seconds } = await runOrThrow('npm', ['install', '--no-save', ...NPM_QUIET, tarball], { cwd: consumersDir });
  return { seconds };
}
