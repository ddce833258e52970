// Decodes corpus files for corpus.test.js in a worker thread, so that the test
// can terminate a decode that hangs. Answers each {id, path, mode} with the
// outcome; RGBA pixels are transferred when a mode was asked for.
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { loadCore, ImageFieldError } from '../../web/index.js';

const core = await loadCore();

parentPort.on('message', ({ id, path, mode }) => {
  const bytes = readFileSync(path);
  try {
    const raster = core.decode(bytes, mode ? { mode } : {});
    const { width, height, data } = raster;
    parentPort.postMessage({ id, outcome: 'raster', width, height, mode: raster.mode, data }, [data.buffer]);
  } catch (error) {
    if (error instanceof ImageFieldError) {
      parentPort.postMessage({ id, outcome: error.code, message: error.message });
    } else {
      // A trap or any other non-ImageFieldError is a failure of the corpus test.
      parentPort.postMessage({ id, outcome: 'crash', message: `${error?.name}: ${error?.message}` });
    }
  }
});
parentPort.postMessage({ ready: true });
