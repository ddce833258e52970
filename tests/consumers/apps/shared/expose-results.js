// What the consumer check reads from a built app: the cores it loaded (or why
// each failed) and what its <image-field> reported. The app itself imports
// the package the way its users do; this module imports nothing.

/**
 * @param {HTMLElement} field the app's <image-field>
 * @param {Record<string, Promise<object>>} cores loadCore() promises by name
 * @returns {() => void} stops listening to the field
 */
export function exposeResults(field, cores) {
  const app = { cores: {}, coreErrors: {}, changes: [], fieldErrors: [] };
  const onChange = (event) => app.changes.push(event.detail.value);
  const onError = (event) => app.fieldErrors.push({ code: event.detail.code, message: event.detail.message });
  field.addEventListener('change', onChange);
  field.addEventListener('error', onError);
  app.ready = Promise.all(Object.entries(cores).map(([name, loading]) => loading.then(
    (core) => { app.cores[name] = core; },
    // Firefox's and WebKit's stacks leave out the message: both, then.
    (error) => { app.coreErrors[name] = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error); },
  )));
  window.imagefieldApp = app;
  return () => {
    field.removeEventListener('change', onChange);
    field.removeEventListener('error', onError);
  };
}
