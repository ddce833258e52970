// Gradio's "fake diffusion" streaming example, in the page: an output field
// updated once a second, from noise towards a final picture. Frame 0 is
// noise; frame k of n mixes fresh noise with the picture, the picture's
// share k/n; frame n is the picture itself.

/** A small seeded generator (mulberry32): the same noise for the same seed. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The frames, 0 to `steps`, of a picture `{ data: Uint8Array, shape }`:
 * float arrays in [0, 1] shown by the wandb rules, then the picture's own bytes.
 */
export function* diffusionFrames(picture, steps, seed = 1) {
  const next = random(seed);
  for (let step = 0; step < steps; step++) {
    const share = step / steps;
    const data = new Float32Array(picture.data.length);
    for (let i = 0; i < data.length; i++) data[i] = (1 - share) * next() + share * (picture.data[i] / 255);
    yield { data, shape: picture.shape };
  }
  yield picture;
}

/** Wires the example's controls: Generate starts a run (one frame now, then one a second), Stop ends it. */
export function wireDiffusion({ output, steps, stepsValue, run, stop, progress, status }, picture) {
  let timer = 0;
  let runs = 0;
  const end = (text) => {
    clearTimeout(timer);
    timer = 0;
    run.disabled = false;
    stop.disabled = true;
    status.textContent = text;
  };
  steps.addEventListener('input', () => { stepsValue.textContent = steps.value; });
  stop.addEventListener('click', () => end(`Stopped after ${progress.value} of ${progress.max} steps.`));
  run.addEventListener('click', () => {
    const count = Number(steps.value);
    const frames = diffusionFrames(picture(), count, ++runs);
    let shown = 0;
    progress.max = count;
    progress.value = 0;
    run.disabled = true;
    stop.disabled = false;
    const tick = () => {
      const { value, done } = frames.next();
      if (done) return;
      output.value = value;
      progress.value = shown;
      if (shown === count) {
        end(`Done: ${count} step${count === 1 ? '' : 's'}, the final picture.`);
        return;
      }
      status.textContent = shown === 0 ? 'Step 0: noise.' : `Step ${shown} of ${count}.`;
      shown++;
      timer = setTimeout(tick, 1000);
    };
    tick();
  });
}
