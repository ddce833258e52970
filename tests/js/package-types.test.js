// The package as a consumer sees it: its TypeScript declarations checked by
// tsc under both module resolutions, its entry points' run-time exports (the
// ones the declarations promise), require() of the ESM package, and the files
// `npm pack` ships.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function tsc(project) {
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', project, '--noEmit', '--strict'],
    { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Runs a script in a fresh Node from the package root, where `imagefield` names this package. */
function node(args) {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
}

describe('TypeScript declarations (tests/types/, tsc --strict)', () => {
  test.each(['bundler', 'node16'])('usage files type-check with moduleResolution %s', (resolution) => {
    const config = join('tests', 'types', `tsconfig.${resolution}.json`);
    expect(JSON.parse(readFileSync(join(root, config), 'utf8')).compilerOptions.moduleResolution).toBe(resolution);
    const { status, output } = tsc(config);
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});

describe('entry points', () => {
  // The same names tests/types/*.ts assert for the declarations' value exports.
  const promised = {
    imagefield: ['ContainedDecoder', 'ERROR_CODES', 'ImageFieldError', 'WorkerCore', 'loadCore'],
    'imagefield/core': ['Core', 'ERROR_CODES', 'ImageFieldError', 'loadCore'],
  };

  test.each(Object.entries(promised))('import(%j) exports what its types declare', (specifier, names) => {
    const out = node(['--input-type=module', '-e',
      `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()));`]);
    expect(JSON.parse(out)).toEqual(names);
  });

  test('the element entry exports exactly ImageField (the declarations say the same)', () => {
    const text = readFileSync(join(root, pkg.exports['./element'].default), 'utf8');
    expect([...text.matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((m) => m[1].split(',').map((s) => s.trim()))).toEqual(['ImageField']);
    expect(text).not.toMatch(/^export\s+(const|let|var|function|class|default)\b/m);
  });

  test('require() of the ESM package works on this Node (require(esm), the engines floor)', () => {
    const out = node(['-e', `const m = require('imagefield'); const c = require('imagefield/core');
      import('imagefield').then(async (imported) => {
        const core = await m.loadCore();
        const png = core.encode(core.fromArray(new Float32Array(12).fill(0.5), { shape: [2, 2, 3] }));
        const back = core.decode(png);
        let code = null;
        try { core.convert(back, 'nope'); } catch (error) { code = error instanceof imported.ImageFieldError && error.code; }
        console.log(JSON.stringify([Object.keys(m).sort(), Object.keys(c).sort(), process.features.require_module,
          imported.ImageFieldError === m.ImageFieldError, back.mode, Array.from(back.data.slice(0, 3)), code]));
      });`]);
    // One module instance for require and import (no dual-package copies), and a working core.
    expect(JSON.parse(out)).toEqual([promised.imagefield, promised['imagefield/core'], true,
      true, 'RGB', [127, 127, 127], 'invalid_mode']);
    // engines names the releases where require(esm) is on by default: 20.19+ and 22.12+.
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19)).toBe(true);
  });
});

/** Value exports named by a module's text: declarations, `export { a, b as c }` (not `export type`). */
function valueExports(text) {
  const names = [...text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:class|function\*?|const|let)\s+(\w+)/gm)].map((m) => m[1]);
  for (const [, list] of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    names.push(...list.split(',').map((item) => item.trim()).filter(Boolean).map((item) => item.split(/\s+as\s+/).pop()));
  }
  return [...new Set(names)].sort();
}

function declarationFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(path);
    return entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

test('every declaration file beside a module declares only values that module exports', () => {
  const checked = [];
  for (const file of declarationFiles('web')) {
    const module = file.replace(/\.d\.ts$/, '.js');
    if (!existsSync(join(root, module))) continue;
    const declared = valueExports(readFileSync(join(root, file), 'utf8'));
    const exported = valueExports(readFileSync(join(root, module), 'utf8'));
    expect({ file, missing: declared.filter((name) => !exported.includes(name)) }).toEqual({ file, missing: [] });
    checked.push(file);
  }
  expect(checked.length).toBeGreaterThanOrEqual(9);
});

describe('npm pack', () => {
  const packed = new Set(JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'],
    { cwd: root, encoding: 'utf8' }))[0].files.map((f) => f.path));

  test('ships the licence, the manifest and every declaration file, each import of which resolves in the package', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json']) expect(packed).toContain(file);
    // Generated by `npm run manifest` (prepack); tests/js/custom-elements-manifest.test.js packs it.
    expect(pkg.files).toContain('custom-elements.json');
    const typesFiles = Object.values(pkg.exports).filter((e) => typeof e === 'object').map((e) => normalize(e.types));
    expect(typesFiles.length).toBeGreaterThanOrEqual(4);
    const seen = new Set();
    const pending = [...typesFiles];
    while (pending.length) {
      const file = pending.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      expect(packed).toContain(file);
      for (const [, spec] of readFileSync(join(root, file), 'utf8').matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
        pending.push(normalize(join(dirname(file), `${spec}.d.ts`)));
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(7);
  });

  test('every JS entry point exists', () => {
    for (const entry of Object.values(pkg.exports)) {
      const target = typeof entry === 'string' ? entry : entry.default;
      if (!target.includes('/wasm/') && target !== './custom-elements.json') expect(existsSync(join(root, target))).toBe(true);
    }
  });

  test('ships every run-time file a page or Node can reach from an entry point, and nothing else', () => {
    // Reached through static and dynamic imports, `new URL('…', import.meta.url)`
    // (Workers, Wasm) and the package's "#" imports, from every export.
    const reachable = new Set();
    const pending = Object.values(pkg.exports).map((e) => normalize(typeof e === 'string' ? e : e.default));
    while (pending.length) {
      const file = pending.pop();
      if (reachable.has(file)) continue;
      reachable.add(file);
      if (!file.endsWith('.js')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      const specs = [
        ...[...text.matchAll(/(?:from|import\(|new URL\()\s*'(\.{1,2}\/[^']+)'/g)].map(([, spec]) => join(dirname(file), spec)),
        ...[...text.matchAll(/(?:from|import\()\s*'(#[\w-]+)'/g)].flatMap(([, spec]) => Object.values(pkg.imports[spec]).map((t) => normalize(t))),
      ];
      pending.push(...specs.map((spec) => normalize(spec)));
    }
    const runtime = [...packed].filter((file) => /\.(js|wasm)$/.test(file)).sort();
    expect(runtime).toEqual([...reachable].filter((file) => /\.(js|wasm)$/.test(file)).sort());
    expect(runtime).toContain('web/core/wasm/imagefield-core-nosimd.wasm');
  });

  test('metadata: MIT licence file matching package.json, repository, homepage, bugs', () => {
    expect(pkg.license).toBe('MIT');
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} imagefield authors\n/);
    expect(pkg.repository.url).toBe('git+https://github.com/imagefield/imagefield.git');
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/imagefield\/imagefield/);
    expect(pkg.bugs.url).toBe('https://github.com/imagefield/imagefield/issues');
  });
});
