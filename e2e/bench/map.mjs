// Benchmark (not a test): time to first map render, and frame times and DOM
// changes during a scripted pan and zoom, for 7, 1,000 and 10,000 partners.
// Run through `cargo xtask bench`.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/browser.js';
import { partnersData } from './partners-data.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.BENCH_BASE_URL;
const dist = process.env.BENCH_DIST;
if (!base || !dist) throw new Error('run with `cargo xtask bench`');

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const browser = await chromium.launch(chromiumLaunchOptions);
console.log('\npartner map (loopback nginx, unthrottled)');
console.log('  partners   first render   frame median   frame p95   DOM changes during pan+zoom');
for (const n of [7, 1000, 10000]) {
  const data = n === 7 ? JSON.parse(readFileSync(join(dist, 'data/cities.json'), 'utf8')) : partnersData(n);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/data/cities.json', (route) => route.fulfill({ json: data }));
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.map-marker, .map-cluster')) {
        requestAnimationFrame(() => {
          window.__mapReady = performance.now();
        });
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(base + '/partners');
  await page.waitForFunction(() => window.__mapReady !== undefined, null, { timeout: 60_000 });
  const firstRender = await page.evaluate(() => window.__mapReady);

  const svg = page.locator('.partner-map__svg');
  const box = await svg.boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    window.__frames = [];
    window.__mutations = 0;
    window.__observer = new MutationObserver((list) => {
      window.__mutations += list.length;
    });
    window.__observer.observe(document.querySelector('.partner-map__svg'), { subtree: true, childList: true, attributes: true });
    const loop = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -120);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(cx + Math.sin(i / 6) * 200, cy + Math.cos(i / 6) * 80);
  await page.mouse.up();
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 120);
  const { frames, mutations } = await page.evaluate(() => {
    window.__stop = true;
    window.__observer.disconnect();
    const f = window.__frames;
    return { frames: f.slice(1).map((t, i) => t - f[i]), mutations: window.__mutations };
  });
  console.log(
    `  ${String(n).padStart(8)}   ${firstRender.toFixed(0).padStart(9)} ms   ${quantile(frames, 0.5).toFixed(1).padStart(9)} ms   ${quantile(frames, 0.95).toFixed(1).padStart(6)} ms   ${String(mutations).padStart(8)}`,
  );
  await context.close();
}
await browser.close();
