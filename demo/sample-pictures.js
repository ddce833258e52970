// The demo's example pictures, drawn here so the page needs no image files:
// a landscape by day (the sepia and diffusion examples) and the same village
// by night, whose moon, lit windows and street lamps are what the detection
// example's bright-region detector finds. Plain arrays, no DOM: the tests
// import this module too.

/** A picture to draw into: RGB bytes, row by row. */
function canvas(width, height) {
  const data = new Uint8Array(width * height * 3);
  const put = (x, y, [r, g, b]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    data.set([r, g, b], (y * width + x) * 3);
  };
  const rect = (x0, y0, x1, y1, color) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) put(x, y, color);
  };
  const disc = (cx, cy, radius, color) => {
    for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
      for (let x = Math.floor(cx - radius); x <= cx + radius; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) put(x, y, color);
    }
  };
  return { width, height, data, put, rect, disc };
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

/** The ground line of the hills at column x. */
const hill = (x, width, height) => Math.round(height * 0.62 + Math.sin(x / width * 7) * height * 0.05 + Math.sin(x / width * 17 + 1) * height * 0.02);

/** A house: its wall, roof and windows (`lit`: the windows glow). */
function house(c, x, ground, size, { wall, roof, window: glass }) {
  const w = size;
  const h = Math.round(size * 0.7);
  c.rect(x, ground - h, x + w, ground, wall);
  for (let row = 0; row < Math.round(w / 2); row++) c.rect(x - 2 + row, ground - h - Math.round(w / 2) + row, x + w + 2 - row, ground - h - Math.round(w / 2) + row + 1, roof);
  const pane = Math.max(4, Math.round(size / 6));
  c.rect(x + Math.round(w * 0.18), ground - h + Math.round(h * 0.25), x + Math.round(w * 0.18) + pane, ground - h + Math.round(h * 0.25) + pane, glass);
  c.rect(x + Math.round(w * 0.62), ground - h + Math.round(h * 0.25), x + Math.round(w * 0.62) + pane, ground - h + Math.round(h * 0.25) + pane, glass);
  c.rect(x + Math.round(w * 0.42), ground - Math.round(h * 0.45), x + Math.round(w * 0.42) + Math.round(pane * 0.9), ground, roof);  // the door
}

function village(width, height, night) {
  const c = canvas(width, height);
  const skyTop = night ? [8, 12, 38] : [70, 130, 215];
  const skyLow = night ? [28, 34, 72] : [190, 220, 245];
  const grass = night ? [14, 30, 22] : [72, 150, 62];
  const grassLow = night ? [8, 18, 14] : [40, 110, 40];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const ground = hill(x, width, height);
    c.put(x, y, y < ground ? mix(skyTop, skyLow, y / ground) : mix(grass, grassLow, (y - ground) / (height - ground)));
  }
  const unit = Math.min(width, height);
  if (night) {
    // A few faint stars: too dim and small to count as bright regions.
    for (let i = 0; i < 40; i++) c.put(Math.floor((i * 97.13) % width), Math.floor((i * 41.7) % (height * 0.45)), [110, 110, 130]);
    c.disc(width * 0.8, height * 0.3, unit * 0.08, [250, 248, 225]);  // the moon, clear of the field's toolbar
  } else {
    c.disc(width * 0.8, height * 0.2, unit * 0.09, [255, 214, 90]);   // the sun
  }
  const colours = night
    ? { wall: [40, 34, 40], roof: [30, 20, 24], window: [255, 226, 140] }
    : { wall: [232, 220, 196], roof: [176, 58, 46], window: [90, 140, 190] };
  const size = Math.round(unit * 0.2);
  const places = [0.12, 0.38, 0.6];
  for (const at of places) {
    const x = Math.round(width * at);
    house(c, x, hill(x + size / 2, width, height) + 2, size, colours);
  }
  // Street lamps: a post and a lantern, glowing at night.
  for (const at of [0.3, 0.53]) {
    const x = Math.round(width * at);
    const ground = hill(x, width, height) + 4;
    c.rect(x - 1, ground - Math.round(unit * 0.22), x + 1, ground, [60, 60, 64]);
    c.disc(x, ground - Math.round(unit * 0.22), Math.max(2, unit * 0.018), night ? [255, 240, 190] : [80, 80, 84]);
  }
  return c;
}

/** The village by day: { data: Uint8Array, shape: [height, width, 3] }. */
export function dayScene(width = 256, height = 256) {
  const { data } = village(width, height, false);
  return { data, shape: [height, width, 3] };
}

/** The village by night, with its moon, lit windows and lamps. */
export function nightScene(width = 480, height = 300) {
  const { data } = village(width, height, true);
  return { data, shape: [height, width, 3] };
}
