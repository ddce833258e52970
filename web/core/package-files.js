// Where the package's own run-time files are when a dev server moved its
// modules away from them. Vite's dev server pre-bundles dependencies into
// node_modules/.vite/deps/ (optimizeDeps) without copying the files their
// `new URL('…', import.meta.url)` name, so those URLs point into its cache.
// From there the package's files are one level up, under its own name, which
// Vite serves as they are. Bundlers and plain servers never take this path:
// for them the literal URLs are right.
const PREBUNDLED = /\/node_modules\/\.vite\/deps(?:_temp_[^/]*)?\/[^/]*$/;
const PACKAGE = 'imagefield';
// Held in a variable: a computed `new URL(…, import.meta.url)` would be taken by bundlers for a pattern of files to copy.
const HERE = import.meta.url;

/** Whether this module runs from Vite's pre-bundled copy. */
export function prebundled() {
  return PREBUNDLED.test(new URL(HERE).pathname);
}

/** The URL of the package's file at `path` (e.g. 'web/core/wasm/imagefield-core.wasm'), as served beside Vite's cache. */
export function besideCache(path) {
  return new URL(`../../${PACKAGE}/${path}`, HERE);
}
