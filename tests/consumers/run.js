// `npm run test:consumers`: proves the packed package works where web apps
// are built. Packs imagefield (npm pack), installs the tarball into this
// consumer project, builds each app once for production with its bundler (and
// starts the Vite dev server), serves it on 127.0.0.1 and checks it in each
// engine: Chromium, Firefox ESR and WebKitGTK, each started once for all the
// apps with the browser suite's drivers (tests/browser/engines/). Prints a
// table (app × engine pass/fail, gzipped JS + Wasm shipped, build time), each
// check an engine cannot run with its reason, and "N passed, N failed" over
// the app × engine pairs; exits 1 if any fails.
//
//   node tests/consumers/run.js [app ...]     apps: vite vite-dev vite6-dev webpack esbuild rollup react
//   IMAGEFIELD_BROWSER=firefox node tests/consumers/run.js     one engine only
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.js';
import { startTestServer } from '../browser/test-server.js';
import { APPS } from './runner/apps.js';
import { filesNamingBuildMachine, shippedSize } from './runner/bundle-size.js';
import { plain, run, startService, tail } from './runner/commands.js';
import { readmeCopyCommand, readmePackagePaths } from './runner/readme-recipe.js';
import { installTarball, installTools, packPackage } from './runner/packed-package.js';
import { CHECK_NAMES, checkApp } from './runner/page-checks.js';
import { failureReport, skipReport, summaryTable } from './runner/summary.js';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const DEV_SERVER_START_MS = 120_000;

function warningLines(app, output) {
  return plain(output).split('\n').filter((line) => app.warning.test(line) && !app.advice?.test(line)).slice(0, 8);
}

/** A page check the page never reached (its script did not run) counts as failed. */
function withPageChecks(pageChecks) {
  const reached = new Set(pageChecks.map((check) => check.name));
  const missing = CHECK_NAMES.filter((name) => !reached.has(name))
    .map((name) => ({ name, ok: false, detail: 'not reached' }));
  return [...pageChecks, ...missing];
}

/**
 * Builds the app and serves its output.
 * @returns {Promise<{ checks: object[], buildSeconds: number, size?: object, url?: string, stop: () => Promise<void> }>}
 *   url: where the app is served (none when the build failed)
 */
async function buildApp(app) {
  const checks = [];
  await rm(join(HERE, app.outDir), { recursive: true, force: true });
  const build = await run('npm', ['run', '--silent', app.script, ...app.args ? ['--', ...app.args] : []], { cwd: HERE });
  checks.push({ name: 'build', ok: build.code === 0, detail: build.code === 0 ? '' : tail(plain(build.output), 12) });
  const warnings = warningLines(app, build.output);
  checks.push({ name: 'no build warning', ok: warnings.length === 0, detail: warnings.join('\n') });
  if (app.readmeRecipe) checks.push(await usesReadmeRecipe(app));
  if (build.code !== 0) return { checks, buildSeconds: build.seconds, stop: async () => {} };
  const size = await shippedSize(join(HERE, app.outDir));
  const leaks = await filesNamingBuildMachine(join(HERE, app.outDir), REPO);
  checks.push({ name: 'no build-machine path shipped', ok: leaks.length === 0, detail: leaks.join(', ') });
  const server = await startServer({ root: join(HERE, app.serveDir) });
  return { checks, buildSeconds: build.seconds, size, url: `${server.url}/`, stop: () => server.close() };
}

/**
 * esbuild and Rollup copy no assets: the app must run the README's copy
 * command as its users do, and every package file the README names must be
 * in the packed package.
 */
async function usesReadmeRecipe(app) {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const command = readmeCopyCommand(readme);
  if (!command) return { name: 'README recipe', ok: false, detail: 'README.md has no copy command (cp … imagefield …) under "Bundlers"' };
  const problems = [];
  const scripts = JSON.parse(await readFile(join(HERE, 'package.json'), 'utf8')).scripts;
  const ours = command.replaceAll(' dist/', ` ${app.outDir}/`);
  if (!scripts[app.script].includes(ours)) problems.push(`${app.script} does not run \`${ours}\``);
  const missing = readmePackagePaths(readme).filter((path) => !existsSync(join(HERE, path)));
  if (missing.length) problems.push(`the README names files the package does not have: ${missing.join(', ')}`);
  return { name: 'README recipe', ok: !problems.length, detail: problems.join('; ') || ours };
}

/**
 * Starts the Vite dev server; it serves every engine's page. Its checks that
 * need the pages to have been loaded (what it pre-bundled, what it warned
 * about) come from finish(), once every engine is done.
 */
async function startDevServer(app) {
  await rm(join(HERE, app.cacheDir), { recursive: true, force: true });
  let server;
  try {
    server = await startService('npm', ['run', '--silent', app.script, '--', '--host', '127.0.0.1', '--port', '0'], {
      cwd: HERE, ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/, timeoutMs: DEV_SERVER_START_MS,
    });
  } catch (error) {
    return { checks: [{ name: 'dev server starts', ok: false, detail: tail(error.message, 12) }], stop: async () => {} };
  }
  return {
    checks: [{ name: 'dev server starts', ok: true, detail: server.match[1] }],
    url: server.match[1],
    finish() {
      const warnings = warningLines(app, server.output());
      // The case this app is for: the pages got the package from Vite's pre-bundled copy.
      const preBundled = existsSync(join(HERE, app.cacheDir, 'deps/imagefield.js'));
      const banner = plain(server.output()).match(/VITE v[\d.]+/)?.[0] ?? 'no banner';
      return [
        { name: `dev server is ${app.banner.source.replaceAll('\\', '')}`, ok: app.banner.test(banner), detail: banner },
        { name: 'imagefield pre-bundled', ok: preBundled, detail: preBundled ? '' : `${app.cacheDir}/deps/imagefield.js is missing` },
        { name: 'no dev server warning', ok: warnings.length === 0, detail: warnings.join('\n') },
      ];
    },
    stop: () => server.stop(),
  };
}

/**
 * Starts the engine once and checks every served app in it. The pages reach
 * each app through one front server (the browser suite's), which the WebKit
 * driver needs for its page hook and request log. The drivers and their
 * libraries (playwright-core, puppeteer-core) are the repository's own.
 * @returns {Promise<Map<object, object[]>>} page checks by app
 */
async function checkInEngine(engine, served) {
  const backend = await import(`../browser/engines/${engine}.js`);
  const results = new Map();
  const reachable = served.filter(({ outcome }) => outcome.url);
  for (const { app } of served.filter(({ outcome }) => !outcome.url)) results.set(app, withPageChecks([]));
  if (!reachable.length) return results;
  const started = process.hrtime.bigint();
  const front = await startTestServer({ upstream: reachable[0].outcome.url });
  const scratch = await mkdtemp(join(tmpdir(), 'imagefield-consumers-'));
  let browser;
  try {
    browser = await backend.launch({ server: front, scratch });
    const launchSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`consumers: ${engine} started in ${launchSeconds.toFixed(1)} s`);
    for (const { app, outcome } of reachable) {
      front.forwardTo(outcome.url);
      const checks = withPageChecks(await checkApp(browser, { engine, capabilities: backend.capabilities, url: `${front.url}/` }));
      results.set(app, checks);
      const failed = checks.filter((check) => !check.ok).map((check) => check.name);
      console.log(`consumers: ${app.label} in ${engine}: ${failed.length ? `FAIL (${failed.join(', ')})` : 'pass'}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`consumers: ${engine}: ${reachable.length} apps checked in ${seconds.toFixed(1)} s, its start included`);
  } catch (error) {
    for (const { app } of reachable) {
      if (!results.has(app)) results.set(app, withPageChecks([{ name: 'engine', ok: false, detail: firstLines(error.stack ?? error) }]));
    }
  } finally {
    await browser?.close();
    await front.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return results;
}

function firstLines(text) {
  return String(text).split('\n').slice(0, 3).join(' | ');
}

function chosenEngines() {
  const chosen = process.env.IMAGEFIELD_BROWSER;
  if (!chosen) return ENGINES;
  if (!ENGINES.includes(chosen)) throw new Error(`IMAGEFIELD_BROWSER is "${chosen}": it must be one of ${ENGINES.join(', ')}`);
  return [chosen];
}

async function main() {
  const started = process.hrtime.bigint();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !APPS.some((app) => app.name === name));
  if (unknown.length) throw new Error(`unknown app ${unknown.join(', ')}; apps: ${APPS.map((app) => app.name).join(' ')}`);
  const apps = wanted.length ? APPS.filter((app) => wanted.includes(app.name)) : APPS;
  const engines = chosenEngines();

  const tools = await installTools(HERE);
  const pack = await packPackage(REPO, HERE);
  const install = await installTarball(HERE, pack.tarball);
  console.log(`consumers: npm ci ${tools.ran ? `${tools.seconds.toFixed(1)} s` : 'not needed'}, `
    + `npm pack ${pack.seconds.toFixed(1)} s (its prepack builds the Wasm incrementally), tarball install ${install.seconds.toFixed(1)} s`);

  // Each app is built (or its dev server started) once and stays served while every engine checks it.
  const served = [];
  const results = [];
  try {
    for (const app of apps) {
      const outcome = app.devServer ? await startDevServer(app) : await buildApp(app);
      served.push({ app, outcome });
      const failed = outcome.checks.filter((check) => !check.ok).map((check) => check.name);
      console.log(`consumers: ${app.label}: ${app.devServer ? 'dev server' : 'build'} ${failed.length ? `FAIL (${failed.join(', ')})` : 'ok'}`);
    }
    const byEngine = new Map();
    for (const engine of engines) byEngine.set(engine, await checkInEngine(engine, served));
    for (const { app, outcome } of served) {
      const appChecks = [...outcome.checks, ...outcome.finish?.() ?? []];
      for (const engine of engines) {
        const checks = [...appChecks, ...byEngine.get(engine).get(app)];
        results.push({ app, engine, passed: checks.every((check) => check.ok), checks, buildSeconds: outcome.buildSeconds, size: outcome.size });
      }
    }
  } finally {
    for (const { outcome } of served) await outcome.stop();
  }

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await mkdir(join(HERE, '.results'), { recursive: true });
  await writeFile(join(HERE, '.results/latest.json'), `${JSON.stringify({
    seconds, results: results.map(({ app, ...rest }) => ({ app: app.name, ...rest })),
  }, null, 2)}\n`);
  console.log(`\n${summaryTable(results)}\n`);
  const skips = skipReport(results);
  if (skips) console.log(`${skips}\n`);
  const failures = failureReport(results);
  if (failures) console.log(`${failures}\n`);
  console.log(`consumers: whole suite ${seconds.toFixed(1)} s`);
  const passedCount = results.filter((result) => result.passed).length;
  console.log(`${passedCount} passed, ${results.length - passedCount} failed (app × engine)`);
  process.exitCode = passedCount === results.length ? 0 : 1;
}

main().catch((error) => {
  console.error(`consumers: ${error.stack ?? error}`);
  process.exitCode = 1;
});
