// web/ is built in layers that import downward only:
//   entry points (web/*.js) → element → pipeline → worker → core → wasm (the built glue).
// Every import, re-export, dynamic import and `new URL('…', import.meta.url)`
// (a Worker script or a .wasm is a dependency too) is read from the source
// and must point at an existing file of the same layer or a lower one.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = join(ROOT, 'web');
const LAYERS = ['wasm', 'core', 'worker', 'pipeline', 'element'];
const packageImports = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).imports ?? {};

function layerOf(file) {
  const [top] = relative(WEB, file).split(/[\\/]/);
  const index = LAYERS.indexOf(top);
  return index >= 0 ? index : LAYERS.length;  // web/*.js: the package's entry points, above every layer
}

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'wasm' ? [] : sources(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const SPECIFIERS = [
  /^\s*import\s+(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/gm,
  /^\s*export\s+[\w*{}\s,$]+\s+from\s+['"]([^'"]+)['"]/gm,
  /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)*['"]([^'"]+)['"]\s*\)/g,
  /new URL\(\s*(?:\/\*[^*]*\*\/\s*)*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

/** Every specifier a module names, without its comments. */
function specifiersOf(text) {
  const code = text.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*\*[\s\S]*?\*\//g, '');
  return SPECIFIERS.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

/** The files a specifier of `file` can load (a package import: every condition's target). */
function targetsOf(file, specifier) {
  if (specifier.startsWith('#')) {
    const entry = packageImports[specifier];
    const targets = typeof entry === 'string' ? [entry] : Object.values(entry ?? {});
    return targets.map((target) => join(ROOT, target));
  }
  if (specifier.startsWith('.')) return [resolve(dirname(file), specifier)];
  return [null];  // a bare or node: specifier
}

const files = sources(WEB);

test('the layer reader sees every kind of reference (control)', () => {
  const text = "import { a } from './a.js';\nexport { b } from '../b.js';\nconst c = await import(/* x */ './c.js');\n"
    + "new Worker(new URL('./d-worker.js', import.meta.url));\n// import { e } from './e.js';\n";
  expect(specifiersOf(text)).toEqual(['./a.js', '../b.js', './c.js', './d-worker.js']);
  expect(layerOf(join(WEB, 'element/sources/x.js'))).toBeGreaterThan(layerOf(join(WEB, 'pipeline/y.js')));
});

test('web/ has modules in every layer', () => {
  for (const layer of LAYERS.slice(1)) expect(files.some((file) => layerOf(file) === LAYERS.indexOf(layer))).toBe(true);
});

test.each(files.map((file) => [relative(ROOT, file), file]))('%s imports only from its own layer or below', (_, file) => {
  const problems = [];
  for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
    for (const target of targetsOf(file, specifier)) {
      if (target === null) {
        // Node built-ins only in the module the "node" condition selects.
        if (!relative(WEB, file).endsWith('-node.js')) problems.push(`${specifier}: a bare or node: import`);
        continue;
      }
      if (!existsSync(target) && !target.startsWith(join(WEB, 'core', 'wasm'))) problems.push(`${specifier}: no such file`);
      if (layerOf(target) > layerOf(file)) {
        problems.push(`${specifier}: ${LAYERS[layerOf(target)] ?? 'entry'} is above ${LAYERS[layerOf(file)] ?? 'entry'}`);
      }
    }
  }
  expect(problems).toEqual([]);
});
