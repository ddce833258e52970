// `node bench/load-core.js [samples]`: loadCore() in Chromium as a first visit
// (a fresh browser context per sample: no HTTP cache, no code cache), with
// where the time goes: glue import, fetch + compile, instantiate, Embind init.
// Prints medians; the SIMD build is measured (what Chromium loads).
import { launchChromium, startServer } from './chromium.js';

const samples = Number(process.argv[2] ?? 15);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function sample(browser, url, measure) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.loadCorePageReady === true);
    return await page.evaluate((name) => window[name](), measure);
  } finally {
    await context.close();
  }
}

const server = await startServer();
const browser = await launchChromium();
try {
  const url = `${server.url}/bench/load-core.html`;
  const runs = { measureLoadCore: [], measurePhases: [] };
  for (let i = 0; i < samples; i += 1) {
    // Interleaved, so both see the same machine load.
    for (const measure of Object.keys(runs)) runs[measure].push(await sample(browser, url, measure));
  }
  const summary = {};
  for (const results of Object.values(runs)) {
    for (const key of Object.keys(results[0])) summary[key] = +median(results.map((r) => r[key])).toFixed(1);
  }
  console.log(`Chromium ${browser.version()}, ${samples} fresh contexts, medians (ms):`);
  console.table(summary);
} finally {
  await browser.close();
  await server.close();
}
