// Runs a few core calls and records the outcome where the test can read it.
// CSP violations are recorded too: the test page must produce none.
import { loadCore } from '../../../web/index.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
});

const out = document.getElementById('result');
try {
  const core = await loadCore();
  const tensor = Float32Array.from({ length: 3 * 2 * 2 }, (_, i) => (i % 3) / 2 - 0.5);
  const raster = core.fromArray(tensor, { shape: [3, 2, 2], layout: 'chw' });
  const png = core.encode(raster);
  const back = core.decode(png);
  out.textContent = JSON.stringify({
    ok: true,
    raster: { ...raster, data: Array.from(raster.data) },
    roundTrip: Array.from(back.data),
    violations,
  });
} catch (error) {
  out.textContent = JSON.stringify({ ok: false, error: String(error?.message ?? error), violations });
}
out.dataset.done = 'true';
