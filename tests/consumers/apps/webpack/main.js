import { loadCore } from 'imagefield';
import 'imagefield/element';
import { exposeResults } from '../shared/expose-results.js';

const field = document.querySelector('image-field');
const status = document.querySelector('#status');
field.addEventListener('change', (event) => {
  const raster = event.detail.value;
  status.textContent = raster ? `${raster.width}×${raster.height} ${raster.mode}` : '';
});

const core = loadCore();
core.then((loaded) => { status.textContent = `Core ready (SIMD: ${loaded.simd})`; },
  (error) => { status.textContent = `Core failed: ${error.message}`; });
exposeResults(field, {
  simd: core,
  noSimd: loadCore({ simd: false }),
  worker: loadCore({ worker: true }),   // the same core in its own Worker, methods return Promises
});
