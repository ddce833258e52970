// The detection example: the input field letterboxes its image into a
// 320×320 float32 tensor; the bright-region detector boxes the tensor in its
// own pixels; the field draws those boxes over the picture through the
// tensor's letterbox (domain "tensor"), and a second field shows the tensor
// itself with the same numbers as plain pixel boxes.
import { brightRegions } from './bright-regions.js';

const SIZE = 320;
const LABELS = { 1: 'bright region' };

function layer(regions, domain) {
  return {
    detections: {
      box_data: regions.map((r) => ({
        position: { minX: r.minX, maxX: r.maxX, minY: r.minY, maxY: r.maxY },
        domain, class_id: 1, box_caption: r.score.toFixed(2), scores: { luma: r.score },
      })),
      class_labels: LABELS,
    },
  };
}

export function wireDetection({ input, tensorView, threshold, thresholdValue, example, status, json }, exampleValue) {
  let tensor = null;
  input.tensorOptions = { letterbox: [SIZE, SIZE] };

  const detect = () => {
    if (!tensor) return;
    const regions = brightRegions(tensor, { threshold: Number(threshold.value) });
    input.boxes = layer(regions, 'tensor');
    tensorView.boxes = layer(regions, 'pixel');
    const { scale, left, top } = tensor.letterbox;
    status.textContent = `${regions.length} bright region${regions.length === 1 ? '' : 's'} in the ${SIZE}×${SIZE} tensor `
      + `(letterbox: scale ${scale.toFixed(3)}, offset ${left}, ${top}).`;
    json.textContent = JSON.stringify({
      dims: tensor.dims, type: tensor.type, letterbox: tensor.letterbox,
      boxes_in_tensor_space: regions.map(({ minX, minY, maxX, maxY, score }) => ({ minX, minY, maxX, maxY, score: Number(score.toFixed(3)) })),
    }, null, 2).replace(/\[\s+([-\d.,\s]+?)\s+\]/g, (_, numbers) => `[${numbers.split(/,\s*/).join(', ')}]`);  // number lists on one line
  };

  input.addEventListener('change', ({ detail: { value } }) => {
    tensor = value;
    if (!value) {
      tensorView.value = null;
      input.boxes = null;
      tensorView.boxes = null;
      status.textContent = '';
      json.textContent = '';
      return;
    }
    tensorView.value = { data: value.data, shape: value.dims.slice(1) };  // [3, H, W], shown with layout="chw"
    detect();
  });
  input.addEventListener('error', ({ detail }) => { status.textContent = `${detail.code}: ${detail.message}`; });
  threshold.addEventListener('input', () => {
    thresholdValue.textContent = Number(threshold.value).toFixed(2);
    detect();
  });
  example.addEventListener('click', () => { input.value = exampleValue(); });
}
