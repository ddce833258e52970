// The shipped module's download size has a budget (bench/size-budget.json):
// a change that makes it bigger fails here, and raising the budget is a
// conscious edit next to the benchmark that measures what the bytes cost.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync(new URL('../../bench/size-budget.json', import.meta.url), 'utf8'));
const gzipped = (file) => gzipSync(readFileSync(new URL(`../../web/core/wasm/${file}`, import.meta.url)), { level: 9 }).length;

test.each(Object.keys(budget.gzipBytes))('%s: .wasm + glue gzipped stay within the budget', (name) => {
  const total = gzipped(`${name}.wasm`) + gzipped(`${name}.js`);
  expect(total).toBeLessThanOrEqual(budget.gzipBytes[name]);
});
