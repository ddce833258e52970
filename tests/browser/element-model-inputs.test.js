// A picture dropped on <image-field> reaches the page as what a Python model
// server would hand its model: Pillow's RGB and RGBA pixels (type="array")
// and torchvision's ImageNet and CLIP tensors (type="tensor"), byte for byte,
// in every engine. The reference is Pillow 9.4 and torchvision 0.14's own
// output (tests/data/model-inputs, tests/reference/generate_model_inputs.py).
// The files are real JPEGs and PNGs with translucent pixels, which a
// browser's decoder would round through its premultiplied canvas.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';

jest.setTimeout(180_000);

const FOLDER = new URL('../data/model-inputs/', import.meta.url);
const expected = JSON.parse(await readFile(new URL('expected.json', FOLDER), 'utf8'));
const suite = browserSuite();

/** The field's value data as base64 (quicker across every driver than arrays of numbers). */
const valueBytes = (page, id) => page.evaluate((field) => {
  const { data } = document.getElementById(field).value;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}, id);

const sha256 = (base64) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');

describe('a dropped picture as the model input Pillow and torchvision make', () => {
  test('the reference covers every file in the folder, with both pipelines', () => {
    expect(expected.files.map((f) => f.file)).toEqual([
      'app13-multiple.jpg', 'dxt3-argb-8bbp-explicitalpha_MipMaps-1.png', 'flower.jpg', 'hopper_gray.jpg',
      ...[2, 3, 4, 5, 6, 7, 8].map((n) => `hopper_orientation_${n}.jpg`),
      'iptc.jpg', 'pil123p.png', 'pil123rgba.png', 'rgb.jpg', 'uncompressed_la.png',
    ]);
    for (const file of expected.files) expect(Object.keys(file.tensors)).toEqual(['imagenet', 'clip']);
  });

  for (const file of expected.files) {
    suite.test(`${file.file}: RGB and RGBA pixels, the ImageNet and CLIP tensors`, async () => {
      const page = await suite.openPage('/tests/browser/pages/off-main.html', { ready: true });
      const buffer = await readFile(new URL(file.file, FOLDER));
      const mimeType = file.file.endsWith('.png') ? 'image/png' : 'image/jpeg';
      const fields = { RGB: null, RGBA: null, ...Object.fromEntries(Object.entries(file.tensors).map(([id, t]) => [id, t.options])) };
      await page.evaluate((options) => {
        for (const [id, tensorOptions] of Object.entries(options)) {
          const field = tensorOptions
            ? window.makeField({ id, type: 'tensor' })
            : window.makeField({ id, type: 'array', 'image-mode': id });
          if (tensorOptions) field.tensorOptions = tensorOptions;
        }
      }, fields);
      for (const id of Object.keys(fields)) {
        await page.dropFiles(`#${id} >> .frame`, [{ name: file.file, mimeType, buffer }]);
        await page.waitForFunction((field) => window.events.some((e) => (e.id === field && e.type === 'change') || e.type === 'error'), id);
      }
      expect(await page.evaluate(() => window.events.filter((e) => e.type === 'error').map((e) => e.detail.message))).toEqual([]);

      for (const mode of ['RGB', 'RGBA']) {
        const pixels = await page.evaluate((id) => {
          const { width, height, mode: shape } = document.getElementById(id).value;
          return { width, height, mode: shape };
        }, mode);
        expect(pixels).toEqual({ width: file.width, height: file.height, mode });
        expect({ mode, sha256: sha256(await valueBytes(page, mode)) }).toEqual({ mode, sha256: file[mode.toLowerCase()] });
      }
      for (const [id, tensor] of Object.entries(file.tensors)) {
        const { dims, type } = await page.evaluate((field) => {
          const { value } = document.getElementById(field);
          return { dims: value.dims, type: value.type };
        }, id);
        expect({ id, dims, type }).toEqual({ id, dims: tensor.dims, type: 'float32' });
        expect({ id, sha256: sha256(await valueBytes(page, id)) }).toEqual({ id, sha256: tensor.sha256 });
      }
    });
  }
});
