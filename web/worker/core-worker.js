// The Worker script of WorkerCore: the core's own operations, nothing else.
import { serve } from './serve.js';
import { coreOperations } from './core-operations.js';

serve(coreOperations);
