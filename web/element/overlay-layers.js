// The `boxes` and `masks` properties, checked by the core exactly as
// core.Image checks them (same rules, codes and messages), against a blank
// image of the shown size: the overlay needs the validated layers, not a file.
import { ImageFieldError } from '../errors.js';

function blank(width, height) {
  // BMP is the cheapest file the core writes; only the validation is wanted.
  return { width, height, mode: 'L', data: new Uint8Array(width * height) };
}

/** Validated boxes: { layer: { box_data, class_labels } }, or null for none. */
export function checkBoxes(core, boxes) {
  if (boxes === null || boxes === undefined) return null;
  return new core.Image(blank(1, 1), { fileType: 'bmp', boxes }).boxes;
}

/**
 * Validated masks for an image of width × height: { layer: { mask_data:
 * Uint8Array, shape, class_labels } }, or null for none.
 */
export function checkMasks(core, masks, width, height) {
  if (masks === null || masks === undefined) return null;
  if (!width || !height) throw new ImageFieldError('invalid_mask', 'masks need an image to match');
  return new core.Image(blank(width, height), { fileType: 'bmp', masks }).masks;
}

/** Every labelled class of the layers: Map id → name, boxes first, the first name wins. */
export function classesOf(boxes, masks) {
  const classes = new Map();
  for (const layer of [...Object.values(boxes ?? {}), ...Object.values(masks ?? {})]) {
    for (const [id, name] of Object.entries(layer.class_labels ?? {})) {
      if (!classes.has(Number(id))) classes.set(Number(id), String(name));
    }
  }
  return new Map([...classes].sort((a, b) => a[0] - b[0]));
}
