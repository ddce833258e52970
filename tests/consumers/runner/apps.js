// The consumer apps: how each is built (an npm script of the consumer
// project), what its build writes, and what is served to the browser.
// `warning` matches the bundler's own way of printing a build warning;
// `advice` the warnings that are advice, not a problem (webpack's size hint
// fires on any Wasm file over 244 KiB).

export const APPS = [
  {
    name: 'vite', label: 'Vite (build)', script: 'build:vite',
    outDir: 'apps/vite/dist', serveDir: 'apps/vite/dist', warning: /^\s*(\(!\)|\[plugin|warning)/im,
  },
  {
    name: 'vite-dev', label: 'Vite (dev server)', script: 'dev:vite', devServer: true,
    warning: /^\s*(\(!\)|\[plugin|warning)/im,
  },
  {
    name: 'webpack', label: 'webpack 5', script: 'build:webpack',
    outDir: 'apps/webpack/dist', serveDir: 'apps/webpack/dist', warning: /^WARNING in /m,
    advice: /^WARNING in (asset|entrypoint) size limit|^WARNING in webpack performance recommendations/,
  },
  {
    name: 'esbuild', label: 'esbuild', script: 'build:esbuild',
    outDir: 'apps/esbuild/dist', serveDir: 'apps/esbuild', warning: /\[WARNING\]/,
  },
  {
    name: 'rollup', label: 'Rollup', script: 'build:rollup',
    outDir: 'apps/rollup/dist', serveDir: 'apps/rollup', warning: /^\(!\)/m,
  },
  {
    name: 'react', label: 'React 19 + Vite', script: 'build:react',
    outDir: 'apps/react/dist', serveDir: 'apps/react/dist', warning: /^\s*(\(!\)|\[plugin|warning)/im,
  },
];
