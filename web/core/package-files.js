// Where the package's own run-time files are when a dev server moved its
// modules away from them. Vite's dev server (up to version 6 at least)
// pre-bundles dependencies into node_modules/.vite/deps/ (optimizeDeps)
// without rewriting the `new URL('./…', import.meta.url)` they hold, so those
// URLs point into its cache, where nothing is. From there the package's files
// are under its own name, which Vite serves as they are. Bundlers, plain
// servers and Vite 8 never take this path: for them the literal URLs are right.
// Vite's cache folder is node_modules/.vite unless a config names another one in node_modules.
const PREBUNDLED = /\/node_modules\/[^/]+\/deps(?:_temp_[^/]*)?\/wasm\/imagefield-core\.wasm$/;
const PACKAGE = 'imagefield';
// The anchor is a file bundlers copy anyway, named by a literal URL; a bare
// import.meta.url would be written by webpack as the build machine's path.
const ANCHOR = new URL('./wasm/imagefield-core.wasm', import.meta.url);

/** Whether this module runs from Vite's pre-bundled copy. */
export function prebundled() {
  return PREBUNDLED.test(ANCHOR.pathname);
}

/** The URL of the package's file at `path` (e.g. 'web/core/wasm/imagefield-core.wasm'), as served beside Vite's cache. */
export function besideCache(path) {
  return new URL(`../../../${PACKAGE}/${path}`, ANCHOR);
}
