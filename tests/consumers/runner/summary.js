// The suite's table: one row per app with its result, the size it ships and
// its build time, then every failed check with what was wrong.

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function pad(cells, widths) {
  return cells.map((cell, index) => String(cell).padEnd(widths[index])).join('  ').trimEnd();
}

/** @param {Array<{ app: object, passed: boolean, checks: object[], buildSeconds?: number, size?: object }>} results */
export function summaryTable(results) {
  const header = ['app', 'result', 'JS gz', 'wasm gz', 'total gz', 'build'];
  const rows = results.map(({ app, passed, size, buildSeconds }) => [
    app.label,
    passed ? 'pass' : 'FAIL',
    size ? kib(size.jsBytes) : '-',
    size ? kib(size.wasmBytes) : '-',
    size ? kib(size.jsBytes + size.wasmBytes) : '-',
    buildSeconds === undefined ? '-' : `${buildSeconds.toFixed(1)} s`,
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column]).length)));
  const lines = [pad(header, widths), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map((row) => pad(row, widths))];
  return lines.join('\n');
}

/** Every failed check, indented under its app. */
export function failureReport(results) {
  const lines = [];
  for (const { app, checks } of results) {
    const failed = checks.filter((check) => !check.ok);
    if (!failed.length) continue;
    lines.push(`${app.label}:`);
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
