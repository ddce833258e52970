// Runs the browser suite once per engine (or only in IMAGEFIELD_BROWSER's, when
// set), one after another, and prints each engine's wall time and outcome.
// Exits non-zero when any engine's run failed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const root = fileURLToPath(new URL('../..', import.meta.url));
const chosen = process.env.IMAGEFIELD_BROWSER ? [process.env.IMAGEFIELD_BROWSER] : ENGINES;
// Array options (reporters, selectProjects) would swallow test paths that follow them: those come first.
const jestArgs = ['jest', ...process.argv.slice(2), '--runInBand',
  '--reporters=default', '--reporters=./tests/browser/summary-reporter.js', '--selectProjects', 'browser'];

const outcomes = [];
for (const engine of chosen) {
  const started = Date.now();
  const run = spawnSync('npx', jestArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, IMAGEFIELD_BROWSER: engine, NODE_OPTIONS: '--experimental-vm-modules' },
  });
  outcomes.push({ engine, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}
for (const { engine, ok, seconds } of outcomes) console.log(`${engine}: ${ok ? 'passed' : 'FAILED'} in ${seconds} s`);
process.exit(outcomes.every(({ ok }) => ok) ? 0 : 1);
