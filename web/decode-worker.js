// The Worker side of ContainedDecoder: owns one Wasm core instance and runs
// the page's pixel work with it — decoding untrusted bytes, and the whole
// pipeline of <image-field> (browser decode, conversion, watermark, encoding)
// so none of it blocks the page. A trap leaves the instance unusable, so it
// reports 'trap' and the page side replaces the whole Worker.
import { ImageFieldError } from './errors.js';
import { loadCore } from './core.js';
import { forTransfer, resultBuffers, runPipeline } from './element/pixel-pipeline.js';

let core = null;

function heapBytes() {
  return core ? core.wasmMemoryBytes : 0;
}

// Only the test-hooks build has counters (C++ objects alive, heap bytes in
// use): leak tests read them through ContainedDecoder.stats.
function testHeapCounters() {
  return core?.testHeapCounters;
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

function report(id, error, { otherErrorsTrap }) {
  if (!core.usable) {
    self.postMessage({ type: 'trap', id, message: String(error.cause?.message ?? error.message) });
  } else if (error instanceof ImageFieldError) {
    self.postMessage({ type: 'error', id, code: error.code, message: error.message, heapBytes: heapBytes() });
  } else if (otherErrorsTrap) {
    self.postMessage({ type: 'trap', id, message: `${error?.name}: ${error?.message}` });
  } else {
    // The browser's side (a canvas too large for it, an encoder refusing): the core is fine.
    self.postMessage({ type: 'error', id, code: 'decode_failed', heapBytes: heapBytes(), testHeapCounters: testHeapCounters(),
      message: `the browser could not process this image (${error?.name}: ${error?.message}); try a smaller image or another format` });
  }
}

function decode({ id, bytes, options }) {
  try {
    const raster = core.decode(new Uint8Array(bytes), options);
    const transfer = [raster.data.buffer];
    if (raster.palette) transfer.push(raster.palette.buffer);
    self.postMessage({ type: 'result', id, value: raster, heapBytes: heapBytes(), testHeapCounters: testHeapCounters() }, transfer);
  } catch (error) {
    report(id, error, { otherErrorsTrap: true });
  }
}

async function process({ id, request }) {
  try {
    // The page restarts its hang guard for the rest (conversion, watermark, encoding).
    const onStage = (stage) => self.postMessage({ type: 'stage', id, stage });
    const result = forTransfer(await runPipeline(core, request, { onStage }));
    self.postMessage({ type: 'result', id, value: result, heapBytes: heapBytes(), testHeapCounters: testHeapCounters() },
      resultBuffers(result));
  } catch (error) {
    report(id, error, { otherErrorsTrap: false });
  }
}

self.onmessage = ({ data }) => {
  if (data.type === 'start') start(data);
  else if (data.type === 'decode') decode(data);
  else if (data.type === 'process') process(data);
};
