// Benchmark (not a test): time to first map render, and frame times and DOM
// changes during a scripted pan and zoom, for 7, 1,000 and 10,000 partners.
// Run through `cargo xtask bench`.
import { partnersData } from './partners-data.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Rows of [partners, first render ms, frame median ms, frame p95 ms, DOM changes]. */
export async function mapFigures(browser, base, site) {
const rows = [];
for (const n of [7, 1000, 10000]) {
  const data = n === 7 ? JSON.parse(readFileSync(join(site, 'data/cities.json'), 'utf8')) : partnersData(n);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.route('**/data/cities.json', (route) => route.fulfill({ json: data }));
  // The app's map: a published page shows the sample's map before the app
  // runs (its markers do not move), so the app's is the one once it has
  // taken over (`html[data-app=running]`, the published copy gone).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const root = document.documentElement;
      if (
        root.getAttribute('data-app') === 'running' &&
        !document.getElementById('published') &&
        document.querySelector('.map-marker, .map-cluster')
      ) {
        requestAnimationFrame(() => {
          window.__mapReady = performance.now();
        });
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-app'] });
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
  rows.push([n, firstRender, quantile(frames, 0.5), quantile(frames, 0.95), mutations]);
  await context.close();
}
return rows;
}
