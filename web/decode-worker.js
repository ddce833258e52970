// The Worker side of ContainedDecoder: owns one Wasm core instance and decodes
// untrusted bytes with it. A trap leaves the instance unusable, so it reports
// 'trap' and the page side replaces the whole Worker.
import { ImageFieldError } from './errors.js';
import { loadCore } from './core.js';

let core = null;

function heapBytes() {
  return core ? core.wasmMemoryBytes : 0;
}

async function start({ wasmUrl }) {
  try {
    // Without a URL the loader picks the SIMD or non-SIMD build for this engine.
    // Each Worker has its own module scope, so this instance is the Worker's own.
    core = await loadCore(wasmUrl ? { wasmUrl } : undefined);
    self.postMessage({ type: 'ready', heapBytes: heapBytes() });
  } catch (error) {
    self.postMessage({ type: 'failed', message: String(error?.message ?? error) });
  }
}

function decode({ id, bytes, options }) {
  try {
    const raster = core.decode(new Uint8Array(bytes), options);
    const transfer = [raster.data.buffer];
    if (raster.palette) transfer.push(raster.palette.buffer);
    self.postMessage({ type: 'result', id, raster, heapBytes: heapBytes() }, transfer);
  } catch (error) {
    if (!core.usable) {
      self.postMessage({ type: 'trap', id, message: String(error.cause?.message ?? error.message) });
    } else if (error instanceof ImageFieldError) {
      self.postMessage({ type: 'error', id, code: error.code, message: error.message, heapBytes: heapBytes() });
    } else {
      self.postMessage({ type: 'trap', id, message: `${error?.name}: ${error?.message}` });
    }
  }
}

self.onmessage = ({ data }) => {
  if (data.type === 'start') start(data);
  else if (data.type === 'decode') decode(data);
};
