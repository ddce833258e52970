import { useEffect, useRef, useState } from 'react';
import { loadCore } from 'imagefield';
import 'imagefield/element';
import { exposeResults } from '../shared/expose-results.js';

export function App() {
  const field = useRef(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const element = field.current;
    const onChange = (event) => {
      const raster = event.detail.value;
      setStatus(raster ? `${raster.width}×${raster.height} ${raster.mode}` : '');
    };
    element.addEventListener('change', onChange);
    const core = loadCore();
    core.then((loaded) => setStatus(`Core ready (SIMD: ${loaded.simd})`),
      (error) => setStatus(`Core failed: ${error.message}`));
    const stopExposing = exposeResults(element, {
      simd: core,
      noSimd: loadCore({ simd: false }),
      worker: loadCore({ worker: true }),
    });
    return () => {
      element.removeEventListener('change', onChange);
      stopExposing();
    };
  }, []);

  return (
    <main>
      <h1>Profile photo</h1>
      {/* React 19 sets these as the element's properties. */}
      <image-field ref={field} interactive label="Your photo" sources="upload clipboard" />
      <p id="status">{status}</p>
    </main>
  );
}
