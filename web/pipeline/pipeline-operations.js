// The field's operations, run with a core: in the field's Worker
// (pipeline-worker.js) or, where there is none, on the main thread. The same
// table serves both, so both do the same work.
import { coreOperations } from '../worker/core-operations.js';
import { checkBoxes, checkMasks, colourMasks } from './overlay-layers.js';
import { runPipeline } from './pixel-pipeline.js';

export const pipelineOperations = Object.freeze({
  ...coreOperations,
  /** One request of the field (pixel-pipeline.js); context.stage restarts the hang guard after decoding. */
  process: (core, [request], context = {}) => runPipeline(core, request, {
    decoder: context.decoder ?? null, onStage: context.stage ?? (() => {}),
  }),
  /** Validated box layers (core.Image's rules), or null. */
  checkBoxes: (core, [boxes]) => checkBoxes(core, boxes),
  /** Validated mask layers for an image of width × height, or null. */
  checkMasks: (core, [masks, width, height]) => checkMasks(core, masks, width, height),
  /** RGBA colour layers of validated masks, with the hidden class ids clear. */
  colourMasks: (core, [masks, hiddenIds]) => colourMasks(core, masks, hiddenIds),
});
