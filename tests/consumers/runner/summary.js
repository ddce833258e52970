// The suite's table: one row per app and engine with its result, the size the
// app ships and its build time (on the app's first row), then every check an
// engine could not run with its reason, and every failed check with what was
// wrong.

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function pad(cells, widths) {
  return cells.map((cell, index) => String(cell).padEnd(widths[index])).join('  ').trimEnd();
}

const where = ({ app, engine }) => `${app.label} in ${engine}`;

/**
 * @param {Array<{ app: object, engine: string, passed: boolean, checks: object[], buildSeconds?: number, size?: object }>} results
 *   in app order, an app's engines together
 */
export function summaryTable(results) {
  const header = ['app', 'engine', 'result', 'JS gz', 'wasm gz', 'total gz', 'build'];
  const rows = results.map(({ app, engine, passed, checks, size, buildSeconds }, index) => {
    const first = index === 0 || results[index - 1].app !== app;
    const skipped = checks.filter((check) => check.skipped).length;
    return [
      first ? app.label : '',
      engine,
      `${passed ? 'pass' : 'FAIL'}${skipped ? ` (${skipped} skipped)` : ''}`,
      first && size ? kib(size.jsBytes) : '',
      first && size ? kib(size.wasmBytes) : '',
      first && size ? kib(size.jsBytes + size.wasmBytes) : '',
      first && buildSeconds !== undefined ? `${buildSeconds.toFixed(1)} s` : '',
    ].map((cell, column) => (first && cell === '' && column >= 3 ? '-' : cell));
  });
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column]).length)));
  const lines = [pad(header, widths), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map((row) => pad(row, widths))];
  return lines.join('\n');
}

/** Every check an engine could not run, with the reason from its capability table, and the apps it was not run for. */
export function skipReport(results) {
  const skips = new Map();
  for (const { app, engine, checks } of results) {
    for (const check of checks.filter(({ skipped }) => skipped)) {
      const key = `${engine}: ${check.name} (${check.skipped})`;
      skips.set(key, [...skips.get(key) ?? [], app.label]);
    }
  }
  const apps = new Set(results.map(({ app }) => app)).size;
  return [...skips].map(([key, labels]) => `skipped in ${key}: ${labels.length === apps ? 'every app' : labels.join(', ')}`).join('\n');
}

/** Every failed check, indented under its app and engine. */
export function failureReport(results) {
  const lines = [];
  for (const result of results) {
    const failed = result.checks.filter((check) => !check.ok);
    if (!failed.length) continue;
    lines.push(`${where(result)}:`);
    const unreached = failed.filter((check) => check.detail === 'not reached');
    for (const check of failed.filter((check) => check.detail !== 'not reached')) {
      const [first, ...rest] = String(check.detail || '').split('\n');
      lines.push(`  ✗ ${check.name}: ${first}`);
      for (const line of rest.slice(0, 6)) lines.push(`      ${line}`);
      if (rest.length > 6) lines.push(`      … ${rest.length - 6} more`);
    }
    if (unreached.length) lines.push(`  ✗ not reached: ${unreached.map((check) => check.name).join(', ')}`);
  }
  return lines.join('\n');
}
