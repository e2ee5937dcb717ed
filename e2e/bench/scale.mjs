// Benchmark (not a test): a cities.json of 10,000, 30,000 and 100,000
// partners (varied names, many sharing prefixes). For each: time to the map
// page's heading, and until the app shows the map of all those partners;
// the same for the article (which links partner names); and the longest
// main-thread task on each page. Run through `cargo xtask bench`.
import { partnersData } from './partners-data.mjs';

/** Watches from the start of the page: when `selector` first appears, and every long task. */
function observe(selector) {
  window.__seen = {};
  window.__longest = 0;
  window.__lastBusy = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longest = Math.max(window.__longest, e.duration);
      window.__lastBusy = Math.max(window.__lastBusy, e.startTime + e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    for (const s of selector) {
      if (window.__seen[s] === undefined && document.querySelector(s)) {
        requestAnimationFrame(() => (window.__seen[s] ??= performance.now()));
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

async function measure(browser, base, body, path, selectors, settleOn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.route('**/data/cities.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await page.addInitScript(observe, selectors);
  await page.goto(base + path);
  await page.waitForFunction((s) => window.__seen[s] !== undefined, settleOn, { timeout: 180_000 });
  // Work the page does after its content (linking, markers) counts too:
  // wait until no long task has run for two seconds.
  await page.waitForFunction(() => performance.now() - window.__lastBusy > 2000, null, {
    timeout: 180_000,
    polling: 250,
  });
  const figures = await page.evaluate(() => ({ seen: window.__seen, longest: window.__longest }));
  await context.close();
  return figures;
}

/** Rows of [partners, MiB, map heading, the app's map shown, longest task (map), article h1, the app's article shown, longest task (article)], in ms. */
export async function scaleFigures(browser, base) {
  const rows = [];
  for (const n of [10_000, 30_000, 100_000]) {
    const body = JSON.stringify(partnersData(n));
    // The published page paints its heading at once; what counts is the app
    // showing the map of all those partners (`html[data-app]`: taken over).
    const app = 'html[data-app]';
    const map = await measure(browser, base, body, '/partners', ['h1', app], app);
    const article = await measure(browser, base, body, '/news/595305', ['h1', app], app);
    rows.push([
      n,
      (body.length / 2 ** 20).toFixed(1),
      map.seen.h1,
      map.seen[app],
      map.longest,
      article.seen.h1,
      article.seen[app],
      article.longest,
    ]);
  }
  return rows;
}
