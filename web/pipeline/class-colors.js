// One colour per class id, the same in the boxes, the masks and the legend.
// Twelve well separated hues first; later ids step round the hue circle by
// the golden angle so neighbours never look alike.
const BASE = [
  [230, 25, 75], [60, 180, 75], [0, 130, 200], [245, 130, 48], [145, 30, 180], [70, 200, 200],
  [240, 50, 230], [210, 245, 60], [250, 190, 212], [0, 128, 128], [170, 110, 40], [128, 0, 0],
];

function hslToRgb(h, s, l) {
  const k = (n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255));
}

/** [r, g, b] of a class id (0..255; anything else gets the colour of no class). */
export function classColor(id) {
  if (!Number.isInteger(id) || id < 0) return [9, 105, 218];
  if (id < BASE.length) return BASE[id];
  return hslToRgb((id * 137.508) % 360, 0.7, 0.5);
}

export function cssColor([r, g, b]) {
  return `rgb(${r} ${g} ${b})`;
}

/** Black or white, whichever reads better on `rgb`. */
export function textColorOn([r, g, b]) {
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#000' : '#fff';
}

/**
 * The colour table of core.maskOverlay: one RGBA entry per id; only the
 * labelled ids that are not hidden are opaque, so what is drawn is what the
 * legend lists.
 */
export function maskColorTable(labelled, hidden) {
  const table = new Uint8Array(256 * 4);
  for (const id of labelled) {
    if (id >= 0 && id < 256 && !hidden.has(id)) table.set([...classColor(id), 255], id * 4);
  }
  return table;
}
