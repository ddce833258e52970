// Put first into every page by the test server when the engine is WebKit:
// WebDriver classic has no console or error events and an alert blocks it, so
// the page keeps its console errors, uncaught errors, CSP violations and
// dialogs (answered as dismissed) for the driver to collect with each script.
(() => {
  const kept = { problems: [], dialogs: [] };
  const text = (value) => (value instanceof Error ? value.message : String(value));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    kept.problems.push(`console.error: ${args.map(text).join(' ')}`);
    consoleError(...args);
  };
  window.addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) kept.problems.push(`pageerror: ${event.message}`);
  });
  window.addEventListener('unhandledrejection', (event) => kept.problems.push(`pageerror: ${text(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) => {
    kept.problems.push(`console.error: Content Security Policy refused ${event.blockedURI} (${event.violatedDirective})`);
  });
  for (const [name, answer] of [['alert', undefined], ['confirm', false], ['prompt', null]]) {
    window[name] = (message) => {
      kept.dialogs.push(String(message ?? ''));
      return answer;
    };
  }
  Object.defineProperty(window, '__harnessDrain', {
    value: () => ({ problems: kept.problems.splice(0), dialogs: kept.dialogs.splice(0) }),
  });
})();
