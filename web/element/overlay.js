// Boxes and masks drawn over the picture in screen space: the overlay canvas
// matches the displayed frame × devicePixelRatio, so captions and lines stay
// sharp at any zoom, and positions go through the same letterbox mapping as
// the preview's object-fit: contain (preview.js pixelAt).
import { classColor, cssColor, textColorOn } from '../pipeline/class-colors.js';
import { placeCaptions } from './caption-placement.js';

const CAPTION_PADDING = 3;

/** Where an image of width × height sits in a box of boxWidth × boxHeight (object-fit: contain). */
export function letterbox(width, height, boxWidth, boxHeight) {
  const scale = Math.min(boxWidth / width, boxHeight / height);
  return { scale, left: (boxWidth - width * scale) / 2, top: (boxHeight - height * scale) / 2 };
}

/**
 * A box's corners in image pixels: `domain: "pixel"` is pixels, `"tensor"`
 * pixels of the field's tensor value (mapped back through `toImage`, see
 * pipeline/tensor-step.js; null when there is none), anything else fractions
 * of the image.
 */
export function boxInPixels(box, width, height, toImage = null) {
  const p = box.position;
  let [minX, maxX, minY, maxY] = 'middle' in p
    ? [p.middle[0] - p.width / 2, p.middle[0] + p.width / 2, p.middle[1] - p.height / 2, p.middle[1] + p.height / 2]
    : [p.minX, p.maxX, p.minY, p.maxY];
  if (box.domain === 'tensor') {
    if (!toImage) return null;
    const { scaleX, scaleY, left, top } = toImage;
    [minX, maxX, minY, maxY] = [(minX - left) / scaleX, (maxX - left) / scaleX, (minY - top) / scaleY, (maxY - top) / scaleY];
  } else if (box.domain !== 'pixel') {
    [minX, maxX, minY, maxY] = [minX * width, maxX * width, minY * height, maxY * height];
  }
  return { minX: Math.min(minX, maxX), maxX: Math.max(minX, maxX), minY: Math.min(minY, maxY), maxY: Math.max(minY, maxY) };
}

function cssNumber(style, name, fallback) {
  const number = parseFloat(style.getPropertyValue(name));
  return Number.isFinite(number) ? number : fallback;
}

function toCanvas({ width, height, data }) {
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height), 0, 0);
  return canvas;
}

export class Overlay {
  #canvas;
  #frame;
  #host;
  #image = null;      // { width, height } of the shown raster
  #boxes = null;
  #toImage = null;    // tensor pixels → image pixels, for boxes of domain "tensor"
  #maskLayers = [];   // one canvas per mask layer, at image size
  #hidden = new Set();
  #observer;

  constructor(canvas, frame, host) {
    this.#canvas = canvas;
    this.#frame = frame;
    this.#host = host;
    this.#observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.draw()) : null;
  }

  connect() {
    this.#observer?.observe(this.#frame);
  }

  disconnect() {
    this.#observer?.disconnect();
  }

  /**
   * What to draw: the image size (null: nothing shown), validated boxes, the
   * masks' colour layers (RGBA rasters at image size, coloured by the core),
   * the hidden class ids and the tensor value's mapping onto the image (or null).
   */
  update({ image, boxes, maskLayers, hidden, toImage = null }) {
    this.#image = image;
    this.#boxes = image ? boxes : null;
    this.#toImage = toImage;
    this.#hidden = hidden;
    if (maskLayers !== undefined) this.#maskLayers = image ? maskLayers.map(toCanvas) : [];
    this.draw();
  }

  draw() {
    const canvas = this.#canvas;
    const cssWidth = this.#frame.clientWidth;
    const cssHeight = this.#frame.clientHeight;
    const ratio = globalThis.devicePixelRatio || 1;
    const empty = !this.#image || (!this.#boxes && !this.#maskLayers.length) || !cssWidth || !cssHeight;
    canvas.hidden = empty;
    if (empty) {
      canvas.width = 0;
      canvas.height = 0;
      return;
    }
    canvas.width = Math.round(cssWidth * ratio);
    canvas.height = Math.round(cssHeight * ratio);
    const context = canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, cssWidth, cssHeight);
    const { width, height } = this.#image;
    const place = letterbox(width, height, cssWidth, cssHeight);
    const style = getComputedStyle(this.#host);

    context.save();
    context.imageSmoothingEnabled = false;  // class regions stay crisp blocks when scaled up
    context.globalAlpha = Math.min(1, Math.max(0, cssNumber(style, '--image-field-mask-opacity', 0.45)));
    for (const layer of this.#maskLayers) {
      context.drawImage(layer, place.left, place.top, width * place.scale, height * place.scale);
    }
    context.restore();

    const lineWidth = Math.max(0, cssNumber(style, '--image-field-box-width', 2));
    const fontSize = Math.max(1, cssNumber(style, '--image-field-caption-size', 12));
    context.font = `600 ${fontSize}px system-ui, sans-serif`;
    context.textBaseline = 'top';
    context.lineWidth = lineWidth;
    const captions = [];  // drawn after every box, so no line crosses a caption
    for (const layer of Object.values(this.#boxes ?? {})) {
      for (const box of layer.box_data) {
        const id = box.class_id;
        if (Number.isInteger(id) && this.#hidden.has(id)) continue;
        const color = classColor(id);
        const b = boxInPixels(box, width, height, this.#toImage);
        if (!b) continue;  // in tensor space, with no tensor to map it from (the controller reported it)
        const x = place.left + b.minX * place.scale;
        const y = place.top + b.minY * place.scale;
        const w = (b.maxX - b.minX) * place.scale;
        const h = (b.maxY - b.minY) * place.scale;
        context.strokeStyle = cssColor(color);
        // The line lies inside the box, so its outer edge is the box's edge.
        context.strokeRect(x + lineWidth / 2, y + lineWidth / 2, Math.max(0, w - lineWidth), Math.max(0, h - lineWidth));
        const caption = box.box_caption ?? (Number.isInteger(id) ? layer.class_labels?.[id] : undefined);
        if (caption) {
          const text = String(caption);
          captions.push({ text, color, x, y, width: w, height: h, labelWidth: context.measureText(text).width + CAPTION_PADDING * 2 });
        }
      }
    }
    const labelHeight = fontSize + CAPTION_PADDING * 2;
    placeCaptions(captions, labelHeight, { width: cssWidth, height: cssHeight }).forEach((spot, i) => {
      const { text, color, labelWidth } = captions[i];
      context.fillStyle = cssColor(color);
      context.fillRect(spot.x, spot.y, labelWidth, labelHeight);
      context.fillStyle = textColorOn(color);
      context.fillText(text, spot.x + CAPTION_PADDING, spot.y + CAPTION_PADDING);
    });
  }
}
