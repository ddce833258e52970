// Deterministic benchmark inputs, the same in Node and in the browser.

function noise(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A model output: float32 CHW in [-1, 1]. */
export function modelOutput(channels, height, width) {
  const chw = new Float32Array(channels * height * width);
  for (let i = 0; i < chw.length; i++) chw[i] = Math.sin(i * 0.001) * Math.cos(i * 0.00007);
  return chw;
}

/**
 * Photo-like RGB: smooth shading, edges and texture plus sensor-like noise
 * (a few LSBs), so deflate sees what it sees in photographs.
 */
export function photoLike(width, height) {
  const rnd = noise(42);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = 0.5 + 0.25 * Math.sin(x / 97 + Math.cos(y / 71) * 2) + 0.2 * Math.cos((x + y) / 53);
      const edge = ((x * 3 + y * 2) >> 7) % 3 === 0 ? 0.15 : 0;
      const texture = 0.04 * Math.sin(x * 0.9) * Math.cos(y * 1.3);
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const v = (shade + edge + texture) * (0.8 + 0.15 * c) * 255 + (rnd() - 0.5) * 10;
        data[o + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return { width, height, mode: 'RGB', data };
}

/** Chart-like RGB: white background, grid, bars and two anti-aliased lines (< 256 colours). */
export function chartLike(width, height) {
  const data = new Uint8Array(width * height * 3).fill(255);
  const put = (x, y, rgb, coverage = 1) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = (y * width + x) * 3;
    for (let c = 0; c < 3; c++) data[o + c] = Math.round(data[o + c] * (1 - coverage) + rgb[c] * coverage);
  };
  for (let y = 0; y < height; y += 64) for (let x = 0; x < width; x++) put(x, y, [220, 220, 220]);
  for (let x = 0; x < width; x += 64) for (let y = 0; y < height; y++) put(x, y, [220, 220, 220]);
  const bars = [[31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75]];
  bars.forEach((rgb, i) => {
    const top = Math.round(height * (0.2 + 0.1 * i));
    for (let y = top; y < height - 20; y++) for (let x = 60 + i * 150; x < 160 + i * 150; x++) put(x, y, rgb);
  });
  const lines = [[[23, 190, 207], (x) => height * (0.4 + 0.25 * Math.sin(x / 90))],
    [[188, 189, 34], (x) => height * (0.6 + 0.2 * Math.cos(x / 60))]];
  for (const [rgb, f] of lines) {
    for (let x = 0; x < width; x++) {
      const y = f(x);
      const y0 = Math.floor(y);
      const frac = Math.round((y - y0) * 4) / 4;  // four coverage levels keep the colour count low
      put(x, y0 - 1, rgb, 1);
      put(x, y0, rgb, 1 - frac);
      put(x, y0 + 1, rgb, frac);
    }
  }
  return { width, height, mode: 'RGB', data };
}

export function toRgba({ width, height, data }) {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, o = 0; i < data.length; i += 3, o += 4) {
    rgba[o] = data[i];
    rgba[o + 1] = data[i + 1];
    rgba[o + 2] = data[i + 2];
    rgba[o + 3] = 255;
  }
  return rgba;
}
