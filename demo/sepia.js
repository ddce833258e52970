// Gradio's "sepia filter" example, in the page: the input field's value is a
// float32 HWC tensor in [0, 1]; each pixel's RGB goes through the sepia
// colour matrix, the result is divided by its maximum (as the example does)
// and shown in the output field by the wandb rules ([0, 1] → 0–255).

/** Rows: the output R, G and B as weights of the input R, G and B. */
export const SEPIA = [
  [0.393, 0.769, 0.189],
  [0.349, 0.686, 0.168],
  [0.272, 0.534, 0.131],
];

/** A `{ data, dims: [height, width, 3] }` float tensor → the sepia picture `{ data, shape }`, floats in [0, 1]. */
export function sepia({ data, dims }) {
  const [height, width, channels] = dims;
  if (channels !== 3) throw new Error(`the sepia matrix needs an HWC tensor of 3 channels, got dims [${dims.join(', ')}]`);
  const out = new Float32Array(data.length);
  let max = 0;
  for (let i = 0; i < data.length; i += 3) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    for (let c = 0; c < 3; c++) {
      const value = SEPIA[c][0] * r + SEPIA[c][1] * g + SEPIA[c][2] * b;
      out[i + c] = value;
      if (value > max) max = value;
    }
  }
  if (max > 0) for (let i = 0; i < out.length; i++) out[i] /= max;
  return { data: out, shape: [height, width, 3] };
}

/** Wires the example: every tensor of `input` is shown in sepia in `output`. */
export function wireSepia({ input, output, example, status }, exampleValue) {
  input.tensorOptions = { layout: 'hwc' };
  input.addEventListener('change', ({ detail: { value } }) => {
    if (!value) {
      output.value = null;
      status.textContent = '';
      return;
    }
    const started = performance.now();
    output.value = sepia(value);
    status.textContent = `Sepia of a ${value.dims[1]}×${value.dims[0]} tensor in ${Math.round(performance.now() - started)} ms.`;
  });
  input.addEventListener('error', ({ detail }) => { status.textContent = `${detail.code}: ${detail.message}`; });
  example.addEventListener('click', () => { input.value = exampleValue(); });
}
