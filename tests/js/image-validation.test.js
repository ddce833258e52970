// Every validation rule of core.Image and its message, through the real Wasm build.
import { loadCore } from '../../web/index.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

const pixels = () => new Uint8Array(4 * 6 * 3).fill(100);
const SHAPE = [4, 6, 3];
const make = (options) => new core.Image(pixels(), { shape: SHAPE, ...options });

function expectFailure(fn, code, ...fragments) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeDefined();
  expect(error.name).toBe('ImageFieldError');
  expect(error.code).toBe(code);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

const box = (extra = {}) => ({ position: { minX: 0.1, maxX: 0.5, minY: 0.2, maxY: 0.6 }, ...extra });
const boxes = (layer) => ({ boxes: { pred: layer } });
const oneBox = (b) => boxes({ box_data: [box(), b] });

describe('fileType', () => {
  test.each(['gif', 'tga', 'webp', 'PNG', ''])('%j → invalid_format with wandb\'s message', (fileType) => {
    expectFailure(() => make({ fileType }), 'invalid_format',
      'file_type must be one of png, jpg, jpeg, bmp', JSON.stringify(fileType));
  });

  test('is checked before anything else', () => {
    expectFailure(() => new core.Image('not pixels', { fileType: 'gif', caption: 5, boxes: 7, shape: 'x' }),
      'invalid_format', 'file_type must be one of png, jpg, jpeg, bmp');
    expectFailure(() => new core.Image(null, { fileType: 3 }), 'invalid_format', 'got 3');
  });

  test.each(['png', 'jpg', 'jpeg', 'bmp'])('%s is accepted and names the format', (fileType) => {
    expect(make({ fileType }).format).toBe(fileType);
  });
});

describe('caption, grouping and the pixels', () => {
  test('caption must be a string', () => {
    expectFailure(() => make({ caption: 5 }), 'invalid_argument', 'caption must be a string');
  });

  test('grouping must be an integer', () => {
    expectFailure(() => make({ grouping: 1.5 }), 'invalid_argument', 'grouping must be an integer');
  });

  test('array input follows the core\'s shape rules', () => {
    expectFailure(() => new core.Image(new Float32Array(10), { shape: [2, 5, 5] }), 'invalid_shape', '[2,5,5]');
  });

  test('bytes that are no image file are refused', () => {
    expectFailure(() => new core.Image(new TextEncoder().encode('hello, world')), 'unsupported_file');
  });
});

describe('boxes', () => {
  test('a valid layer of both position forms is accepted', () => {
    const img = make(boxes({
      box_data: [
        box({ class_id: 1, box_caption: 'car', scores: { acc: 0.2, loss: 1.2 } }),
        { position: { middle: [3, 2], width: 2, height: 1 }, domain: 'pixel', class_id: 3 },
      ],
      class_labels: { 1: 'car', 3: 'building' },
    }));
    expect(img.boxes.pred.box_data).toHaveLength(2);
    expect(img.boxes.pred.class_labels).toEqual({ 1: 'car', 3: 'building' });
  });

  test.each([
    ['boxes is not an object', { boxes: [1] }, 'boxes must be an object of layer name'],
    ['a layer is not an object', boxes(5), 'boxes["pred"] must be an object {box_data'],
    ['box_data is missing', boxes({}), 'boxes["pred"].box_data is missing'],
    ['box_data is not an array', boxes({ box_data: {} }), 'boxes["pred"].box_data must be an array'],
    ['a box is not an object', oneBox(7), 'box_data[1] must be an object with a position'],
    ['position is missing', oneBox({ class_id: 1 }), 'box_data[1].position is missing'],
    ['position is not an object', oneBox({ position: [1, 2, 3, 4] }), 'box_data[1].position must be an object'],
    ['minX is missing', oneBox({ position: { maxX: 1, minY: 0, maxY: 1 } }), 'box_data[1].position.minX must be a number'],
    ['maxY is a string', oneBox({ position: { minX: 0, maxX: 1, minY: 0, maxY: '1' } }), 'box_data[1].position.maxY must be a number'],
    ['middle is not [x, y]', oneBox({ position: { middle: [1], width: 1, height: 1 } }), 'box_data[1].position.middle must be [x, y]'],
    ['middle holds a string', oneBox({ position: { middle: [1, 'a'], width: 1, height: 1 } }), 'position.middle must be [x, y]'],
    ['width is missing', oneBox({ position: { middle: [1, 1], height: 1 } }), 'box_data[1].position.width must be a number'],
    ['height is NaN', oneBox({ position: { middle: [1, 1], width: 1, height: NaN } }), 'box_data[1].position.height must be a number'],
    ['class_id is fractional', oneBox(box({ class_id: 1.5 })), 'box_data[1].class_id must be an integer, got 1.5'],
    ['class_id is a string', oneBox(box({ class_id: '1' })), 'box_data[1].class_id must be an integer'],
    ['box_caption is a number', oneBox(box({ box_caption: 3 })), 'box_data[1].box_caption must be a string'],
    ['domain is a number', oneBox(box({ domain: 1 })), 'box_data[1].domain must be a string'],
    ['scores is an array', oneBox(box({ scores: [1] })), 'box_data[1].scores must be an object of name → number'],
    ['a score is a string', oneBox(box({ scores: { acc: 'high' } })), 'box_data[1].scores["acc"] must be a number'],
    ['a class label key is not an integer', boxes({ box_data: [box()], class_labels: { car: 'car' } }),
      'boxes["pred"].class_labels key "car" is not an integer class id'],
    ['a class label is not a string', boxes({ box_data: [box()], class_labels: { 1: 2 } }),
      'boxes["pred"].class_labels["1"] must be a string'],
    ['class_labels is an array', boxes({ box_data: [box()], class_labels: ['a'] }),
      'boxes["pred"].class_labels must be an object of class id → name'],
  ])('%s', (_, options, message) => {
    expectFailure(() => make(options), 'invalid_boxes', message);
  });

  test('cycles and BigInts cannot be written as JSON', () => {
    const cyclic = { box_data: [] };
    cyclic.self = cyclic;
    expectFailure(() => make(boxes(cyclic)), 'invalid_boxes', 'boxes["pred"] cannot be written as JSON');
    expectFailure(() => make(oneBox(box({ class_id: 1n }))), 'invalid_boxes', 'cannot be written as JSON');
  });

  test('nesting deeper than 64 levels is refused without exhausting the stack', () => {
    let deep = [];
    for (let i = 0; i < 100; i++) deep = [deep];
    expectFailure(() => make(oneBox(box({ extra: deep }))), 'invalid_boxes', 'more than 64 levels deep');
    let ok = [];
    for (let i = 0; i < 50; i++) ok = [ok];
    expect(make(oneBox(box({ extra: ok }))).boxes.pred.box_data[1].extra).toEqual(ok);
  });

  test('more than 16 MiB of JSON is too_large', () => {
    const big = { box_data: [box({ box_caption: 'x'.repeat(17 << 20) })] };
    expectFailure(() => make(boxes(big)), 'too_large', 'bytes of JSON, above the limit of 16777216');
  });

  test('missing class_labels default to class_<id> for the ids used', () => {
    const img = make(boxes({ box_data: [box({ class_id: 4 }), box({ class_id: 2 }), box()] }));
    expect(img.boxes.pred.class_labels).toEqual({ 2: 'class_2', 4: 'class_4' });
  });
});

describe('masks', () => {
  const ids = (fill = 1) => new Uint8Array(4 * 6).fill(fill);
  const masks = (layer) => ({ masks: { gt: layer } });

  test('typed array + shape, nested arrays and tensors are accepted', () => {
    const nested = Array.from({ length: 4 }, (_, y) => Array.from({ length: 6 }, (_, x) => (x + y) % 3));
    const a = make(masks({ mask_data: ids(2), shape: [4, 6], class_labels: { 2: 'road' } }));
    const b = make(masks({ mask_data: nested }));
    const c = make(masks({ mask_data: { data: new Int32Array(24).fill(255), dims: [4, 6] } }));
    expect(a.masks.gt.class_labels).toEqual({ 2: 'road' });
    expect(Array.from(b.masks.gt.mask_data.slice(0, 6))).toEqual([0, 1, 2, 0, 1, 2]);
    expect(b.masks.gt.class_labels).toEqual({ 0: 'class_0', 1: 'class_1', 2: 'class_2' });
    expect(c.masks.gt.mask_data.every((v) => v === 255)).toBe(true);
  });

  test.each([
    ['masks is not an object', { masks: 'm' }, 'masks must be an object of layer name'],
    ['a layer is not an object', masks(3), 'masks["gt"] must be an object { mask_data'],
    ['mask_data is missing', masks({ class_labels: {} }), 'masks["gt"].mask_data is missing'],
    ['mask_data has no shape', masks({ mask_data: ids() }), 'masks["gt"].mask_data: no shape given'],
    ['mask_data is 3-D', masks({ mask_data: ids(), shape: [4, 6, 1] }), 'must be a 2-D array [height, width], got shape [4,6,1]'],
    ['mask_data does not match the image', masks({ mask_data: ids(), shape: [6, 4] }),
      'has shape [6,4] but the image is 4x6 (height x width)'],
    ['the shape does not match the data', masks({ mask_data: new Uint8Array(5), shape: [4, 6] }), 'has 5 elements'],
    ['a value is above 255', masks({ mask_data: Int16Array.from(ids(), (v, i) => (i === 7 ? 256 : v)), shape: [4, 6] }),
      'mask_data[7] is 256; mask data must be integers between 0 and 255'],
    ['a value is negative', masks({ mask_data: Int8Array.from(ids(), (v, i) => (i === 3 ? -1 : v)), shape: [4, 6] }),
      'mask_data[3] is -1'],
    ['a value is fractional', masks({ mask_data: Float32Array.from(ids(), (v, i) => (i === 0 ? 0.5 : v)), shape: [4, 6] }),
      'mask_data[0] is 0.5'],
    ['a value is NaN', masks({ mask_data: Float64Array.from(ids(), (v, i) => (i === 2 ? NaN : v)), shape: [4, 6] }),
      'mask_data[2] is NaN'],
    ['a class label key is not an integer', masks({ mask_data: ids(), shape: [4, 6], class_labels: { '1.5': 'x' } }),
      'masks["gt"].class_labels key "1.5" is not an integer class id'],
    ['a class label is not a string', masks({ mask_data: ids(), shape: [4, 6], class_labels: { 1: null } }),
      'masks["gt"].class_labels["1"] must be a string'],
  ])('%s', (_, options, message) => {
    expectFailure(() => make(options), 'invalid_mask', message);
  });
});

describe('classes', () => {
  test('are merged with the labels of boxes and masks, in wandb\'s order', () => {
    const img = make({
      boxes: { pred: { box_data: [box({ class_id: 1 })], class_labels: { 1: 'car' } } },
      masks: { gt: { mask_data: new Uint8Array(24), shape: [4, 6] } },
      classes: [{ id: 1, name: 'vehicle' }, { id: 9, name: 'sky' }],
    });
    expect(img.classes).toEqual([{ id: 1, name: 'vehicle' }, { id: 0, name: 'class_0' }, { id: 9, name: 'sky' }]);
    expect(make({}).classes).toBeNull();
  });

  test.each([
    ['not an array', { 0: 'a' }, 'classes must be an array of {id, name}'],
    ['an entry is not an object', [{ id: 0, name: 'a' }, 'b'], 'classes[1] must be an object {id, name}'],
    ['id is missing', [{ name: 'a' }], 'classes[0].id is missing'],
    ['id is fractional', [{ id: 0.5, name: 'a' }], 'classes[0].id must be an integer, got 0.5'],
    ['id is a string', [{ id: '0', name: 'a' }], 'classes[0].id must be an integer, got "0"'],
    ['name is missing', [{ id: 0 }], 'classes[0].name is missing'],
    ['name is not a string', [{ id: 0, name: 7 }], 'classes[0].name must be a string, got 7'],
  ])('%s', (_, classes, message) => {
    expectFailure(() => make({ classes }), 'invalid_classes', message);
  });
});
