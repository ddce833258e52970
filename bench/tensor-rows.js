// Model-input benchmark rows: toTensor of a 12 MP RGB raster to the ImageNet
// 224² tensor, against the browser's own resize (createImageBitmap with
// resizeQuality 'high') plus a JS normalize loop, and Pillow-exact bicubic
// resize 4000×3000 → 1000×750 in both Wasm builds.
import { loadCore } from '../web/index.js';
import { photoLike } from './images.js';

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];
export const IMAGENET = { resize: 256, crop: [224, 224], mean: MEAN, std: STD };

/** RGBA pixels of a 224² crop → normalized float32 CHW, the usual hand-written loop. */
export function normalizeRgbaToChw(rgba, size) {
  const pixels = size * size;
  const out = new Float32Array(3 * pixels);
  for (let i = 0; i < pixels; i++) {
    out[i] = (rgba[i * 4] / 255 - MEAN[0]) / STD[0];
    out[pixels + i] = (rgba[i * 4 + 1] / 255 - MEAN[1]) / STD[1];
    out[2 * pixels + i] = (rgba[i * 4 + 2] / 255 - MEAN[2]) / STD[2];
  }
  return out;
}

/** createImageBitmap resize to the 256 short side, centre 224² crop, getImageData, normalize. */
async function browserTensor(source, width, height) {
  const resizeHeight = 256;
  const resizeWidth = Math.trunc((256 * width) / height);
  const bitmap = await createImageBitmap(source, { resizeWidth, resizeHeight, resizeQuality: 'high' });
  const ctx = new OffscreenCanvas(224, 224).getContext('2d', { willReadFrequently: true });
  ctx.drawImage(bitmap, -Math.round((resizeWidth - 224) / 2), -Math.round((resizeHeight - 224) / 2));
  bitmap.close();
  return normalizeRgbaToChw(ctx.getImageData(0, 0, 224, 224).data, 224);
}

export async function tensorRows({ add, measure, browser, rows, native }) {
  const cores = { SIMD: await loadCore({ simd: true }), 'no SIMD': await loadCore({ simd: false }) };
  const photo = photoLike(4000, 3000);
  const runs = { runs: 5, warmup: 1 };
  const tensorMs = {};
  for (const [tag, core] of Object.entries(cores)) {
    tensorMs[tag] = add(`toTensor 4000×3000 RGB → ImageNet 224² (Resize 256, CenterCrop, Normalize), Wasm ${tag}`,
      await measure(() => core.toTensor(photo, IMAGENET), runs));
    if (native) Object.assign(rows.at(-1), { baseline: 'native -O3', ratio: +(tensorMs[tag] / native.toTensorImagenetMs).toFixed(2) });
  }
  if (browser) {
    const jpeg = cores.SIMD.encode(photo, { format: 'jpeg', quality: 90 });
    const blob = new Blob([jpeg], { type: 'image/jpeg' });
    const fromBlob = add('ImageNet 224² via createImageBitmap(JPEG blob, resizeQuality high) + JS normalize',
      await measure(() => browserTensor(blob, photo.width, photo.height), runs));
    const row = rows.find((r) => r.name.startsWith('toTensor 4000×3000') && r.name.endsWith('Wasm SIMD'));
    Object.assign(row, { baseline: 'createImageBitmap(blob) + JS normalize', ratio: +(tensorMs.SIMD / fromBlob).toFixed(2) });
    // The same with the pixels already decoded, as toTensor gets them.
    const pixels = await createImageBitmap(blob);
    add('ImageNet 224² via createImageBitmap(decoded ImageBitmap, resizeQuality high) + JS normalize',
      await measure(() => browserTensor(pixels, photo.width, photo.height), runs));
    rows.at(-1).note = 'pixels already decoded; toTensor SIMD / this = ' + (tensorMs.SIMD / rows.at(-1).ms).toFixed(2);
    add('ImageNet 224² via core.decode(JPEG) + core.toTensor, Wasm SIMD',
      await measure(() => cores.SIMD.toTensor(cores.SIMD.decode(jpeg), IMAGENET), runs));
    Object.assign(rows.at(-1), { baseline: 'createImageBitmap(blob) + JS normalize', ratio: +(rows.at(-1).ms / fromBlob).toFixed(2) });
  }
  for (const [tag, core] of Object.entries(cores)) {
    const ms = add(`resize 4000×3000 → 1000×750 bicubic (Pillow-exact), Wasm ${tag}`,
      await measure(() => core.resize(photo, { width: 1000, height: 750, filter: 'bicubic' }), runs));
    if (native) Object.assign(rows.at(-1), { baseline: 'native -O3', ratio: +(ms / native.resizeBicubic4000x3000to1000x750Ms).toFixed(2) });
  }
}
