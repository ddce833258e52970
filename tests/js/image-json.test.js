// core.Image's wandb JSON: toJSON, files, fromJSON, seqToJSON and the class
// methods, through the real Wasm build; digests checked against node:crypto.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { loadCore } from '../../web/index.js';
import { testPattern } from './fixtures.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const AT = { key: 'examples', step: 7 };

function gradient(h = 5, w = 8) {
  const data = new Float32Array(h * w * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i % 11) / 10;  // in [0, 1]
  return { data, shape: [h, w, 3] };
}

const BOXES = {
  predictions: {
    box_data: [
      { position: { minX: 0.1, maxX: 0.2, minY: 0.3, maxY: 0.4 }, class_id: 1, box_caption: 'car', scores: { acc: 0.2 } },
      { position: { middle: [4, 2], width: 3, height: 2 }, domain: 'pixel', class_id: 3 },
    ],
    class_labels: { 1: 'car', 3: 'building' },
  },
  ground_truth: { box_data: [{ position: { minX: 0, maxX: 1, minY: 0, maxY: 1 }, class_id: 0 }] },
};

function maskIds(h = 5, w = 8) {
  return Uint8Array.from({ length: h * w }, (_, i) => (i % w < w / 2 ? 0 : 2));
}

const MASKS = () => ({
  seg: { mask_data: maskIds(), shape: [5, 8], class_labels: { 0: 'background', 2: 'road' } },
  auto: { mask_data: Uint8Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? 2 : 0)) },
});
// The shape of `auto` comes with the data.
const withShapes = (masks) => ({ ...masks, auto: { mask_data: { data: masks.auto.mask_data, dims: [5, 8] } } });

describe('toJSON', () => {
  test('a plain image: wandb\'s keys in wandb\'s order, no caption, grouping, boxes or masks', () => {
    const { data, shape } = gradient();
    const img = new core.Image(data, { shape });
    const json = img.toJSON(AT);
    const file = img.files(AT)[0];
    expect(Object.keys(json)).toEqual(['_type', 'sha256', 'size', 'path', 'format', 'width', 'height']);
    expect(json).toEqual({
      _type: 'image-file',
      sha256: sha256(file.data),
      size: file.data.length,
      path: `media/images/examples_7_${sha256(file.data).slice(0, 20)}.png`,
      format: 'png',
      width: 8,
      height: 5,
    });
    expect(file.path).toBe(json.path);
    // The file is the core's PNG of the normalized array.
    expect(Buffer.from(file.data).equals(Buffer.from(core.encode(core.fromArray(data, { shape }))))).toBe(true);
  });

  test('caption first, grouping only when non-zero, then boxes and masks', () => {
    const { data, shape } = gradient();
    const img = new core.Image(data, { shape, caption: 'a street', grouping: 3, boxes: BOXES, masks: withShapes(MASKS()) });
    const json = img.toJSON(AT);
    expect(Object.keys(json)).toEqual(['caption', '_type', 'sha256', 'size', 'path', 'format', 'width', 'height',
      'grouping', 'boxes', 'masks']);
    expect(json.caption).toBe('a street');
    expect(json.grouping).toBe(3);
    expect(Object.keys(json.boxes)).toEqual(['predictions', 'ground_truth']);
    expect(Object.keys(json.masks)).toEqual(['seg', 'auto']);

    const files = new Map(img.files(AT).map((f) => [f.path, f.data]));
    expect(files.size).toBe(5);
    for (const layer of [...Object.values(json.boxes), ...Object.values(json.masks)]) {
      expect(layer.sha256).toBe(sha256(files.get(layer.path)));
      expect(layer.size).toBe(files.get(layer.path).length);
    }
    const pred = json.boxes.predictions;
    expect(Object.keys(pred)).toEqual(['_type', 'sha256', 'size', 'path']);
    expect(pred._type).toBe('boxes2D');
    expect(pred.path).toBe(`media/metadata/boxes2D/examples_7_${pred.sha256.slice(0, 20)}.boxes2D.json`);
    expect(JSON.parse(new TextDecoder().decode(files.get(pred.path)))).toEqual({
      box_data: BOXES.predictions.box_data, class_labels: { 1: 'car', 3: 'building' },
    });
    const gt = JSON.parse(new TextDecoder().decode(files.get(json.boxes.ground_truth.path)));
    expect(gt.class_labels).toEqual({ 0: 'class_0' });

    const seg = json.masks.seg;
    expect(Object.keys(seg)).toEqual(['_type', 'sha256', 'size', 'path', 'class_labels']);
    expect(seg._type).toBe('mask');
    expect(seg.path).toBe(`media/images/mask/examples_7_${seg.sha256.slice(0, 20)}.mask.png`);
    expect(seg.class_labels).toEqual({ 0: 'background', 2: 'road' });
    expect(json.masks.auto.class_labels).toEqual({ 0: 'class_0', 2: 'class_2' });
    const maskPixels = core.decode(files.get(seg.path));
    expect(maskPixels).toMatchObject({ width: 8, height: 5, mode: 'L' });
    expect(Array.from(maskPixels.data)).toEqual(Array.from(maskIds()));
  });

  test('grouping 0 and an empty caption follow wandb (grouping dropped, caption kept)', () => {
    const { data, shape } = gradient();
    const json = new core.Image(data, { shape, grouping: 0, caption: '' }).toJSON(AT);
    expect(json).not.toHaveProperty('grouping');
    expect(json.caption).toBe('');
  });

  test('key and step are required and cannot escape the media directory', () => {
    const { data, shape } = gradient();
    const img = new core.Image(data, { shape });
    expect(() => img.toJSON()).toThrow(expect.objectContaining({ code: 'invalid_argument', message: expect.stringContaining('{ key, step }') }));
    expect(() => img.toJSON({ key: '../x', step: 1 })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => img.toJSON({ key: 'a', step: -1 })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => img.files({ key: 'a' })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(img.toJSON({ key: 'train/samples', step: 'summary' }).path).toMatch(/^media\/images\/train\/samples_summary_[0-9a-f]{20}\.png$/);
  });
});

describe('the image file', () => {
  test('sha256 and size are those of the file, equal to node:crypto', () => {
    for (const fileType of ['png', 'jpg', 'jpeg', 'bmp']) {
      const img = new core.Image(testPattern(13, 9), { fileType });
      const [file] = img.files(AT);
      expect(img.sha256).toBe(sha256(file.data));
      expect(img.toJSON(AT).sha256).toBe(sha256(file.data));
      expect(img.size).toBe(file.data.length);
      expect(file.path.endsWith(`.${fileType}`)).toBe(true);
    }
  });

  test('JPEG is written at quality 75 and a 4-channel array drops alpha', () => {
    const rgba = testPattern(16, 12, 4);
    const img = new core.Image(rgba.data, { shape: [12, 16, 4], fileType: 'jpg' });
    const expected = core.encode(core.fromArray(rgba.data, { shape: [12, 16, 4], fileType: 'jpg' }), { format: 'jpg', quality: 75 });
    expect(Buffer.from(img.files(AT)[0].data).equals(Buffer.from(expected))).toBe(true);
    expect(img.raster.mode).toBe('RGB');
    expect(new core.Image(rgba.data, { shape: [12, 16, 4] }).raster.mode).toBe('RGBA');
  });

  test('encoded file bytes are kept as they are, not re-encoded', () => {
    const jpeg = core.encode(testPattern(10, 6), { format: 'jpg', quality: 93 });
    const img = new core.Image(jpeg);
    expect(img.sha256).toBe(sha256(jpeg));
    expect(img.format).toBe('jpg');
    expect(new core.Image(jpeg, { fileType: 'jpeg' }).format).toBe('jpeg');
    expect(Buffer.from(img.files(AT)[0].data).equals(Buffer.from(jpeg))).toBe(true);
    expect(img.raster).toEqual(core.decode(jpeg));
  });

  test('a raster or an ImageData-like raster is encoded; toDataArray gives the pixels with their shape', () => {
    const raster = testPattern(7, 3);
    const img = new core.Image(raster);
    expect(img.raster).toEqual(raster);
    const { data, shape } = img.toDataArray();
    expect(shape).toEqual([3, 7, 3]);
    expect(Array.from(data)).toEqual(Array.from(raster.data));
    const gray = new core.Image(testPattern(7, 3, 1));
    expect(gray.toDataArray().shape).toEqual([3, 7]);
  });

  test('getters hand out copies', () => {
    const img = new core.Image(testPattern(4, 4), { masks: { m: { mask_data: new Uint8Array(16), shape: [4, 4] } } });
    img.raster.data.fill(1);
    img.masks.m.mask_data.fill(9);
    img.files(AT)[0].data.fill(0);
    expect(img.raster).toEqual(testPattern(4, 4));
    expect(img.masks.m.mask_data.every((v) => v === 0)).toBe(true);
    expect(sha256(img.files(AT)[0].data)).toBe(img.sha256);
  });
});

describe('fromJSON', () => {
  function expectEqualImages(a, b) {
    expect(b.raster).toEqual(a.raster);
    expect(b.caption).toBe(a.caption);
    expect(b.grouping).toBe(a.grouping);
    expect(b.boxes).toEqual(a.boxes);
    expect(b.masks).toEqual(a.masks);
    expect(b.toJSON(AT)).toEqual(a.toJSON(AT));
  }

  test.each(['png', 'jpg', 'jpeg', 'bmp'])('round trips an image with everything (%s)', (fileType) => {
    const { data, shape } = gradient();
    const img = new core.Image(data, { shape, fileType, caption: 'c', grouping: 2, boxes: BOXES, masks: withShapes(MASKS()) });
    expectEqualImages(img, core.Image.fromJSON(img.toJSON(AT), img.files(AT)));
  });

  test('round trips a plain image, with files as a Map or an object', () => {
    const img = new core.Image(testPattern(6, 6));
    const files = img.files(AT);
    expectEqualImages(img, core.Image.fromJSON(img.toJSON(AT), new Map(files.map((f) => [f.path, f.data]))));
    expectEqualImages(img, core.Image.fromJSON(img.toJSON(AT), Object.fromEntries(files.map((f) => [f.path, f.data.buffer]))));
  });

  test.each([0, 1, 2])('rejects a tampered file (file %i: image, boxes, mask)', (index) => {
    const { data, shape } = gradient();
    const img = new core.Image(data, { shape, boxes: { b: BOXES.ground_truth }, masks: { m: withShapes(MASKS()).auto } });
    const files = img.files(AT);
    files[index].data[files[index].data.length - 1] ^= 1;
    expect(() => core.Image.fromJSON(img.toJSON(AT), files)).toThrow(expect.objectContaining({
      code: 'invalid_argument',
      message: expect.stringContaining(`file ${files[index].path} has sha256 ${sha256(files[index].data)}`),
    }));
  });

  test('rejects a missing file and JSON of another type', () => {
    const img = new core.Image(testPattern(3, 3));
    expect(() => core.Image.fromJSON(img.toJSON(AT), [])).toThrow(expect.objectContaining({
      code: 'invalid_argument', message: expect.stringContaining('which is not among the files'),
    }));
    expect(() => core.Image.fromJSON({ _type: 'images/separated' }, [])).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});

describe('sequences', () => {
  const images = (n, options = () => ({})) => Array.from({ length: n }, (_, i) => new core.Image(testPattern(4, 3), options(i)));

  test('seqToJSON writes "images/separated" in wandb\'s key order with index file names', () => {
    const seq = images(3, (i) => ({
      caption: i === 1 ? null : `image ${i}`,
      boxes: i === 0 ? { b: BOXES.ground_truth } : undefined,
      masks: i === 2 ? { m: { mask_data: new Uint8Array(12), shape: [3, 4] }, n: { mask_data: new Uint8Array(12), shape: [3, 4] } } : undefined,
    }));
    const meta = core.Image.seqToJSON(seq, AT);
    expect(Object.keys(meta)).toEqual(['_type', 'width', 'height', 'format', 'count', 'filenames', 'captions', 'all_masks', 'all_boxes']);
    expect(meta).toMatchObject({ _type: 'images/separated', width: 4, height: 3, format: 'png', count: 3 });
    expect(meta.filenames).toEqual(['media/images/examples_7_0.png', 'media/images/examples_7_1.png', 'media/images/examples_7_2.png']);
    expect(meta.captions).toEqual(['image 0', null, 'image 2']);
    expect(meta.all_boxes[0].b.path).toBe('media/metadata/boxes2D/examples_7_00.boxes2D.json');
    expect(meta.all_boxes.slice(1)).toEqual([null, null]);
    // wandb's bind_to_run appends each layer's index to one running id.
    expect(meta.all_masks[2].m.path).toBe('media/images/mask/examples_7_20.mask.png');
    expect(meta.all_masks[2].n.path).toBe('media/images/mask/examples_7_201.mask.png');
    const files = core.Image.seqFiles(seq, AT).map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining([...meta.filenames, meta.all_boxes[0].b.path, meta.all_masks[2].n.path]));
    expect(files).toHaveLength(3 + 1 + 2);
  });

  test('without captions, boxes or masks those keys are left out', () => {
    expect(Object.keys(core.Image.seqToJSON(images(2), AT))).toEqual(['_type', 'width', 'height', 'format', 'count', 'filenames']);
    expect(core.Image.allCaptions(images(2))).toBe(false);
    expect(core.Image.allBoxes(images(2), AT)).toBe(false);
    expect(core.Image.allMasks(images(2), AT)).toBe(false);
  });

  test('keeps at most 108 images, with a console warning', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const seq = images(110, (i) => ({ caption: `#${i}` }));
      const meta = core.Image.seqToJSON(seq, AT);
      expect(meta.count).toBe(108);
      expect(meta.filenames).toHaveLength(108);
      expect(meta.captions.at(-1)).toBe('#107');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('only the first 108 of 110 images'));
      warn.mockClear();
      expect(core.Image.seqToJSON(seq.slice(0, 108), AT).count).toBe(108);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  test('warns when sizes differ and refuses what is not a list of images', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      core.Image.seqToJSON([new core.Image(testPattern(4, 3)), new core.Image(testPattern(5, 3))], AT);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('differ in size'));
    } finally {
      warn.mockRestore();
    }
    expect(() => core.Image.seqToJSON([], AT)).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => core.Image.seqToJSON([{}], AT)).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});

describe('no Wasm state', () => {
  test('images hold no handle: building and failing many of them does not grow Wasm memory', async () => {
    // A fresh instance, so earlier tests' headroom cannot hide a leak: keeping
    // any copy of the 768 KiB raster per round would need 30 MiB more.
    const fresh = await loadCore({ wasmBinary: readFileSync(new URL('../../web/core/wasm/imagefield-core.wasm', import.meta.url)) });
    const big = testPattern(512, 512);
    // BMP keeps every byte, so the file is as large as the raster too.
    const round = () => {
      const img = new fresh.Image(big, { fileType: 'bmp', boxes: BOXES });
      expect(img.toJSON(AT).width).toBe(512);
      // Fails in the core after the pixels were copied in.
      expect(() => new fresh.Image({ ...big, data: big.data.subarray(1) }))
        .toThrow(expect.objectContaining({ code: 'invalid_shape' }));
    };
    for (let i = 0; i < 3; i++) round();
    const before = fresh.wasmMemoryBytes;
    for (let i = 0; i < 40; i++) round();
    expect(fresh.wasmMemoryBytes).toBe(before);
    expect(Object.keys(new fresh.Image(big))).toEqual([]);
  });
});
