// core.Image: the wandb.Image data type. All state lives here, in plain JS
// values (the encoded file, its digest, the pixels read back from it, the
// annotation layers); every check and every byte of pixel or file work is a
// stateless call into the core, so no Wasm handle exists between calls.
import { ImageFieldError, unwrap } from './error.js';
import { readArrayInput } from './array-input.js';
import { rasterToCore } from './raster-input.js';
import { inputKind } from './input-kind.js';

/** wandb's limit on images logged under one key in one step. */
export const MAX_ITEMS = 108;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function fail(code, message) {
  throw new ImageFieldError(code, message);
}

function isPlainObject(value) {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** UTF-8 JSON of a user value; cycles, BigInts and absurd nesting become `code` errors. */
function jsonOf(value, code, what) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    fail(code, `${what} cannot be written as JSON (${error.message})`);
  }
  if (text === undefined) fail(code, `${what} cannot be written as JSON (got ${typeof value})`);
  return utf8.encode(text);
}

function rewrap(error, code, what) {
  if (error instanceof ImageFieldError) return new ImageFieldError(code, `${what}: ${error.message}`);
  return error;
}

// Keys name files, so they must not climb out of the media directory.
function checkBinding({ key, step, id } = {}, what) {
  if (typeof key !== 'string' || key === '' || key.startsWith('/') || key.includes('\\')
      || key.split('/').includes('..')) {
    fail('invalid_argument', `${what} needs { key, step }: key is the wandb log key, a non-empty string without `
      + `"..", "\\" or a leading "/" (got ${JSON.stringify(key)})`);
  }
  const stepOk = (Number.isSafeInteger(step) && step >= 0) || (typeof step === 'string' && /^[A-Za-z0-9_-]+$/.test(step));
  if (!stepOk) {
    fail('invalid_argument', `${what} needs { key, step }: step is a non-negative integer or a name like "summary" `
      + `(got ${JSON.stringify(step)})`);
  }
  if (id !== undefined && id !== null && !(Number.isSafeInteger(id) && id >= 0)) {
    fail('invalid_argument', `id must be a non-negative integer (the index in a sequence), got ${JSON.stringify(id)}`);
  }
  return { key, step, id: id ?? null };
}

function filesByPath(files) {
  const map = new Map();
  const add = (path, data) => {
    if (typeof path !== 'string') fail('invalid_argument', 'each file needs a string path');
    if (data instanceof ArrayBuffer) data = new Uint8Array(data);
    if (!(data instanceof Uint8Array)) fail('invalid_argument', `file ${path} must be a Uint8Array or ArrayBuffer`);
    map.set(path, data);
  };
  if (files instanceof Map) for (const [path, data] of files) add(path, data);
  else if (Array.isArray(files)) for (const file of files) add(file?.path, file?.data);
  else if (isPlainObject(files)) for (const [path, data] of Object.entries(files)) add(path, data);
  else fail('invalid_argument', 'files must be what img.files() returns ([{ path, data }]), a Map or an object of path → bytes');
  return map;
}

/** @param {object} module the Embind module; @param {import('./core.js').Core} core */
export function makeImageClass(module, core) {
  const sha256 = (bytes) => unwrap(module.sha256(bytes));

  function verifiedFile(files, entry, what) {
    if (!isPlainObject(entry) || typeof entry.path !== 'string' || typeof entry.sha256 !== 'string') {
      fail('invalid_argument', `${what} must be an object with path and sha256, got ${JSON.stringify(entry)}`);
    }
    const data = files.get(entry.path);
    if (!data) fail('invalid_argument', `${what} names ${entry.path}, which is not among the files`);
    const digest = sha256(data);
    if (digest !== entry.sha256 || (entry.size !== undefined && entry.size !== data.length)) {
      fail('invalid_argument', `file ${entry.path} has sha256 ${digest} and ${data.length} bytes, but the JSON says `
        + `${entry.sha256} and ${entry.size} bytes: the file was changed or belongs to another image`);
    }
    return data;
  }

  function boxesLayer(name, layer) {
    const result = unwrap(module.boxesLayer(name, jsonOf(layer, 'invalid_boxes', `boxes[${JSON.stringify(name)}]`)));
    const value = JSON.parse(fromUtf8.decode(result.file));
    return { file: result.file, sha256: result.sha256, classLabels: JSON.parse(result.classLabels), value };
  }

  function maskLayer(name, layer, width, height) {
    const where = `masks[${JSON.stringify(name)}]`;
    if (!isPlainObject(layer)) fail('invalid_mask', `${where} must be an object { mask_data, class_labels? }`);
    if (layer.mask_data === undefined || layer.mask_data === null) {
      fail('invalid_mask', `${where}.mask_data is missing: a mask needs a 2-D array of class ids, one per pixel`);
    }
    let input;
    try {
      input = readArrayInput(layer.mask_data, layer.shape);
    } catch (error) {
      throw rewrap(error, 'invalid_mask', `${where}.mask_data`);
    }
    const labels = layer.class_labels === undefined || layer.class_labels === null
      ? new Uint8Array(0) : jsonOf(layer.class_labels, 'invalid_mask', `${where}.class_labels`);
    const result = unwrap(module.maskLayer(name, input.array, input.dtype, input.shape, labels, width, height));
    return { file: result.file, sha256: result.sha256, classLabels: JSON.parse(result.classLabels), values: result.values };
  }

  /** The pixels and file of an image, from any of the accepted inputs. */
  function imageFile(data, { shape, layout, mode, normalize }, fileType) {
    if (data instanceof ArrayBuffer || (data instanceof Uint8Array && shape === undefined)) {
      return unwrap(module.imageFromBytes(data instanceof ArrayBuffer ? new Uint8Array(data) : data,
        layout ?? 'hwc', fileType));
    }
    const kind = inputKind(data);
    const raster = kind === 'imagedata' || kind === 'raster'
      ? data : core.fromArray(data, { shape, layout, mode, normalize, fileType });
    return unwrap(module.imageFromRaster(rasterToCore(raster, 'image'), fileType));
  }

  // wandb's bind_to_run names files <key>_<step>_<id>: id is the sha256 prefix
  // of the file alone, or the index in a sequence, with each annotation layer
  // appending its own index (boxes first, then masks, one running string).
  function layerIds(binding, layers) {
    const ids = [];
    let id = binding.id === null ? null : String(binding.id);
    layers.forEach(([, layer], i) => {
      id = id === null ? null : `${id}${i}`;
      ids.push(id ?? layer.sha256.slice(0, 20));
    });
    return { ids, last: id };
  }

  class Image {
    #file;
    #raster;
    #caption = null;
    #grouping = null;
    #classes = null;
    #boxes = [];
    #masks = [];

    /**
     * @param {any} data typed array / tensor (with shape), raster, ImageData, or encoded file bytes
     * @param {object} [options]
     */
    constructor(data, options = {}) {
      if (!isPlainObject(options)) fail('invalid_argument', 'Image options must be an object');
      const { caption, grouping, classes, boxes, masks, fileType = 'png' } = options;
      if (typeof fileType !== 'string') {
        fail('invalid_format', `file_type must be one of png, jpg, jpeg, bmp (got ${JSON.stringify(fileType)})`);
      }
      unwrap(module.imageFileType(fileType));
      if (caption !== undefined && caption !== null && typeof caption !== 'string') {
        fail('invalid_argument', `caption must be a string, got ${typeof caption}`);
      }
      if (grouping !== undefined && grouping !== null && !Number.isSafeInteger(grouping)) {
        fail('invalid_argument', `grouping must be an integer, got ${JSON.stringify(grouping)}`);
      }
      const file = imageFile(data, options, fileType);
      this.#file = { bytes: file.bytes, format: file.format, sha256: file.sha256 };
      this.#raster = file.raster;
      this.#caption = caption ?? null;
      this.#grouping = grouping ?? null;

      const labels = new Map();
      const collect = (classLabels) => {
        for (const [id, name] of Object.entries(classLabels)) labels.set(Number(id), name);
      };
      if (boxes !== undefined && boxes !== null) {
        if (!isPlainObject(boxes)) {
          fail('invalid_boxes', 'boxes must be an object of layer name → { box_data: [...], class_labels?: {...} }');
        }
        this.#boxes = Object.entries(boxes).map(([name, layer]) => [name, boxesLayer(name, layer)]);
        this.#boxes.forEach(([, layer]) => collect(layer.classLabels));
      }
      if (masks !== undefined && masks !== null) {
        if (!isPlainObject(masks)) {
          fail('invalid_mask', 'masks must be an object of layer name → { mask_data, class_labels? }');
        }
        this.#masks = Object.entries(masks).map(([name, layer]) => [name,
          maskLayer(name, layer, this.#raster.width, this.#raster.height)]);
        this.#masks.forEach(([, layer]) => collect(layer.classLabels));
      }
      if (classes !== undefined && classes !== null) {
        for (const { id, name } of JSON.parse(unwrap(module.classes(jsonOf(classes, 'invalid_classes', 'classes'))))) {
          labels.set(id, name);
        }
      }
      if (labels.size) this.#classes = [...labels].map(([id, name]) => ({ id, name }));
    }

    /** The pixels as a reader of the image file sees them (a fresh copy). */
    get raster() {
      const r = this.#raster;
      return { width: r.width, height: r.height, mode: r.mode, data: r.data.slice() };
    }
    get width() { return this.#raster.width; }
    get height() { return this.#raster.height; }
    get format() { return this.#file.format; }
    get sha256() { return this.#file.sha256; }
    get size() { return this.#file.bytes.length; }
    get caption() { return this.#caption; }
    get grouping() { return this.#grouping; }
    /** Every class named by the boxes, masks and classes options: [{ id, name }], or null. */
    get classes() { return this.#classes && this.#classes.map((c) => ({ ...c })); }
    /** { layer: { box_data, class_labels } } as validated (class_labels filled in), or null. */
    get boxes() {
      if (!this.#boxes.length) return null;
      return Object.fromEntries(this.#boxes.map(([name, layer]) => [name, structuredClone(layer.value)]));
    }
    /** { layer: { mask_data: Uint8Array, shape: [H, W], class_labels } }, or null. */
    get masks() {
      if (!this.#masks.length) return null;
      return Object.fromEntries(this.#masks.map(([name, layer]) => [name, {
        mask_data: layer.values.slice(), shape: [this.height, this.width], class_labels: { ...layer.classLabels },
      }]));
    }

    /** Pixels as one flat Uint8Array with its shape: [H, W] for L, [H, W, C] otherwise. */
    toDataArray() {
      const { width, height, data } = this.#raster;
      const channels = data.length / (width * height);
      return { data: data.slice(), shape: channels === 1 ? [height, width] : [height, width, channels] };
    }

    #layerJson(binding) {
      const boxIds = layerIds(binding, this.#boxes);
      const maskIds = layerIds({ id: boxIds.last }, this.#masks);
      const name = (id, ext) => `${binding.key}_${binding.step}_${id}${ext}`;
      const boxes = this.#boxes.map(([layerName, layer], i) => [layerName, {
        _type: 'boxes2D',
        sha256: layer.sha256,
        size: layer.file.length,
        path: `media/metadata/boxes2D/${name(boxIds.ids[i], '.boxes2D.json')}`,
      }, layer.file]);
      const masks = this.#masks.map(([layerName, layer], i) => [layerName, {
        _type: 'mask',
        sha256: layer.sha256,
        size: layer.file.length,
        path: `media/images/mask/${name(maskIds.ids[i], '.mask.png')}`,
        class_labels: { ...layer.classLabels },
      }, layer.file]);
      return { boxes, masks };
    }

    #path(binding) {
      const id = binding.id === null ? this.#file.sha256.slice(0, 20) : String(binding.id);
      return `media/images/${binding.key}_${binding.step}_${id}.${this.#file.format}`;
    }

    /** wandb's "image-file" JSON, as `run.log({ [key]: image }, step)` writes it. */
    toJSON(options) {
      if (!isPlainObject(options)) {
        fail('invalid_argument', 'toJSON needs { key, step }: the wandb log key and step that name the files');
      }
      const binding = checkBinding(options, 'toJSON');
      const out = {};
      if (this.#caption !== null) out.caption = this.#caption;
      out._type = 'image-file';
      out.sha256 = this.#file.sha256;
      out.size = this.#file.bytes.length;
      out.path = this.#path(binding);
      out.format = this.#file.format;
      out.width = this.#raster.width;
      out.height = this.#raster.height;
      if (this.#grouping) out.grouping = this.#grouping;
      const { boxes, masks } = this.#layerJson(binding);
      if (boxes.length) out.boxes = Object.fromEntries(boxes.map(([n, json]) => [n, json]));
      if (masks.length) out.masks = Object.fromEntries(masks.map(([n, json]) => [n, json]));
      return out;
    }

    /** The files the JSON of the same { key, step } refers to: [{ path, data }]. */
    files(options) {
      if (!isPlainObject(options)) fail('invalid_argument', 'files needs { key, step }, the same as toJSON');
      const binding = checkBinding(options, 'files');
      const { boxes, masks } = this.#layerJson(binding);
      return [
        { path: this.#path(binding), data: this.#file.bytes.slice() },
        ...boxes.map(([, json, data]) => ({ path: json.path, data: data.slice() })),
        ...masks.map(([, json, data]) => ({ path: json.path, data: data.slice() })),
      ];
    }

    /** Rebuilds an image from its toJSON() and files(); every file's sha256 must match. */
    static fromJSON(json, files) {
      if (!isPlainObject(json) || json._type !== 'image-file') {
        fail('invalid_argument', `fromJSON needs an "image-file" object as toJSON writes it, got _type ${JSON.stringify(json?._type)}`);
      }
      const byPath = filesByPath(files);
      const bytes = verifiedFile(byPath, json, 'the image');
      const boxes = {};
      for (const [name, entry] of Object.entries(json.boxes ?? {})) {
        const data = verifiedFile(byPath, entry, `boxes[${JSON.stringify(name)}]`);
        const layer = unwrap(module.boxesLayer(name, data));
        boxes[name] = JSON.parse(fromUtf8.decode(layer.file));
      }
      const fileType = ['png', 'jpg', 'jpeg', 'bmp'].includes(json.format) ? json.format : 'png';
      const info = unwrap(module.imageFromBytes(bytes, 'hwc', fileType));
      const masks = {};
      for (const [name, entry] of Object.entries(json.masks ?? {})) {
        const data = verifiedFile(byPath, entry, `masks[${JSON.stringify(name)}]`);
        const labels = entry.class_labels === undefined
          ? new Uint8Array(0) : jsonOf(entry.class_labels, 'invalid_mask', `masks[${JSON.stringify(name)}].class_labels`);
        const layer = unwrap(module.maskFromFile(name, data, labels, info.raster.width, info.raster.height));
        masks[name] = { mask_data: layer.values, shape: [info.raster.height, info.raster.width],
          class_labels: JSON.parse(layer.classLabels) };
      }
      return new Image(bytes, {
        fileType,
        caption: json.caption ?? null,
        grouping: json.grouping ?? null,
        boxes: Object.keys(boxes).length ? boxes : null,
        masks: Object.keys(masks).length ? masks : null,
      });
    }

    /** wandb's "images/separated" JSON for a list logged under one key. */
    static seqToJSON(images, options) {
      const items = Image.#sequence(images, 'seqToJSON');
      const binding = checkBinding(options, 'seqToJSON');
      const jsons = items.map((img, i) => img.toJSON({ ...binding, id: i }));
      const { width, height } = items[0];
      if (!items.every((img) => img.width === width && img.height === height)) {
        console.warn('imagefield: the images differ in size; wandb shows a sequence at the size of the first');
      }
      const meta = {
        _type: 'images/separated', width, height, format: jsons[0].format, count: items.length,
        filenames: jsons.map((j) => j.path),
      };
      const captions = Image.allCaptions(items);
      if (captions) meta.captions = captions;
      const allMasks = Image.allMasks(items, binding);
      if (allMasks) meta.all_masks = allMasks;
      const allBoxes = Image.allBoxes(items, binding);
      if (allBoxes) meta.all_boxes = allBoxes;
      return meta;
    }

    /** Every file of a sequence, named as seqToJSON names them. */
    static seqFiles(images, options) {
      const binding = checkBinding(options, 'seqFiles');
      return Image.#sequence(images, 'seqFiles').flatMap((img, i) => img.files({ ...binding, id: i }));
    }

    /** Captions (null where missing), or false when no image has one. */
    static allCaptions(images) {
      const items = Image.#sequence(images, 'allCaptions', false);
      return items.some((img) => img.caption !== null) ? items.map((img) => img.caption) : false;
    }

    /** Each image's boxes JSON in a sequence (null for images without), or false when none has boxes. */
    static allBoxes(images, options) {
      return Image.#allLayers(images, options, 'boxes');
    }

    /** Each image's masks JSON in a sequence (null for images without), or false when none has masks. */
    static allMasks(images, options) {
      return Image.#allLayers(images, options, 'masks');
    }

    static #allLayers(images, options, kind) {
      const binding = checkBinding(options, kind === 'boxes' ? 'allBoxes' : 'allMasks');
      const all = Image.#sequence(images, kind, false).map((img, i) => img.toJSON({ ...binding, id: i })[kind] ?? null);
      return all.some((entry) => entry !== null) ? all : false;
    }

    static #sequence(images, what, warn = true) {
      if (!Array.isArray(images) || images.length === 0 || !images.every((img) => img instanceof Image)) {
        fail('invalid_argument', `${what} needs a non-empty array of core.Image`);
      }
      if (images.length <= MAX_ITEMS) return images;
      if (warn) {
        console.warn(`imagefield: only the first ${MAX_ITEMS} of ${images.length} images are kept (wandb's limit per key and step)`);
      }
      return images.slice(0, MAX_ITEMS);
    }
  }
  return Image;
}
