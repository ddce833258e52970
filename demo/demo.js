// The demo page: an <image-field> that takes uploads (as rasters or model
// tensors) with its events log; gradio's sepia and fake-diffusion examples and
// a detection example rebuilt in the page; a segmentation example; a tensor
// shown with its wandb JSON; a file decoded by the core (or by the browser for
// formats the core does not read), converted to the chosen mode and shown.
// No inline script, so it runs under a strict CSP.
import { loadCore, ImageFieldError } from '../web/index.js';
import '../web/element/index.js';
import { wireDetection } from './detection.js';
import { wireDiffusion } from './diffusion.js';
import { dayScene, nightScene } from './sample-pictures.js';
import { streetScene } from './segmentation.js';
import { wireSepia } from './sepia.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
let core;
let decoded = null;  // the file's raster, before mode conversion
let shown = null;    // the raster in the chosen mode
let fileName = 'image';

function report(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** Any raster → RGBA pixels on a canvas, through the core. */
function draw(canvas, raster) {
  let rgba;
  try {
    rgba = core.convert(raster, 'RGBA');
  } catch {
    rgba = core.convert(core.convert(raster, 'L'), 'RGBA');
  }
  canvas.width = rgba.width;
  canvas.height = rgba.height;
  const image = new ImageData(new Uint8ClampedArray(rgba.data.buffer, rgba.data.byteOffset, rgba.data.length), rgba.width, rgba.height);
  canvas.getContext('2d').putImageData(image, 0, 0);
}

async function browserDecode(file) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { width, height, mode: 'RGBA', data: new Uint8Array(data.buffer) };
}

async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return core.decode(bytes);
  } catch (error) {
    if (!(error instanceof ImageFieldError) || error.code !== 'unsupported_file') throw error;
    // Formats such as WebP or AVIF: the browser may read them. If it cannot
    // either, the core's message says more than the browser's.
    return browserDecode(file).catch(() => { throw error; });
  }
}

function showInMode() {
  if (!decoded) return;
  const mode = $('mode-select').value;
  try {
    shown = core.convert(decoded, mode);
    draw($('output'), shown);
    $('download-button').disabled = false;
    report(`${fileName}: ${decoded.width}×${decoded.height}, ${decoded.mode} → ${mode}`);
  } catch (error) {
    report(`${error.code ?? 'error'}: ${error.message}`, true);
  }
}

async function takeFile(file) {
  if (!file) return;
  try {
    const raster = await readFile(file);
    decoded = raster;  // replaced only once the new file decoded
    fileName = file.name || 'image';
    showInMode();
  } catch (error) {
    report(`${error.code ?? 'error'}: ${error.message}`, true);
  }
}

function download() {
  if (!shown) return;
  const format = $('format-select').value;
  try {
    const bytes = core.encode(shown, { format });
    const url = URL.createObjectURL(new Blob([bytes], { type: `image/${format}` }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: `${fileName.replace(/\.[^.]*$/, '')}.${format === 'jpeg' ? 'jpg' : format}`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  } catch (error) {
    report(`${error.code ?? 'error'}: ${error.message}`, true);
  }
}

// The tensor the playground shows: generated or pasted.
let tensor = null;

function generateTensor() {
  const c = 3, h = 64, w = 96;
  const data = new Float32Array(c * h * w);
  const unit = $('tensor-range').value === 'unit';
  for (let ch = 0; ch < c; ch++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const wave = Math.sin((x + ch * 20) / 9) * Math.cos((y - ch * 10) / 7);  // in [-1, 1]
        data[(ch * h + y) * w + x] = unit ? (wave + 1) / 2 : wave;
      }
    }
  }
  tensor = { data, shape: [c, h, w], source: `generated, range ${unit ? '[0, 1]' : '[-1, 1]'}` };
}

/** Nested JSON [C][H][W] → a Float32 CHW tensor; a clear message when it is not one. */
function parseTensor(text) {
  let nested;
  try {
    nested = JSON.parse(text);
  } catch (error) {
    throw new Error(`the pasted text is not JSON (${error.message})`);
  }
  const shape = [];
  for (let level = nested; Array.isArray(level); level = level[0]) shape.push(level.length);
  if (shape.length !== 3 || shape.includes(0)) {
    throw new Error(`a CHW tensor is three nested arrays [channels][rows][columns]; this one has shape [${shape.join(', ')}]`);
  }
  const flat = nested.flat(2);
  if (flat.length !== shape[0] * shape[1] * shape[2] || !flat.every((v) => typeof v === 'number')) {
    throw new Error(`every row must have ${shape[2]} numbers and every channel ${shape[1]} rows`);
  }
  return { data: Float32Array.from(flat), shape, source: 'pasted' };
}

function showTensor() {
  const status = $('tensor-status');
  status.classList.remove('error');
  if (!tensor) return;
  const normalize = $('normalize-toggle').checked;
  try {
    const options = { shape: tensor.shape, layout: 'chw', normalize };
    const raster = core.fromArray(tensor.data, options);
    const image = new core.Image(tensor.data, { ...options, caption: `CHW tensor ${tensor.shape.join('×')}` });
    draw($('tensor-output'), raster);
    $('tensor-info').textContent = JSON.stringify({ shape: tensor.shape, layout: 'chw', normalize, mode: raster.mode, width: raster.width, height: raster.height });
    $('tensor-json').textContent = JSON.stringify(image.toJSON({ key: 'playground', step: 0 }), null, 2);
    status.textContent = `Showing the ${tensor.source} tensor.`;
  } catch (error) {
    status.textContent = `${error.code ?? 'error'}: ${error.message}`;
    status.classList.add('error');
  }
}

function wirePlayground() {
  $('tensor-generate').addEventListener('click', () => {
    generateTensor();
    showTensor();
  });
  $('tensor-range').addEventListener('change', () => {
    generateTensor();
    showTensor();
  });
  $('normalize-toggle').addEventListener('change', showTensor);
  $('tensor-show-pasted').addEventListener('click', () => {
    try {
      tensor = parseTensor($('tensor-paste').value);
    } catch (error) {
      $('tensor-status').textContent = `error: ${error.message}`;
      $('tensor-status').classList.add('error');
      return;
    }
    showTensor();
  });
  generateTensor();
  showTensor();
}

function showSegmentation() {
  const field = $('segmentation');
  const scene = streetScene();
  field.value = scene.image;
  field.boxes = scene.boxes;
  field.masks = scene.masks;
  const summary = {
    boxes: scene.boxes,
    masks: { segmentation: { mask_data: `Uint8Array(${scene.masks.segmentation.mask_data.length})`,
      shape: scene.masks.segmentation.shape, class_labels: scene.masks.segmentation.class_labels } },
  };
  $('segmentation-json').textContent = JSON.stringify(summary, null, 2);
}

function wireDropZone() {
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    takeFile(event.dataTransfer?.files?.[0]);
  });
  $('file-input').addEventListener('change', (event) => takeFile(event.target.files[0]));
}

/** One line per event of the field, with what its detail carries (as text). */
function describeDetail(detail) {
  if (!detail) return '';
  const parts = [];
  if (detail.source) parts.push(`source=${detail.source}`);
  if (detail.file) parts.push(`file=${JSON.stringify(detail.file.name)} (${detail.file.size} B)`);
  if ('value' in detail) {
    const v = detail.value;
    if (v === null) parts.push('value=null');
    else if (v.dims) parts.push(`value=tensor [${v.dims.join(', ')}] ${v.type}`);
    else parts.push(`value=${v.width}×${v.height} ${v.mode}`);
  }
  if (detail.index) parts.push(`index=[${detail.index.join(', ')}]`);
  if (detail.code) parts.push(`${detail.code}: ${detail.message}`);
  return parts.join(' ');
}

function wireField() {
  const field = $('field');
  const log = $('field-log');
  for (const type of ['upload', 'input', 'change', 'clear', 'select', 'stream', 'error']) {
    field.addEventListener(type, (event) => {
      const item = document.createElement('li');
      item.textContent = `${type} ${describeDetail(event.detail)}`;
      log.prepend(item);
      while (log.children.length > 50) log.lastChild.remove();
    });
  }
  $('field-mode').addEventListener('change', (event) => { field.imageMode = event.target.value; });
  $('field-watermark').addEventListener('change', (event) => { field.watermarkUploads = event.target.checked; });
  $('field-layout').addEventListener('change', (event) => { field.layout = event.target.value; });
  // torchvision's ImageNet preprocessing, as the field's tensorOptions.
  field.tensorOptions = { resize: 256, crop: [224, 224], mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
  $('field-type').addEventListener('change', (event) => { field.type = event.target.value; });
  // A small translucent badge as the watermark, made by the core from an array.
  const badge = new Uint8Array(8 * 8 * 4);
  for (let i = 0; i < 8 * 8; i++) badge.set([255, 255, 255, 160], i * 4);
  field.watermark = core.fromArray(badge, { shape: [8, 8, 4], normalize: false });
  $('field-set').addEventListener('click', () => {
    const c = 3, h = 48, w = 64;
    const tensor = new Float32Array(h * w * c);
    for (let i = 0; i < h * w; i++) tensor.set([(i % w) / w, Math.floor(i / w) / h, 0.5], i * c);
    field.value = { data: tensor, shape: [h, w, c] };
  });
}

try {
  core = await loadCore();
  wireField();
  wireDropZone();
  $('mode-select').addEventListener('change', showInMode);
  $('download-button').addEventListener('click', download);
  wireSepia({ input: $('sepia-input'), output: $('sepia-output'), example: $('sepia-example'), status: $('sepia-status') }, () => dayScene(320, 240));
  wireDiffusion({
    output: $('diffusion-output'), steps: $('diffusion-steps'), stepsValue: $('diffusion-steps-value'),
    run: $('diffusion-run'), stop: $('diffusion-stop'), progress: $('diffusion-progress'), status: $('diffusion-status'),
  }, () => dayScene(256, 256));
  wireDetection({
    input: $('detect-input'), tensorView: $('detect-tensor'), threshold: $('detect-threshold'),
    thresholdValue: $('detect-threshold-value'), example: $('detect-example'), status: $('detect-status'), json: $('detect-json'),
  }, () => nightScene());
  // The examples start filled, as gradio's example rows do once clicked.
  $('sepia-input').value = dayScene(320, 240);
  $('detect-input').value = nightScene();
  wirePlayground();
  showSegmentation();
  report('Ready: choose or drop an image.');
  document.documentElement.dataset.ready = 'true';
} catch (error) {
  report(`The core failed to load: ${error.message}`, true);
}
