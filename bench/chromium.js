// The bench's browser: Debian's Chromium (the executable the browser suite
// uses) through playwright-core with the flags that work on a closed network,
// and the package root served on 127.0.0.1. The bench drives a plain
// Playwright browser: it needs page.evaluate and browser.newContext only, not
// the suite's engine-neutral page drivers.
import { chromium } from 'playwright-core';
import { EXECUTABLE } from '../tests/browser/engines/chromium.js';

export { startServer } from '../scripts/serve.js';

export function launchChromium() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}
