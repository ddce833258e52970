// core.maskOverlay: the colour layer of a mask, one RGBA entry per class id.
import { loadCore } from '../../web/index.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

const table = (entries) => {
  const colors = new Uint8Array(1024);
  for (const [id, rgba] of Object.entries(entries)) colors.set(rgba, Number(id) * 4);
  return colors;
};

test('each id takes its own entry; ids without one are transparent', () => {
  const layer = core.maskOverlay({ width: 3, height: 1, data: new Uint8Array([0, 7, 255]) },
    table({ 7: [1, 2, 3, 255], 255: [9, 8, 7, 6] }));
  expect(layer).toEqual({ width: 3, height: 1, mode: 'RGBA', data: new Uint8Array([0, 0, 0, 0, 1, 2, 3, 255, 9, 8, 7, 6]) });
});

test('wrong sizes and inputs are clear errors', () => {
  const colors = table({});
  expect(() => core.maskOverlay({ width: 2, height: 2, data: new Uint8Array(3) }, colors))
    .toThrow(expect.objectContaining({ code: 'invalid_mask', message: expect.stringMatching(/3 class ids.*2×2/) }));
  expect(() => core.maskOverlay({ width: 1, height: 1, data: new Uint8Array(1) }, new Uint8Array(12)))
    .toThrow(expect.objectContaining({ code: 'invalid_argument', message: expect.stringMatching(/1024 bytes/) }));
  expect(() => core.maskOverlay({ width: 1, height: 1, data: [0] }, colors))
    .toThrow(expect.objectContaining({ code: 'invalid_mask' }));
  expect(() => core.maskOverlay({ width: 1, height: 1, data: new Uint8Array(1) }, [0, 0, 0, 0]))
    .toThrow(expect.objectContaining({ code: 'invalid_argument' }));
});
