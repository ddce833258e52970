// The element's attributes and how each reflects to a property.
// kinds: string, boolean (present = on), on-by-default (only "false" turns it off), number.
export const ATTRIBUTES = {
  sources: { property: 'sources', kind: 'string', fallback: 'upload webcam clipboard' },
  'image-mode': { property: 'imageMode', kind: 'string', fallback: 'RGB' },
  type: { property: 'type', kind: 'string', fallback: 'array' },
  format: { property: 'format', kind: 'string', fallback: 'png' },
  label: { property: 'label', kind: 'string', fallback: '' },
  'show-label': { property: 'showLabel', kind: 'on-by-default' },
  placeholder: { property: 'placeholder', kind: 'string', fallback: '' },
  height: { property: 'height', kind: 'string', fallback: '' },
  width: { property: 'width', kind: 'string', fallback: '' },
  readonly: { property: 'readOnly', kind: 'boolean' },
  disabled: { property: 'disabled', kind: 'boolean' },
  buttons: { property: 'buttons', kind: 'string', fallback: 'download fullscreen share' },
  mirror: { property: 'mirror', kind: 'on-by-default' },
  'stream-every': { property: 'streamEvery', kind: 'number', fallback: 0 },
  'max-size': { property: 'maxSize', kind: 'number', fallback: 0 },
  'max-pixels': { property: 'maxPixels', kind: 'number', fallback: 0 },
  name: { property: 'name', kind: 'string', fallback: '' },
  required: { property: 'required', kind: 'boolean' },
  alt: { property: 'alt', kind: 'string', fallback: '' },
  'paste-anywhere': { property: 'pasteAnywhere', kind: 'boolean' },
  'watermark-uploads': { property: 'watermarkUploads', kind: 'boolean' },
  'watermark-position': { property: 'watermarkPosition', kind: 'string', fallback: 'bottom-right' },
  layout: { property: 'layout', kind: 'string', fallback: 'hwc' },
  'allow-svg': { property: 'allowSvg', kind: 'boolean' },
};

/** Defines a reflecting getter/setter on `prototype` for every attribute. */
export function defineReflectedProperties(prototype) {
  for (const [attribute, { property, kind, fallback }] of Object.entries(ATTRIBUTES)) {
    const descriptor = { configurable: true, enumerable: true };
    if (kind === 'boolean') {
      descriptor.get = function get() { return this.hasAttribute(attribute); };
      descriptor.set = function set(on) { this.toggleAttribute(attribute, !!on); };
    } else if (kind === 'on-by-default') {
      descriptor.get = function get() { return this.getAttribute(attribute) !== 'false'; };
      descriptor.set = function set(on) {
        if (on) this.removeAttribute(attribute);
        else this.setAttribute(attribute, 'false');
      };
    } else if (kind === 'number') {
      descriptor.get = function get() {
        const number = Number(this.getAttribute(attribute));
        return this.hasAttribute(attribute) && Number.isFinite(number) && number > 0 ? number : fallback;
      };
      descriptor.set = function set(number) {
        if (number === null || number === undefined || number === 0) this.removeAttribute(attribute);
        else this.setAttribute(attribute, String(number));
      };
    } else {
      descriptor.get = function get() { return this.getAttribute(attribute) ?? fallback; };
      descriptor.set = function set(text) {
        if (text === null || text === undefined) this.removeAttribute(attribute);
        else this.setAttribute(attribute, String(text));
      };
    }
    Object.defineProperty(prototype, property, descriptor);
  }
}
