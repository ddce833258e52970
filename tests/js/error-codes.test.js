// web/core/error-codes.js is the table of every ImageFieldError code. Its
// 'core' codes must be exactly the C++ core's (src/base/error_codes.def, one
// X(Name, "code") line each), every code web/ raises must be in it, and the
// .d.ts ErrorCode union must list exactly its codes.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '../../web/core/error-codes.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

/** InvalidShape → invalid_shape, as errorCodeName() spells the enum's names. */
const snake = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function coreCodes() {
  const table = 'src/base/error_codes.def';
  const lines = read(table).replace(/\/\/.*$/gm, '');
  return { from: table, codes: [...lines.matchAll(/X\(\s*(\w+)\s*,\s*"([a-z_]+)"\s*\)/g)].map((m) => m[2]) };
}

function webSources(dir = join(ROOT, 'web')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'wasm' ? [] : webSources(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const codesOf = (origin) => Object.entries(ERROR_CODES).filter(([, entry]) => entry.origin === origin).map(([code]) => code).sort();

test('every entry has an origin of core or web and says what it means', () => {
  for (const [code, entry] of Object.entries(ERROR_CODES)) {
    expect([code, ['core', 'web'].includes(entry.origin)]).toEqual([code, true]);
    expect(entry.meaning.length).toBeGreaterThan(10);
    expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  }
});

test('the core-origin codes are exactly the C++ core\'s', () => {
  const { from, codes } = coreCodes();
  expect(codes.length).toBeGreaterThan(5);
  expect({ from, codes: [...codes].sort() }).toEqual({ from, codes: codesOf('core') });
});

test('each C++ name in the table is its JS code in CamelCase', () => {
  const lines = read('src/base/error_codes.def').replace(/\/\/.*$/gm, '');
  const pairs = [...lines.matchAll(/X\(\s*(\w+)\s*,\s*"([a-z_]+)"\s*\)/g)].map((m) => [m[1], m[2]]);
  expect(pairs.map(([name]) => snake(name))).toEqual(pairs.map(([, code]) => code));
});

test('every ImageFieldError web/ raises uses a code of the table', () => {
  const used = new Set();
  for (const file of webSources()) {
    for (const match of readFileSync(file, 'utf8').matchAll(/new ImageFieldError\(\s*'([a-z_]+)'/g)) used.add(match[1]);
    // Codes chosen at run time are still literals of the table.
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:failCode|code)\s*[:=]\s*'([a-z_]+)'/g)) used.add(match[1]);
  }
  expect(used.size).toBeGreaterThan(10);
  expect([...used].filter((code) => !(code in ERROR_CODES))).toEqual([]);
});

test('the ErrorCode union of the declarations lists exactly the table\'s codes', () => {
  const union = read('web/core/error.d.ts').match(/export type ErrorCode\s*=([^;]*);/)[1];
  const codes = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
  expect(codes).toEqual(Object.keys(ERROR_CODES).sort());
});
