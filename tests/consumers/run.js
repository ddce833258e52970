// `npm run test:consumers`: proves the packed package works where web apps
// are built. Packs imagefield (npm pack), installs the tarball into this
// consumer project, builds each app for production with its bundler (and
// starts the Vite dev server), serves it on 127.0.0.1 and checks it in
// Chromium. Prints a table (pass/fail, gzipped JS + Wasm shipped, build time)
// and "N passed, N failed" over the apps; exits 1 if any app fails.
//
//   node tests/consumers/run.js [app ...]     apps: vite vite-dev webpack esbuild rollup react
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.js';
import { APPS } from './runner/apps.js';
import { shippedSize } from './runner/bundle-size.js';
import { plain, run, startService, tail } from './runner/commands.js';
import { readmeCopyCommand, readmePackagePaths } from './runner/readme-recipe.js';
import { installTarball, installTools, packPackage } from './runner/packed-package.js';
import { CHECK_NAMES, checkApp } from './runner/page-checks.js';
import { failureReport, summaryTable } from './runner/summary.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEV_SERVER_START_MS = 120_000;

function warningLines(app, output) {
  return plain(output).split('\n').filter((line) => app.warning.test(line) && !app.advice?.test(line)).slice(0, 8);
}

function withPageChecks(checks, pageChecks) {
  // A check the page never reached (its script did not run) counts as failed.
  const reached = new Set(pageChecks.map((check) => check.name));
  const missing = CHECK_NAMES.filter((name) => !reached.has(name))
    .map((name) => ({ name, ok: false, detail: 'not reached' }));
  return [...checks, ...pageChecks, ...missing];
}

async function buildApp(app, browser) {
  const checks = [];
  await rm(join(HERE, app.outDir), { recursive: true, force: true });
  const build = await run('npm', ['run', '--silent', app.script, ...app.args ? ['--', ...app.args] : []], { cwd: HERE });
  checks.push({ name: 'build', ok: build.code === 0, detail: build.code === 0 ? '' : tail(plain(build.output), 12) });
  const warnings = warningLines(app, build.output);
  checks.push({ name: 'no build warning', ok: warnings.length === 0, detail: warnings.join('\n') });
  if (app.readmeRecipe) checks.push(await usesReadmeRecipe(app));
  if (build.code !== 0) return { checks: withPageChecks(checks, []), buildSeconds: build.seconds };
  const size = await shippedSize(join(HERE, app.outDir));
  const server = await startServer({ root: join(HERE, app.serveDir) });
  try {
    return { checks: withPageChecks(checks, await checkApp(browser, `${server.url}/`)), buildSeconds: build.seconds, size };
  } finally {
    await server.close();
  }
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

async function runDevServer(app, browser) {
  await rm(join(HERE, 'node_modules/.vite'), { recursive: true, force: true });
  let server;
  try {
    server = await startService('npm', ['run', '--silent', app.script, '--', '--host', '127.0.0.1', '--port', '0'], {
      cwd: HERE, ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/, timeoutMs: DEV_SERVER_START_MS,
    });
  } catch (error) {
    return { checks: withPageChecks([{ name: 'dev server starts', ok: false, detail: tail(error.message, 12) }], []) };
  }
  try {
    const pageChecks = await checkApp(browser, server.match[1]);
    const warnings = warningLines(app, server.output());
    // The case this app is for: the page got the package from Vite's pre-bundled copy.
    const preBundled = existsSync(join(HERE, 'node_modules/.vite/deps/imagefield.js'));
    return {
      checks: withPageChecks([
        { name: 'dev server starts', ok: true, detail: server.match[1] },
        { name: 'imagefield pre-bundled', ok: preBundled, detail: preBundled ? '' : 'node_modules/.vite/deps/imagefield.js is missing' },
        { name: 'no dev server warning', ok: warnings.length === 0, detail: warnings.join('\n') },
      ], pageChecks),
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  const started = process.hrtime.bigint();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !APPS.some((app) => app.name === name));
  if (unknown.length) throw new Error(`unknown app ${unknown.join(', ')}; apps: ${APPS.map((app) => app.name).join(' ')}`);
  const apps = wanted.length ? APPS.filter((app) => wanted.includes(app.name)) : APPS;

  const tools = await installTools(HERE);
  const pack = await packPackage(REPO, HERE);
  const install = await installTarball(HERE, pack.tarball);
  console.log(`consumers: npm ci ${tools.ran ? `${tools.seconds.toFixed(1)} s` : 'not needed'}, `
    + `npm pack ${pack.seconds.toFixed(1)} s (its prepack builds the Wasm incrementally), tarball install ${install.seconds.toFixed(1)} s`);

  // Imported only now: npm ci above is what installs it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  try {
    for (const app of apps) {
      const outcome = app.devServer ? await runDevServer(app, browser) : await buildApp(app, browser);
      const passed = outcome.checks.every((check) => check.ok);
      results.push({ app, passed, ...outcome });
      const failed = outcome.checks.filter((check) => !check.ok).map((check) => check.name);
      console.log(`consumers: ${app.label}: ${passed ? 'pass' : `FAIL (${failed.join(', ')})`}`);
    }
  } finally {
    await browser.close();
  }

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await mkdir(join(HERE, '.results'), { recursive: true });
  await writeFile(join(HERE, '.results/latest.json'), `${JSON.stringify({
    seconds, results: results.map(({ app, ...rest }) => ({ app: app.name, ...rest })),
  }, null, 2)}\n`);
  console.log(`\n${summaryTable(results)}\n`);
  const failures = failureReport(results);
  if (failures) console.log(`${failures}\n`);
  console.log(`consumers: whole suite ${seconds.toFixed(1)} s`);
  const passedCount = results.filter((result) => result.passed).length;
  console.log(`${passedCount} passed, ${results.length - passedCount} failed`);
  process.exitCode = passedCount === results.length ? 0 : 1;
}

main().catch((error) => {
  console.error(`consumers: ${error.stack ?? error}`);
  process.exitCode = 1;
});
