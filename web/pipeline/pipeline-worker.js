// The Worker script of ContainedDecoder and of <image-field>: the core's
// operations and the field's pipeline, on the Worker's own Wasm instance.
import { serve } from '../worker/serve.js';
import { pipelineOperations } from './pipeline-operations.js';

serve(pipelineOperations);
