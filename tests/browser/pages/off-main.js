// The element on a page that loads no core of its own: whatever Wasm or
// pixel reads the main thread does is the element's (main-thread-counter.js
// counts them). `?noworker` removes Worker first, as in an engine without it.
if (new URLSearchParams(location.search).has('noworker')) delete window.Worker;

await import('../../../web/element/index.js');

const EVENTS = ['upload', 'input', 'change', 'error'];
window.events = [];

window.makeField = (attributes = {}, { inForm = false } = {}) => {
  const field = document.createElement('image-field');
  for (const [name, value] of Object.entries(attributes)) field.setAttribute(name, value === true ? '' : value);
  for (const type of EVENTS) {
    field.addEventListener(type, (event) => window.events.push({ type, id: field.id, detail: event.detail }));
  }
  document.getElementById(inForm ? 'form' : 'fields').append(field);
  return field;
};

document.documentElement.dataset.ready = 'true';
