// In a real browser: the SIMD build is picked, results come out as real
// ImageData ready for putImageData, and zero-copy input works.
import { jest } from '@jest/globals';
import { browserSuite } from './harness.js';

jest.setTimeout(60_000);

const suite = browserSuite();

test('toImageData and fromArray({output: "imagedata"}) give ImageData that draws the pixels', async () => {
  const page = await suite.openPage('/tests/browser/pages/blank.html');
  const result = await page.evaluate(async () => {
    const { loadCore } = await import('/web/index.js');
    const core = await loadCore();
    const rgb = { width: 2, height: 1, mode: 'RGB', data: Uint8Array.from([10, 20, 30, 200, 150, 100]) };
    const image = core.toImageData(rgb);
    const canvas = document.createElement('canvas');
    canvas.width = 2;
    canvas.height = 1;
    const ctx = canvas.getContext('2d');
    ctx.putImageData(image, 0, 0);
    const drawn = Array.from(ctx.getImageData(0, 0, 2, 1).data);

    const input = core.allocInput('float32', 3 * 2 * 2);
    input.array.set([0, 1, 0.5, 0.25, 1, 0, 0.5, 0.25, 0, 0, 1, 1]);
    const fromTensor = core.fromArray(input, { shape: [3, 2, 2], layout: 'chw', output: 'imagedata' });
    return {
      simd: core.simd,
      isImageData: image instanceof ImageData && fromTensor instanceof ImageData,
      drawn,
      tensorPixels: Array.from(fromTensor.data),
      released: input.released,
    };
  });
  expect(result.simd).toBe(true);
  expect(result.isImageData).toBe(true);
  expect(result.drawn).toEqual([10, 20, 30, 255, 200, 150, 100, 255]);
  expect(result.tensorPixels).toEqual([0, 255, 0, 255, 255, 0, 0, 255, 127, 127, 255, 255, 63, 63, 255, 255]);
  expect(result.released).toBe(true);
  expect(page.problems).toEqual([]);
  await page.close();
});

test('loadCore({simd: false}) runs the non-SIMD build in the browser with the same results', async () => {
  const page = await suite.openPage('/tests/browser/pages/blank.html');
  const result = await page.evaluate(async () => {
    const { loadCore } = await import('/web/index.js');
    const [simd, scalar] = await Promise.all([loadCore({ simd: true }), loadCore({ simd: false })]);
    const values = Float32Array.from({ length: 3 * 17 * 19 }, (_, i) => Math.sin(i) * 0.99);
    const a = simd.fromArray(values, { shape: [3, 17, 19], layout: 'chw' }).data;
    const b = scalar.fromArray(values, { shape: [3, 17, 19], layout: 'chw' }).data;
    return { flags: [simd.simd, scalar.simd], same: a.length === b.length && a.every((v, i) => v === b[i]) };
  });
  expect(result.flags).toEqual([true, false]);
  expect(result.same).toBe(true);
  await page.close();
});
