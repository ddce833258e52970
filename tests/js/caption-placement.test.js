// Box captions keep clear of each other (web/element/caption-placement.js).
import { placeCaptions } from '../../web/element/caption-placement.js';

const FRAME = { width: 400, height: 300 };
const H = 18;
const rect = (spot, box) => ({ ...spot, width: box.labelWidth, height: H });
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a lone box: its caption sits on top of it', () => {
  expect(placeCaptions([{ x: 50, y: 100, width: 40, height: 30, labelWidth: 60 }], H, FRAME)).toEqual([{ x: 50, y: 82 }]);
});

test('neighbours side by side: the second caption goes below its box; the third, with no free spot, on top again', () => {
  const boxes = [
    { x: 100, y: 100, width: 8, height: 8, labelWidth: 40 },
    { x: 112, y: 100, width: 8, height: 8, labelWidth: 40 },
    { x: 124, y: 100, width: 8, height: 8, labelWidth: 40 },
  ];
  const spots = placeCaptions(boxes, H, FRAME);
  expect(spots).toEqual([{ x: 100, y: 82 }, { x: 112, y: 108 }, { x: 124, y: 82 }]);
  // The first two are clear of each other; the third covers the first (inside its box it would cover the second).
  expect(overlap(rect(spots[0], boxes[0]), rect(spots[1], boxes[1]))).toBe(false);
});

test('a row of detections: no two captions overlap while free spots remain', () => {
  const boxes = Array.from({ length: 6 }, (_, i) => ({ x: 20 + i * 60, y: 150, width: 20, height: 40, labelWidth: 70 }));
  const spots = placeCaptions(boxes, H, FRAME);
  const rects = spots.map((s, i) => rect(s, boxes[i]));
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) expect({ i, j, overlap: overlap(rects[i], rects[j]) }).toEqual({ i, j, overlap: false });
  }
  expect(spots.map((s) => s.y)).toEqual([132, 190, 132, 190, 132, 190]);
});

test('at the frame\'s edges: inside the top edge when there is no room above, never past the right edge', () => {
  expect(placeCaptions([{ x: 10, y: 5, width: 30, height: 30, labelWidth: 50 }], H, FRAME)).toEqual([{ x: 10, y: 35 }]);
  expect(placeCaptions([{ x: 10, y: 0, width: 30, height: 295, labelWidth: 50 }], H, FRAME)).toEqual([{ x: 10, y: 0 }]);
  expect(placeCaptions([{ x: 380, y: 100, width: 20, height: 20, labelWidth: 60 }], H, FRAME)).toEqual([{ x: 340, y: 82 }]);
});
