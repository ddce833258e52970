// The consumer apps: how each is built (an npm script of the consumer
// project, plus `args` that only change how much it prints), what its build
// writes, and what is served to the browser. `warning` matches a line the
// bundler prints for a warning (a Vite build at --logLevel warn prints nothing
// else); `advice` the warnings that are advice, not a problem (webpack's size
// hint fires on any Wasm file over 244 KiB); `readmeRecipe` apps follow the
// README's copy command. A dev server's `banner` names the Vite it must be:
// both Vites install a `vite` command, so the scripts name each one's own file.

// Vite's dev server prints warnings as "(!) …", "[plugin …] …", Rolldown's
// "[CODE] …", or plain sentences such as "new URL(…) doesn't exist at build time".
const VITE_DEV_WARNING = /^\s*(\(!\)|\[plugin |\[[A-Z_]+\] |warn)|doesn't exist at build time|externalized for browser/i;

export const APPS = [
  {
    name: 'vite', label: 'Vite (build)', script: 'build:vite', args: ['--logLevel', 'warn'],
    outDir: 'apps/vite/dist', serveDir: 'apps/vite/dist', warning: /\S/,
  },
  {
    name: 'vite-dev', label: 'Vite (dev server)', script: 'dev:vite', devServer: true,
    cacheDir: 'node_modules/.vite', banner: /VITE v8\./, warning: VITE_DEV_WARNING,
  },
  {
    // Vite up to 6 pre-bundles the package without rewriting its literal
    // new URL()s: the case web/core/package-files.js is for.
    name: 'vite6-dev', label: 'Vite 6 (dev server)', script: 'dev:vite6', devServer: true,
    cacheDir: 'node_modules/.vite6', banner: /VITE v6\./, warning: VITE_DEV_WARNING,
  },
  {
    name: 'webpack', label: 'webpack 5', script: 'build:webpack',
    outDir: 'apps/webpack/dist', serveDir: 'apps/webpack/dist', warning: /^WARNING in /m,
    advice: /^WARNING in (asset|entrypoint) size limit|^WARNING in webpack performance recommendations/,
  },
  {
    name: 'esbuild', label: 'esbuild', script: 'build:esbuild',
    outDir: 'apps/esbuild/dist', serveDir: 'apps/esbuild', warning: /\[WARNING\]/, readmeRecipe: true,
  },
  {
    name: 'rollup', label: 'Rollup', script: 'build:rollup',
    outDir: 'apps/rollup/dist', serveDir: 'apps/rollup', warning: /^\(!\)/m, readmeRecipe: true,
  },
  {
    name: 'react', label: 'React 19 + Vite', script: 'build:react', args: ['--logLevel', 'warn'],
    outDir: 'apps/react/dist', serveDir: 'apps/react/dist', warning: /\S/,
  },
];
