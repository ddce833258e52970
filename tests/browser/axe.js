// axe-core (npm devDependency, served by the test server from node_modules)
// run in the page under test: the accessibility violations of the document,
// open shadow roots included, as { rule, impact, targets } objects.
export async function axeViolations(page, context = null) {
  return page.evaluate(async (scope) => {
    if (!window.axe) {
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '/node_modules/axe-core/axe.min.js';
        script.onload = resolve;
        script.onerror = () => reject(new Error('axe-core could not be loaded'));
        document.head.append(script);
      });
    }
    const results = await window.axe.run(scope ? document.querySelector(scope) : document, { resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, nodes }) => ({ rule: id, impact, targets: nodes.map((node) => JSON.stringify(node.target)) }));
  }, context);
}
