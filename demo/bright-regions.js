// The detection example's detector: not a neural network (no model files
// are available offline) but a few lines over the same tensor a model would
// take. Pixels whose luma is over a threshold are grouped with the bright
// pixels touching them (8-neighbours); each group large enough is a box, in
// the tensor's own pixels, scored by its mean luma.

/**
 * @param {{ data: Float32Array, dims: number[] }} tensor float32 NCHW [1, 3, H, W] in [0, 1]
 * @param {{ threshold?: number, minArea?: number, maxRegions?: number }} [options]
 * @returns {{ minX: number, minY: number, maxX: number, maxY: number, area: number, score: number }[]} largest first
 */
export function brightRegions({ data, dims }, { threshold = 0.8, minArea = 6, maxRegions = 32 } = {}) {
  const [batch, channels, height, width] = dims;
  if (dims.length !== 4 || batch !== 1 || channels !== 3) {
    throw new Error(`the detector takes a float32 NCHW tensor [1, 3, H, W], got dims [${dims.join(', ')}]`);
  }
  const plane = width * height;
  const luma = new Float32Array(plane);
  for (let i = 0; i < plane; i++) luma[i] = 0.299 * data[i] + 0.587 * data[plane + i] + 0.114 * data[2 * plane + i];
  const seen = new Uint8Array(plane);
  const stack = new Int32Array(plane);
  const regions = [];
  for (let start = 0; start < plane; start++) {
    if (seen[start] || luma[start] < threshold) continue;
    let [minX, minY, maxX, maxY, area, sum, top] = [width, height, 0, 0, 0, 0, 0];
    seen[start] = 1;
    stack[top++] = start;
    while (top > 0) {
      const at = stack[--top];
      const x = at % width;
      const y = (at - x) / width;
      area++;
      sum += luma[at];
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const near = ny * width + nx;
          if (!seen[near] && luma[near] >= threshold) {
            seen[near] = 1;
            stack[top++] = near;
          }
        }
      }
    }
    // A box covers its pixels whole: from the first one's left edge to the last one's right edge.
    if (area >= minArea) regions.push({ minX, minY, maxX: maxX + 1, maxY: maxY + 1, area, score: sum / area });
  }
  return regions.sort((a, b) => b.area - a.area).slice(0, maxRegions);
}
