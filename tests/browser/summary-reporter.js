// Prints, after a browser run, one summary for the engine: tests passed,
// failed (by name) and skipped (by name, with the engine's reasons, which
// harness.js writes to the file named by IMAGEFIELD_SKIP_LOG).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export default class EngineSummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.dir = mkdtempSync(join(tmpdir(), 'imagefield-skips-'));
    // Set before any test file runs, so every test environment inherits it.
    process.env.IMAGEFIELD_SKIP_LOG = join(this.dir, 'skips.jsonl');
  }

  onRunComplete(_contexts, results) {
    const engine = process.env.IMAGEFIELD_BROWSER ?? 'chromium';
    let reasons = new Map();
    try {
      reasons = new Map(readFileSync(process.env.IMAGEFIELD_SKIP_LOG, 'utf8').trim().split('\n').filter(Boolean)
        .map((line) => JSON.parse(line)).map(({ test, reasons: why }) => [test, why]));
    } catch { /* no test was skipped */ }
    rmSync(this.dir, { recursive: true, force: true });
    const passed = [];
    const failed = [];
    const skipped = [];
    for (const file of results.testResults) {
      const where = relative(this.rootDir, file.testFilePath);
      if (file.testExecError) failed.push(`${where}: ${file.testExecError.message.split('\n')[0]}`);
      for (const test of file.testResults) {
        const name = `${where} › ${test.fullName}`;
        if (test.status === 'passed') passed.push(name);
        else if (test.status === 'failed') failed.push(name);
        else skipped.push(name);
      }
    }
    const lines = [`${engine}: ${passed.length} passed, ${failed.length} failed, ${skipped.length} skipped`];
    for (const name of failed) lines.push(`  failed  ${name}`);
    for (const name of skipped) {
      const title = name.replace(/ \[skipped in [^\]]*\]$/, '');
      const why = [...reasons.entries()].find(([test]) => title.endsWith(test))?.[1] ?? ['skipped'];
      lines.push(`  skipped ${title} (${why.join('; ')})`);
    }
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
