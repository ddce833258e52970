// Drop-to-`change` with the real <image-field>: a 12 MP photo-like JPEG
// dropped as a File (a DragEvent carrying a DataTransfer), timed from the
// dispatch to the field's `change`, against the browser's own
// createImageBitmap + getImageData of the same file in the same run. Each row
// also records the longest main-thread stall during the drops, measured by a
// heartbeat (a chain of zero-delay timers: its largest gap). "main thread"
// rows run the same pipeline without the Worker (a decode-only decoder), as
// the field did before its pixel work moved to the Worker. The type=tensor
// row makes the ImageNet model input (Resize 256, CenterCrop 224², Normalize)
// of the same drop.
import { ContainedDecoder, loadCore } from '../web/index.js';
import '../web/element/index.js';

import { photoLike } from './images.js';
import { IMAGENET } from './tensor-rows.js';

const now = () => performance.now();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `fn` while a heartbeat watches the main thread; resolves with [result, longest gap in ms]. */
async function withHeartbeat(fn) {
  let last = now();
  let longest = 0;
  let beating = true;
  const beat = () => {
    const t = now();
    longest = Math.max(longest, t - last);
    last = t;
    if (beating) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  try {
    const result = await fn();
    beat();
    return [result, longest];
  } finally {
    beating = false;
  }
}

function dropOn(field, file) {
  return new Promise((resolve, reject) => {
    const done = () => {
      field.removeEventListener('change', onChange);
      field.removeEventListener('error', onError);
    };
    const onChange = () => { done(); resolve(); };
    const onError = (event) => { done(); reject(new Error(`drop failed: ${event.detail.message}`)); };
    field.addEventListener('change', onChange);
    field.addEventListener('error', onError);
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(file);
    field.shadowRoot.querySelector('.frame').dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
  });
}

/** Median ms and longest stall of `runs` timed calls after `warmup` untimed ones. */
async function timed(fn, { runs, warmup }) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  let stall = 0;
  for (let i = 0; i < runs; i++) {
    const [ms, longest] = await withHeartbeat(async () => {
      const start = now();
      await fn();
      return now() - start;
    });
    times.push(ms);
    stall = Math.max(stall, longest);
  }
  return { ms: median(times), stall };
}

/**
 * The drop-to-change rows (browser only).
 * @param {(name: string, ms: number, extra?: object) => number} add the suite's row recorder
 */
export async function dropToChangeRows(add, { runs = 5, warmup = 1 } = {}) {
  const core = await loadCore();
  const jpeg = core.encode(photoLike(4000, 3000), { format: 'jpeg', quality: 90 });
  const file = new File([jpeg], 'photo.jpg', { type: 'image/jpeg' });

  const baseline = await timed(async () => {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d', { willReadFrequently: true });
    context.drawImage(bitmap, 0, 0);
    context.getImageData(0, 0, bitmap.width, bitmap.height);
    bitmap.close();
  }, { runs, warmup });
  add('drop-to-change 12 MP JPEG: createImageBitmap + getImageData (baseline)', baseline.ms, { longestTaskMs: +baseline.stall.toFixed(1), bytes: jpeg.length });

  // The shared decoder's Worker, with a hang guard long enough for 12 MP on a
  // busy machine (the default 10 s is meant for one decode, not an encode too).
  const worker = new ContainedDecoder({ timeoutMs: 300_000 });
  const mainThreadDecoder = { decode: (bytes, options) => worker.decode(bytes, options) };
  const cases = [
    ['type=array', { type: 'array' }, worker],
    ['type=blob PNG', { type: 'blob', format: 'png' }, worker],
    ['type=tensor ImageNet (Resize 256, CenterCrop 224², Normalize)', { type: 'tensor' }, worker, IMAGENET],
    ['type=array, main thread (before)', { type: 'array' }, mainThreadDecoder],
    ['type=blob PNG, main thread (before)', { type: 'blob', format: 'png' }, mainThreadDecoder],
  ];
  for (const [label, attributes, decoder, tensorOptions] of cases) {
    const field = document.createElement('image-field');
    field.setAttribute('interactive', '');
    for (const [name, value] of Object.entries(attributes)) field.setAttribute(name, value);
    if (tensorOptions) field.tensorOptions = tensorOptions;
    field.decoder = decoder;
    document.body.append(field);
    const result = await timed(() => dropOn(field, file), { runs, warmup });
    field.remove();
    add(`drop-to-change 12 MP JPEG (4000×3000, photo-like), <image-field> ${label}`, result.ms, {
      baseline: 'createImageBitmap + getImageData', ratio: +(result.ms / baseline.ms).toFixed(2), longestTaskMs: +result.stall.toFixed(1),
    });
  }
}
