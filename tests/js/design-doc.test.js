// docs/DESIGN.md is the contract the code cites: every "DESIGN §n" in the
// sources names a section it has, and its lists of error codes, attributes and
// events are the ones the code and the declarations define.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATTRIBUTES } from '../../web/element/attributes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const design = readFileSync(join(root, 'docs', 'DESIGN.md'), 'utf8');

function section(number) {
  const start = design.search(new RegExp(`^## ${number}\\. `, 'm'));
  if (start < 0) return null;
  const next = design.slice(start + 1).search(/^## \d+\. /m);
  return next < 0 ? design.slice(start) : design.slice(start, start + 1 + next);
}

function sourceFiles(dir) {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(js|mjs|ts|tsx|h|cpp|def)$/.test(name) ? [path] : [];
  });
}

test('every DESIGN §n cited in web/, src/, bindings/, tests/ and the README is a section of docs/DESIGN.md', () => {
  const citations = [];
  for (const file of [...['web', 'src', 'bindings', 'tests'].flatMap(sourceFiles), 'README.md']) {
    for (const [, numbers] of readFileSync(join(root, file), 'utf8').matchAll(/DESIGN\s*\(?((?:§\s*\d+[,/ ]*)+)/g)) {
      for (const [, n] of numbers.matchAll(/§\s*(\d+)/g)) citations.push({ file, n });
    }
  }
  expect(citations.length).toBeGreaterThan(0);
  expect(citations.filter(({ n }) => section(n) === null)).toEqual([]);
});

test('§6 lists exactly the error codes of the declarations', () => {
  const declared = [...readFileSync(join(root, 'web', 'core', 'error.d.ts'), 'utf8')
    .match(/export type ErrorCode =([^;]+);/)[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
  const documented = [...section(6).matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
  expect(documented.sort()).toEqual(declared.sort());
});

test('§5 names every attribute of the element and its seven events', () => {
  const text = section(5);
  for (const attribute of Object.keys(ATTRIBUTES)) expect(text).toContain(`\`${attribute}\``);
  for (const event of ['upload', 'input', 'change', 'clear', 'select', 'stream', 'error']) expect(text).toContain(`\`${event}\``);
});
