// Decoding, encoding, conversion and watermarking through the real Wasm build.
import zlib from 'node:zlib';
import { loadCore, ImageFieldError } from '../../web/index.js';
import { gifClaiming, inflationBombPng, pngChunk, pngHeader, testPattern, tgaClaiming } from './fixtures.js';
import { thrown } from './refusals.js';

let core;
beforeAll(async () => {
  core = await loadCore();
});

describe('encode → decode round trips', () => {
  test.each(['png', 'bmp', 'tga'])('%s is pixel-exact for RGB and RGBA', (format) => {
    for (const channels of [3, 4]) {
      const raster = testPattern(31, 17, channels);
      const decoded = core.decode(core.encode(raster, { format }));
      expect(decoded).toEqual(raster);
    }
  });

  test.each(['png', 'tga'])('%s keeps L and LA', (format) => {
    for (const channels of [1, 2]) {
      const raster = testPattern(9, 5, channels);
      expect(core.decode(core.encode(raster, { format }))).toEqual(raster);
    }
  });

  // The file is Pillow's, whose 4:2:0 chroma subsampling halves colour
  // resolution: this pattern's fine colour detail and its wraps from 255 to
  // 0 cannot survive in colour, so the tolerance is stated on luma, which
  // 4:2:0 keeps at full resolution.
  test('jpeg within the stated tolerance (q95: luma within 21 on this busy pattern, mean < 2)', () => {
    const raster = testPattern(64, 48, 3);
    const decoded = core.decode(core.encode(raster, { format: 'jpeg', quality: 95 }));
    expect(decoded).toMatchObject({ width: 64, height: 48, mode: 'RGB' });
    const luma = core.convert(raster, 'L').data;
    let worst = 0;
    let sum = 0;
    core.convert(decoded, 'L').data.forEach((v, i) => {
      const d = Math.abs(v - luma[i]);
      worst = Math.max(worst, d);
      sum += d;
    });
    expect(worst).toBeLessThanOrEqual(21);
    expect(sum / luma.length).toBeLessThan(2);
  });

  test('jpg and jpeg are the same format; quality changes the size; default quality is 75', () => {
    const raster = testPattern(64, 64, 3);
    const a = core.encode(raster, { format: 'jpg' });
    expect(core.encode(raster, { format: 'jpeg', quality: 75 })).toEqual(a);
    expect(core.encode(raster, { format: 'jpg', quality: 10 }).length).toBeLessThan(a.length);
    expect(Array.from(a.subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]);
  });

  test('png is the default format', () => {
    const bytes = core.encode(testPattern(4, 4));
    expect(Array.from(bytes.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]);
  });

  test('decode with a mode converts', () => {
    const raster = { width: 3, height: 1, mode: 'RGB', data: Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255]) };
    expect(core.decode(core.encode(raster), { mode: 'L' })).toEqual({
      width: 3, height: 1, mode: 'L', data: Uint8Array.from([76, 150, 29]),
    });
  });

  test('an ImageData-like RGBA raster and an ArrayBuffer input are accepted', () => {
    const raster = testPattern(5, 5, 4);
    const clamped = { width: 5, height: 5, mode: 'RGBA', data: new Uint8ClampedArray(raster.data) };
    const bytes = core.encode(clamped);
    expect(core.decode(bytes.buffer.slice(0))).toEqual(raster);
  });
});

describe('bad input gets a clear ImageFieldError', () => {
  test('truncated files → decode_failed', () => {
    for (const format of ['png', 'jpg', 'bmp', 'tga']) {
      const whole = core.encode(testPattern(40, 30), { format });
      for (const cut of [Math.floor(whole.length / 4), Math.floor(whole.length / 2), whole.length - 20]) {
        const error = thrown(() => core.decode(whole.subarray(0, cut)));
        expect(error).toBeInstanceOf(ImageFieldError);
        expect(error.code).toBe('decode_failed');
      }
    }
  });

  test('corrupt files → decode_failed with the format named', () => {
    const png = core.encode(testPattern(16, 16));
    const zeroWidth = png.slice();
    zeroWidth.fill(0, 16, 20);
    expect(thrown(() => core.decode(zeroWidth))).toMatchObject({ code: 'decode_failed', message: expect.stringContaining('PNG') });

    const corruptIdat = Buffer.concat([pngHeader(4, 4), pngChunk('IDAT', Buffer.from('not zlib data at all')), pngChunk('IEND')]);
    expect(thrown(() => core.decode(corruptIdat))).toMatchObject({ code: 'decode_failed' });

    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x02, ...Array.from({ length: 200 }, (_, i) => (i * 37 + 11) & 255)]);
    expect(thrown(() => core.decode(jpeg))).toMatchObject({ code: 'decode_failed', message: expect.stringContaining('JPEG') });
  });

  test('non-images → unsupported_file', () => {
    expect(thrown(() => core.decode(new TextEncoder().encode('just some pasted text')))).toMatchObject({ code: 'unsupported_file' });
    const webp = Uint8Array.from([...Buffer.from('RIFF'), 16, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
    expect(thrown(() => core.decode(webp))).toMatchObject({ code: 'unsupported_file', message: expect.stringContaining('WebP') });
    expect(thrown(() => core.decode(new Uint8Array(0)))).toMatchObject({ code: 'decode_failed', message: expect.stringContaining('empty') });
    expect(thrown(() => core.decode('not bytes'))).toMatchObject({ code: 'invalid_argument' });
  });

  test('limits from options → too_large naming the limit', () => {
    const png = core.encode(testPattern(300, 200));
    expect(thrown(() => core.decode(png, { maxAxis: 299 }))).toMatchObject({ code: 'too_large', message: expect.stringContaining('maxAxis') });
    expect(thrown(() => core.decode(png, { maxPixels: 59999 }))).toMatchObject({ code: 'too_large', message: expect.stringContaining('maxPixels') });
    expect(thrown(() => core.decode(png, { maxFileBytes: png.length - 1 }))).toMatchObject({ code: 'too_large' });
    expect(thrown(() => core.decode(png, { maxDecodeBytes: 1000 }))).toMatchObject({ code: 'too_large' });
    expect(thrown(() => core.decode(png, { maxPixels: -1 }))).toMatchObject({ code: 'invalid_argument' });
    expect(core.decode(png, { maxAxis: 300, maxPixels: 60000 })).toMatchObject({ width: 300, height: 200 });
  });

  test('documented default limits', () => {
    expect(core.defaultLimits).toEqual({ maxFileBytes: 64 * 2 ** 20, maxAxis: 16384, maxPixels: 50_000_000, maxDecodeBytes: 0 });
  });

  test('an honest 16000×16000 header is refused before decoding', async () => {
    const png = await inflationBombPng(16000, 16000, 1 << 20);
    expect(thrown(() => core.decode(png))).toMatchObject({ code: 'too_large', message: expect.stringContaining('16000x16000') });
  });

  test('inflation bomb: 1×1 declared, 1 GiB of zlib data → too_large, heap growth bounded', async () => {
    const bomb = await inflationBombPng(1, 1, 2 ** 30);
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    // The generator is trusted below, so check it on a small size first.
    const small = await inflationBombPng(1, 1, 3 * 2 ** 20);
    const idat = Buffer.from(small.subarray(41, small.length - 12 - 4));
    expect(zlib.inflateSync(idat).length).toBe(3 * 2 ** 20);

    core.decode(core.encode(testPattern(64, 64)));  // let the heap settle first
    const before = core.wasmMemoryBytes;
    expect(thrown(() => core.decode(bomb))).toMatchObject({ code: 'too_large' });
    expect(core.wasmMemoryBytes - before).toBeLessThanOrEqual(16 * 2 ** 20);
    // The instance is still healthy afterwards.
    expect(core.decode(core.encode(testPattern(8, 8)))).toEqual(testPattern(8, 8));
  });

  test.each([
    ['GIF 65535×65535', () => gifClaiming(65535, 65535), '(maxAxis)'],
    ['GIF 16000×16000', () => gifClaiming(16000, 16000), '(maxPixels)'],
    ['TGA 65535×65535', () => tgaClaiming(65535, 65535), '(maxAxis)'],
    ['TGA 16000×16000', () => tgaClaiming(16000, 16000), '(maxPixels)'],
  ])('header bomb: %s → too_large from the header, no heap growth', (name, make, limit) => {
    // The generators make real files: small sizes decode.
    expect(core.decode(gifClaiming(1, 1))).toMatchObject({ width: 1, height: 1 });
    expect(core.decode(tgaClaiming(8, 8))).toMatchObject({ width: 8, height: 8 });
    const before = core.wasmMemoryBytes;
    expect(thrown(() => core.decode(make()))).toMatchObject({ code: 'too_large', message: expect.stringContaining(limit) });
    expect(core.wasmMemoryBytes).toBe(before);
  });

  test('encode errors', () => {
    const raster = testPattern(4, 4);
    expect(thrown(() => core.encode(raster, { format: 'gif' }))).toMatchObject({ code: 'invalid_format', message: expect.stringContaining('gif') });
    expect(thrown(() => core.encode(raster, { format: 'jpg', quality: 0 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => core.encode(raster, { format: 'jpg', quality: 101 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => core.encode({ ...raster, data: raster.data.subarray(1) }))).toMatchObject({ code: 'invalid_shape' });
    expect(thrown(() => core.encode({ ...raster, mode: 'XYZ' }))).toMatchObject({ code: 'invalid_mode' });
    expect(thrown(() => core.encode({ ...raster, width: 0 }))).toMatchObject({ code: 'invalid_shape' });
    expect(thrown(() => core.encode(null))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('convert', () => {
  test('RGB → L uses Pillow fixed-point luma', () => {
    const rgb = { width: 4, height: 1, mode: 'RGB', data: Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 200, 30]) };
    // (10·19595 + 200·38470 + 30·7471 + 32768) >> 16 = 124
    expect(core.convert(rgb, 'L').data).toEqual(Uint8Array.from([76, 150, 29, 124]));
  });

  test('I and F come back as Int32Array and Float32Array', () => {
    const l = { width: 2, height: 1, mode: 'L', data: Uint8Array.from([0, 200]) };
    expect(core.convert(l, 'I')).toEqual({ width: 2, height: 1, mode: 'I', data: Int32Array.from([0, 200]) });
    expect(core.convert(l, 'F')).toEqual({ width: 2, height: 1, mode: 'F', data: Float32Array.from([0, 200]) });
    expect(core.convert({ width: 2, height: 1, mode: 'I', data: Int32Array.from([-5, 300]) }, 'L').data)
      .toEqual(Uint8Array.from([0, 255]));
  });

  test('P rasters carry a palette', () => {
    const p = core.convert(testPattern(4, 4, 3), 'P');
    expect(p.mode).toBe('P');
    expect(p.palette).toBeInstanceOf(Uint8Array);
    expect(p.palette.length % 3).toBe(0);
    expect(core.convert(p, 'RGB').mode).toBe('RGB');
  });

  test('unknown target mode → invalid_mode', () => {
    expect(thrown(() => core.convert(testPattern(2, 2), 'RGBX'))).toMatchObject({ code: 'invalid_mode', message: expect.stringContaining('RGBX') });
    expect(thrown(() => core.convert(testPattern(2, 2)))).toMatchObject({ code: 'invalid_mode' });
  });
});

describe('watermark', () => {
  const base = () => ({ width: 40, height: 30, mode: 'RGB', data: new Uint8Array(40 * 30 * 3).fill(100) });
  const mark = { width: 4, height: 3, mode: 'RGBA', data: new Uint8Array(4 * 3 * 4).fill(255) };
  const pixel = (r, x, y) => Array.from(r.data.subarray((y * r.width + x) * 3, (y * r.width + x) * 3 + 3));

  test('bottom-right with a 10 px margin by default, not resized', () => {
    const out = core.watermark(base(), mark);
    // Mark occupies x 26..29, y 17..19.
    expect(pixel(out, 26, 17)).toEqual([255, 255, 255]);
    expect(pixel(out, 29, 19)).toEqual([255, 255, 255]);
    expect(pixel(out, 25, 17)).toEqual([100, 100, 100]);
    expect(pixel(out, 30, 19)).toEqual([100, 100, 100]);
    expect(pixel(out, 26, 20)).toEqual([100, 100, 100]);
    let stamped = 0;
    for (let i = 0; i < out.data.length; i += 3) if (out.data[i] === 255) stamped++;
    expect(stamped).toBe(12);
  });

  test('corners, x,y, margin and the out-of-bounds fallback', () => {
    expect(pixel(core.watermark(base(), mark, { position: 'top-left' }), 10, 10)).toEqual([255, 255, 255]);
    expect(pixel(core.watermark(base(), mark, { position: 'top-right' }), 29, 10)).toEqual([255, 255, 255]);
    expect(pixel(core.watermark(base(), mark, { position: 'bottom-left' }), 10, 19)).toEqual([255, 255, 255]);
    expect(pixel(core.watermark(base(), mark, { position: '3,4' }), 3, 4)).toEqual([255, 255, 255]);
    expect(pixel(core.watermark(base(), mark, { position: [0, 0] }), 0, 0)).toEqual([255, 255, 255]);
    expect(pixel(core.watermark(base(), mark, { margin: 0 }), 39, 29)).toEqual([255, 255, 255]);
    // (38, 0) cannot hold a 4-wide mark: bottom-right instead.
    const fallback = core.watermark(base(), mark, { position: '38,0' });
    expect(pixel(fallback, 38, 0)).toEqual([100, 100, 100]);
    expect(pixel(fallback, 26, 17)).toEqual([255, 255, 255]);
  });

  test('alpha blending', () => {
    const half = { width: 1, height: 1, mode: 'RGBA', data: Uint8Array.from([200, 0, 0, 128]) };
    const out = core.watermark(base(), half, { position: '0,0' });
    // (200·128 + 100·127) / 255 = 150.2 → 150; (0·128 + 100·127) / 255 = 49.8 → 50
    expect(pixel(out, 0, 0)).toEqual([150, 50, 50]);
    const clear = { width: 1, height: 1, mode: 'RGBA', data: Uint8Array.from([200, 0, 0, 0]) };
    expect(pixel(core.watermark(base(), clear, { position: '0,0' }), 0, 0)).toEqual([100, 100, 100]);
  });

  test('errors', () => {
    expect(thrown(() => core.watermark(base(), mark, { position: 'middle' }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => core.watermark(base(), mark, { margin: -1 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => core.watermark(base(), { ...mark, data: new Uint8Array(3) }))).toMatchObject({ code: 'invalid_shape' });
  });
});
