// The esbuild recipe as the README gives it: the one command that copies the
// package's run-time files beside the bundle (esbuild copies no assets).

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
