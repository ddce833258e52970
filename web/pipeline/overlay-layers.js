// The `boxes` and `masks` properties, checked by the core exactly as
// core.Image checks them (same rules, codes and messages), against a blank
// image of the shown size: the overlay needs the validated layers, not a file.
import { ImageFieldError } from '../core/error.js';
import { maskColorTable } from './class-colors.js';

// A blank image's file, kept as is by core.Image: a zero PNG of a few KB that
// reads back in milliseconds, where a raster would be encoded on every check.
// Boxes need no size (1×1); masks the image's, of which only the latest is
// kept: a field mostly shows images of one size.
const blankFiles = { box: null, mask: { width: 0, height: 0, bytes: null } };

const encodeBlank = (core, width, height) => core.encode({ width, height, mode: 'L', data: new Uint8Array(width * height) });

function blank(core, width, height) {
  if (width === 1 && height === 1) return (blankFiles.box ??= encodeBlank(core, 1, 1));
  const cached = blankFiles.mask;
  if (cached.width !== width || cached.height !== height) {
    blankFiles.mask = { width, height, bytes: encodeBlank(core, width, height) };
  }
  return blankFiles.mask.bytes;
}

/** Validated boxes: { layer: { box_data, class_labels } }, or null for none. */
export function checkBoxes(core, boxes) {
  if (boxes === null || boxes === undefined) return null;
  return new core.Image(blank(core, 1, 1), { boxes }).boxes;
}

/**
 * Validated masks for an image of width × height: { layer: { mask_data:
 * Uint8Array, shape, class_labels } }, or null for none.
 */
export function checkMasks(core, masks, width, height) {
  if (masks === null || masks === undefined) return null;
  if (!width || !height) throw new ImageFieldError('invalid_mask', 'masks need an image to match');
  return new core.Image(blank(core, width, height), { masks }).masks;
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

/**
 * The mask layers as RGBA colour layers at image size, one per layer in
 * order: labelled classes in their colour, hidden and unlabelled ids clear.
 */
export function colourMasks(core, masks, hiddenIds) {
  const hidden = new Set(hiddenIds);
  return Object.values(masks ?? {}).map((layer) => {
    const [height, width] = layer.shape;
    const table = maskColorTable(Object.keys(layer.class_labels ?? {}).map(Number), hidden);
    return core.maskOverlay({ width, height, data: layer.mask_data }, table);
  });
}
