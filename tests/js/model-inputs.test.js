// The core alone, as a page or Node script using loadCore() runs it, makes the
// model inputs a Python server makes from the same real JPEGs and PNGs:
// core.decode (Pillow's pixels) with exifTranspose, as the field decodes
// (Pillow's ImageOps.exif_transpose), then core.toTensor. The reference is Pillow 9.4 and torchvision 0.14's output
// (tests/data/model-inputs, tests/reference/generate_model_inputs.py); the
// element's path through the browsers' decoders is checked against the same
// file in tests/browser/element-model-inputs.test.js.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadCore } from '../../web/index.js';

const FOLDER = new URL('../data/model-inputs/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', FOLDER), 'utf8'));
const sha256 = (view) => createHash('sha256').update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)).digest('hex');

describe.each([['SIMD', true], ['scalar', false]])('%s build', (name, simd) => {
  let core;
  beforeAll(async () => { core = await loadCore({ simd }); });

  test.each(expected.files.map((file) => [file.file, file]))('%s: Pillow\'s upright RGB and RGBA pixels, torchvision\'s ImageNet and CLIP tensors', (_, file) => {
    const bytes = new Uint8Array(readFileSync(new URL(file.file, FOLDER)));
    const upright = core.decode(bytes, { mode: 'RGB', exifTranspose: true });
    const rgba = core.decode(bytes, { mode: 'RGBA', exifTranspose: true });
    expect({ width: upright.width, height: upright.height, rgb: sha256(upright.data), rgba: sha256(rgba.data) })
      .toEqual({ width: file.width, height: file.height, rgb: file.rgb, rgba: file.rgba });
    for (const [pipeline, tensor] of Object.entries(file.tensors)) {
      const t = core.toTensor(upright, tensor.options);
      expect({ pipeline, dims: t.dims, sha256: sha256(t.data) }).toEqual({ pipeline, dims: tensor.dims, sha256: tensor.sha256 });
    }
  });
});
