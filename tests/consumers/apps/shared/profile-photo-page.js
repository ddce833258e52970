// The page every bundler app builds: an <image-field> for a profile photo, a
// status line, and three cores for the consumer check to read. Each app's
// entry imports the package itself and hands its loadCore in, so what the
// bundler resolves stays in the app; this module imports nothing of it.
import { exposeResults } from './expose-results.js';

/** @param {(options?: object) => Promise<object>} loadCore the package's loadCore */
export function startProfilePhotoPage(loadCore) {
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
}
