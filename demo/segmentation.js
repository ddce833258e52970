// The segmentation example: a small synthetic street scene with its boxes and
// masks, in the JSON that core.Image and wandb take.
const WIDTH = 192;
const HEIGHT = 120;
const SKY = 1;
const ROAD = 2;
const CAR = 3;
const PERSON = 4;

const CLASS_LABELS = { [SKY]: 'sky', [ROAD]: 'road', [CAR]: 'car', [PERSON]: 'person' };

function regionOf(x, y) {
  if (x >= 28 && x < 92 && y >= 66 && y < 98) return CAR;
  if (x >= 128 && x < 144 && y >= 40 && y < 100) return PERSON;
  return y < 56 ? SKY : ROAD;
}

const COLORS = {
  [SKY]: (x, y) => [120 + y, 170 + y / 2, 235],
  [ROAD]: (x, y) => [90 + ((x * 7 + y * 3) % 11), 92, 98],
  [CAR]: (x, y) => (y < 76 ? [150, 30, 40] : [190, 40, 50]),
  [PERSON]: (x, y) => (y < 54 ? [230, 190, 150] : [40, 60, 140]),
};

/** { image: HWC Uint8Array tensor, shape, boxes, masks } of the scene. */
export function streetScene() {
  const pixels = new Uint8Array(WIDTH * HEIGHT * 3);
  const ids = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const id = regionOf(x, y);
      ids[y * WIDTH + x] = id;
      pixels.set(COLORS[id](x, y), (y * WIDTH + x) * 3);
    }
  }
  return {
    image: { data: pixels, shape: [HEIGHT, WIDTH, 3] },
    boxes: {
      predictions: {
        box_data: [
          // Pixel coordinates...
          { position: { minX: 26, maxX: 94, minY: 62, maxY: 100 }, domain: 'pixel', class_id: CAR,
            box_caption: 'car 0.94', scores: { confidence: 0.94 } },
          // ...or fractions of the image, as the centre and size.
          { position: { middle: [136 / WIDTH, 70 / HEIGHT], width: 22 / WIDTH, height: 66 / HEIGHT }, class_id: PERSON,
            box_caption: 'person 0.88', scores: { confidence: 0.88 } },
        ],
        class_labels: { [CAR]: 'car', [PERSON]: 'person' },
      },
    },
    masks: {
      segmentation: { mask_data: ids, shape: [HEIGHT, WIDTH], class_labels: CLASS_LABELS },
    },
  };
}
