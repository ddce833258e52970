// The element's `boxes` and `masks`: validated by the core, drawn by the
// overlay, listed in the legend. Invalid layers throw and leave the previous
// ones in place.
import { checkBoxes, checkMasks, classesOf } from './overlay-layers.js';
import { renderLegend } from './legend.js';
import { Overlay } from './overlay.js';

export class Annotations {
  #overlay;
  #legend;
  #boxesGiven = null;   // as the page set them
  #masksGiven = null;
  #boxes = null;        // validated
  #masks = null;        // validated against the shown image, null when they do not fit it
  #image = null;
  #hidden = new Set();
  #core = null;
  #label = '';

  constructor({ overlay, frame, legend, host }) {
    this.#overlay = new Overlay(overlay, frame, host);
    this.#legend = legend;
    legend.hidden = true;
  }

  get boxes() { return this.#boxesGiven; }
  get masks() { return this.#masksGiven; }

  connect() { this.#overlay.connect(); }
  disconnect() { this.#overlay.disconnect(); }

  setBoxes(core, boxes) {
    this.#boxes = checkBoxes(core, boxes);
    this.#boxesGiven = boxes ?? null;
    this.#refresh(core);
  }

  setMasks(core, masks) {
    const checked = this.#image ? checkMasks(core, masks, this.#image.width, this.#image.height) : null;
    this.#masksGiven = masks ?? null;
    this.#masks = checked;
    this.#refresh(core);
  }

  /** The image shown changed (null: none). Throws when the masks do not fit it; they are then not drawn. */
  show(core, raster) {
    const image = raster ? { width: raster.width, height: raster.height } : null;
    const resized = image?.width !== this.#image?.width || image?.height !== this.#image?.height;
    this.#image = image;
    try {
      if (resized || (image && this.#masksGiven && !this.#masks)) {
        this.#masks = null;
        if (image) this.#masks = checkMasks(core, this.#masksGiven, image.width, image.height);
      }
    } finally {
      this.#refresh(core);
    }
  }

  setLabel(label) {
    if (label === this.#label) return;
    this.#label = label;
    if (this.#core) this.#renderLegend();
  }

  #toggle(id) {
    if (this.#hidden.has(id)) this.#hidden.delete(id);
    else this.#hidden.add(id);
    this.#refresh(this.#core);
  }

  #refresh(core) {
    this.#core = core;
    this.#overlay.update(core, { image: this.#image, boxes: this.#boxes, masks: this.#masks, hidden: this.#hidden });
    this.#renderLegend();
  }

  #renderLegend() {
    const classes = this.#image ? classesOf(this.#boxes, this.#masks) : new Map();
    renderLegend(this.#legend, classes, this.#hidden, { label: this.#label, onToggle: (id) => this.#toggle(id) });
  }
}
