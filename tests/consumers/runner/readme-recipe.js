// The esbuild and Rollup recipes as the README gives them: the one command
// that copies the Wasm builds beside the bundles (neither bundler copies
// assets), and the package files the recipes name.

/** The README's "Bundlers" section: from its heading to the next heading of the same or a higher level. */
function bundlersSection(readme) {
  const heading = readme.match(/^(#{2,4}) Bundlers[^\n]*\n/m);
  if (!heading) return null;
  const rest = readme.slice(heading.index + heading[0].length);
  const next = rest.search(new RegExp(`^#{1,${heading[1].length}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

/** The first `cp … imagefield …` line of the README's "Bundlers" section, or null. */
export function readmeCopyCommand(readme) {
  return bundlersSection(readme)?.match(/^cp .*imagefield.*$/m)?.[0].trim() ?? null;
}

/** Every `node_modules/imagefield/…` path the README's "Bundlers" section names. */
export function readmePackagePaths(readme) {
  return [...new Set(bundlersSection(readme)?.match(/node_modules\/imagefield\/[\w./-]*[\w]/g) ?? [])];
}
