// The field's `boxes` and `masks`: validated by the core exactly as
// core.Image validates them, masks coloured by the core — in the field's
// Worker like the rest of its pixel work — then drawn by the overlay and
// listed in the legend. Steps run in order; an invalid layer is reported and
// the previous ones stay.
import { ImageFieldError } from '../../core/error.js';
import { classesOf } from '../../pipeline/overlay-layers.js';
import { renderLegend } from '../legend.js';
import { Overlay } from '../overlay.js';

export class OverlayController {
  #overlay;
  #legend;
  #host;
  #steps = Promise.resolve();
  #boxesGiven = null;   // as the page set them, once accepted
  #masksGiven = null;
  #boxes = null;        // validated
  #masks = null;        // validated against the shown image, null when they do not fit it
  #image = null;
  #toImage = null;      // the tensor value's mapping onto the image, for boxes of domain "tensor"
  #hidden = new Set();
  #coloured = { masks: null, hidden: '' };  // what the drawn mask layers were coloured from
  #label = '';
  #disabled = false;

  /** @param {object} host the element: run(op, args) → Promise (the field's runner), fail(error) */
  constructor({ overlay, frame, legend, element }, host) {
    this.#overlay = new Overlay(overlay, frame, element);
    this.#legend = legend;
    this.#host = host;
    legend.hidden = true;
  }

  get boxes() { return this.#boxesGiven; }
  get masks() { return this.#masksGiven; }

  connect() { this.#overlay.connect(); }
  disconnect() { this.#overlay.disconnect(); }

  /** Resolves once every step asked for so far is drawn. */
  settled() {
    return this.#steps;
  }

  setBoxes(boxes) {
    return this.#step(async () => {
      this.#boxes = boxes === null || boxes === undefined ? null : await this.#host.run('checkBoxes', [boxes]);
      this.#boxesGiven = boxes ?? null;
      this.#checkTensorSpace();
    });
  }

  setMasks(masks) {
    return this.#step(async () => {
      const image = this.#image;
      const checked = image && masks ? await this.#host.run('checkMasks', [masks, image.width, image.height]) : null;
      this.#masksGiven = masks ?? null;
      this.#masks = checked;
    });
  }

  /**
   * The image shown changed (null: none), with the mapping of its tensor value
   * onto it (type="tensor"; null otherwise). Masks that do not fit it, and
   * boxes in tensor space with no tensor to map them from, are reported and not drawn.
   */
  show(raster, toImage = null) {
    const image = raster ? { width: raster.width, height: raster.height } : null;
    return this.#step(async () => {
      this.#toImage = image ? toImage : null;
      const resized = image?.width !== this.#image?.width || image?.height !== this.#image?.height;
      this.#image = image;
      if (resized || (image && this.#masksGiven && !this.#masks)) {
        this.#masks = null;
        if (image && this.#masksGiven) {
          this.#masks = await this.#host.run('checkMasks', [this.#masksGiven, image.width, image.height]);
        }
      }
      this.#checkTensorSpace();
    });
  }

  /** Boxes of domain "tensor" are drawn through the tensor value's mapping; without one, says why they are not. */
  #checkTensorSpace() {
    if (!this.#image || this.#toImage) return;
    const name = Object.keys(this.#boxes ?? {}).find((layer) => this.#boxes[layer].box_data.some((box) => box?.domain === 'tensor'));
    if (name === undefined) return;
    throw new ImageFieldError('invalid_boxes', `boxes[${JSON.stringify(name)}] has boxes with domain "tensor", which are drawn `
      + 'through the tensor the field makes of its image: set type="tensor", with tensorOptions that resize or letterbox '
      + 'but do not crop (a centre crop keeps no way back to the image); the boxes are kept and drawn once there is one');
  }

  setLabel(label) {
    if (label === this.#label) return;
    this.#label = label;
    this.#renderLegend();
  }

  /** A disabled field's legend toggles are disabled too. */
  setDisabled(disabled) {
    if (disabled === this.#disabled) return;
    this.#disabled = disabled;
    this.#renderLegend();
  }

  #toggle(id) {
    if (this.#hidden.has(id)) this.#hidden.delete(id);
    else this.#hidden.add(id);
    // The legend and the boxes follow at once; the masks once the core has coloured them again.
    this.#renderLegend();
    this.#overlay.update({ image: this.#image, boxes: this.#boxes, hidden: this.#hidden, toImage: this.#toImage });
    this.#step(async () => {});
  }

  // A step changes the state, then what is drawn follows it, failed or not.
  #step(change) {
    const run = async () => {
      try {
        await change();
      } catch (error) {
        this.#host.fail(error instanceof ImageFieldError ? error : new ImageFieldError('invalid_argument', String(error?.message ?? error)));
      }
      try {
        await this.#refresh();
      } catch (error) {
        this.#host.fail(error);
      }
    };
    this.#steps = this.#steps.then(run);
    return this.#steps;
  }

  async #refresh() {
    const masks = this.#image ? this.#masks : null;
    const hidden = [...this.#hidden].sort((a, b) => a - b);
    let maskLayers;
    // Colouring a mask costs a pass over its pixels: only when the masks or the hidden classes changed.
    if (masks !== this.#coloured.masks || hidden.join() !== this.#coloured.hidden) {
      maskLayers = masks ? await this.#host.run('colourMasks', [masks, hidden]) : [];
      this.#coloured = { masks, hidden: hidden.join() };
    }
    this.#overlay.update({ image: this.#image, boxes: this.#boxes, maskLayers, hidden: this.#hidden, toImage: this.#toImage });
    this.#renderLegend();
  }

  #renderLegend() {
    const classes = this.#image ? classesOf(this.#boxes, this.#masks) : new Map();
    renderLegend(this.#legend, classes, this.#hidden, { label: this.#label, disabled: this.#disabled, onToggle: (id) => this.#toggle(id) });
  }
}
