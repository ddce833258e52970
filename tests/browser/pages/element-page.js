// Test page for <image-field>: builds fields on request, records their events
// and keeps track of object URLs and camera streams so tests can check leaks.
import '../../../web/element/index.js';
import { loadCore } from '../../../web/index.js';

window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));

const EVENTS = ['upload', 'input', 'change', 'clear', 'select', 'stream', 'error'];

const liveUrls = new Set();
const create = URL.createObjectURL.bind(URL);
const revoke = URL.revokeObjectURL.bind(URL);
URL.createObjectURL = (object) => {
  const url = create(object);
  liveUrls.add(url);
  return url;
};
URL.revokeObjectURL = (url) => {
  liveUrls.delete(url);
  revoke(url);
};

const streams = [];
// On the prototype: WebKit can drop properties set on navigator.mediaDevices itself.
if (globalThis.MediaDevices?.prototype.getUserMedia) {
  const { getUserMedia } = MediaDevices.prototype;
  MediaDevices.prototype.getUserMedia = async function recorded(constraints) {
    const stream = await getUserMedia.call(this, constraints);
    streams.push(stream);
    return stream;
  };
}

window.core = await loadCore();
window.events = [];
window.liveUrls = liveUrls;
window.streams = streams;
window.liveTracks = () => streams.flatMap((stream) => stream.getTracks()).filter((track) => track.readyState === 'live').length;

/** A new field with these attributes, in the form or the page; its events go to window.events. */
window.makeField = (attributes = {}, { inForm = false } = {}) => {
  const field = document.createElement('image-field');
  for (const [name, value] of Object.entries(attributes)) field.setAttribute(name, value === true ? '' : value);
  for (const type of EVENTS) {
    field.addEventListener(type, (event) => window.events.push({
      type, custom: event instanceof CustomEvent, bubbles: event.bubbles, composed: event.composed, detail: event.detail,
    }));
  }
  (inForm ? document.getElementById('form') : document.getElementById('fields')).append(field);
  return field;
};

window.reset = () => {
  document.getElementById('fields').replaceChildren();
  document.getElementById('form').replaceChildren();
  window.events = [];
  streams.length = 0;
};

document.documentElement.dataset.ready = 'true';
