// Where box captions go so that neighbouring boxes' captions do not cover
// each other (a detector often finds small objects side by side). Pure
// geometry in the overlay's CSS pixels; overlay.js draws.

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Each caption's top-left corner, in the order given: above its box when it
 * fits in the frame and covers no caption placed before it, else below the
 * box, else inside the box's top edge; when all of those are taken, the
 * first that fits the frame (captions then overlap rather than move away
 * from their box). Always within the frame's width.
 * @param {{ x: number, y: number, width: number, height: number, labelWidth: number }[]} boxes
 *   each box (its top-left, size) and the width of its caption
 * @param {number} labelHeight every caption's height
 * @param {{ width: number, height: number }} frame
 * @returns {{ x: number, y: number }[]}
 */
export function placeCaptions(boxes, labelHeight, frame) {
  const placed = [];
  return boxes.map((box) => {
    const x = Math.max(0, Math.min(box.x, frame.width - box.labelWidth));
    const spots = [box.y - labelHeight, box.y + box.height, box.y]
      .filter((y, i) => i === 2 || (y >= 0 && y + labelHeight <= frame.height))
      .map((y) => ({ x, y, width: box.labelWidth, height: labelHeight }));
    const spot = spots.find((s) => !placed.some((p) => overlaps(s, p))) ?? spots[0];
    placed.push(spot);
    return { x: spot.x, y: spot.y };
  });
}
