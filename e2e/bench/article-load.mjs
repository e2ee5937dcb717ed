// Benchmark (not a test): prints the transfer sizes of the release build and
// the time from navigation to the article's h1 being painted, over 10 cold
// loads in headless Chromium. Run through `cargo xtask bench`.
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../support/browser.js';

const base = process.env.BENCH_BASE_URL;
const dist = process.env.BENCH_DIST;
const route = process.env.BENCH_ROUTE || '/news/595305';
const loads = Number(process.env.BENCH_LOADS || 10);
if (!base || !dist) throw new Error('run with `cargo xtask bench`');

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
console.log('asset sizes (gzip at nginx level 6)');
console.log('  kind        raw          gzip');
for (const ext of ['wasm', 'js', 'css']) {
  const files = readdirSync(dist).filter((f) => f.endsWith('.' + ext));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 6 }).length;
  }
  console.log(`  ${ext.padEnd(5)} ${kb(raw)} ${kb(gz)}   (${files.length} file${files.length === 1 ? '' : 's'})`);
}

const browser = await chromium.launch(chromiumLaunchOptions);
const times = [];
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext(); // cold cache every load
  const page = await context.newPage();
  await page.goto(base + route);
  // The browser's own paint time of the h1 (Element Timing), since navigation start.
  const paint = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.identifier === 'article-title');
          if (entry) resolve(entry.renderTime || entry.loadTime);
        }).observe({ type: 'element', buffered: true });
      }),
  );
  times.push(paint);
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
console.log(`\ntime to article h1 painted, ${route}, ${loads} cold loads (unthrottled, loopback nginx)`);
console.log(`  median ${median.toFixed(0)} ms   min ${times[0].toFixed(0)} ms   max ${times[times.length - 1].toFixed(0)} ms`);
