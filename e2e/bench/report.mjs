// The benchmark report (not a test), run by `cargo xtask bench`: transfer
// sizes, time to the article's h1 and to the map's partner controls for the
// app and for a static HTML page of the same article, unthrottled and on a
// slow phone (4x CPU, fast 4G), the partner map at scale, a 2,000-block
// article, and Lighthouse. Printed as Markdown and written to BENCH_REPORT.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../support/browser.js';
import { mapFigures } from './map.mjs';
import { scaleFigures } from './scale.mjs';
import { newPage, SLOW_PHONE } from './throttle.mjs';

const base = process.env.BENCH_BASE_URL;
const site = process.env.BENCH_SITE;
const staticPage = process.env.BENCH_STATIC_PAGE;
const reportPath = process.env.BENCH_REPORT;
const LOADS = Number(process.env.BENCH_LOADS || 10);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 5);
if (!base || !site || !staticPage) throw new Error('run with `cargo xtask bench`');

const out = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${Math.round(n)} ms`;
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};


/**
 * The bytes a response took on the wire, as nginx sent it. Chromium reports
 * -1 for a response whose body size it did not see (under network emulation,
 * the parts the page's own script fetched for the app); for those, what nginx
 * sends a browser that takes Brotli: the copy beside the file, else the file
 * gzipped as nginx gzips it (level 6).
 */
async function wireSize(request) {
  const sizes = await request.sizes().catch(() => null);
  if (sizes && sizes.responseBodySize >= 0) return sizes.responseBodySize;
  const file = join(site, decodeURIComponent(new URL(request.url()).pathname));
  if (existsSync(`${file}.br`)) return readFileSync(`${file}.br`).length;
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 6 }).length : 0;
}

/** A downloaded file of the app by what it is: the app's module, or the part's name. */
const partName = (path) => {
  const file = path.split('/').pop().replace(/-[0-9a-f]{8,}(?=[._])/, '');
  return file.startsWith('changning-reader') ? (file.endsWith('.wasm') ? 'app' : 'glue') : file.replace(/\.(wasm|js)$/, '');
};


/** Time from navigation start to the h1 painted (Element Timing). */
async function timeToH1(browser, path, throttle) {
  const { context, page } = await newPage(browser, throttle);
  await page.goto(base + path);
  const t = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.identifier === 'article-title');
          if (entry) resolve(entry.renderTime || entry.loadTime);
        }).observe({ type: 'element', buffered: true });
      }),
  );
  await context.close();
  return t;
}

/**
 * Times from navigation start: the text-size control painted and answering
 * (on a published page the page's own script answers it before the app), and
 * the app running its controls (`<html data-app>`).
 */
async function timeToControls(browser, path, throttle) {
  const { context, page } = await newPage(browser, throttle);
  await page.addInitScript(() => {
    const seen = (name) => requestAnimationFrame(() => (window[name] ??= performance.now()));
    new MutationObserver(() => {
      if (document.querySelector('[data-prelude^="font-scale"]')) seen('__sizeReady');
      if (document.documentElement.hasAttribute('data-app')) seen('__appReady');
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(base + path);
  await page.waitForFunction(() => window.__sizeReady !== undefined && window.__appReady !== undefined, null, { timeout: 120_000 });
  const t = await page.evaluate(() => ({ size: window.__sizeReady, app: window.__appReady }));
  await context.close();
  return t;
}

/** Time from navigation start to the first frame with the map's partner controls. */
async function timeToMap(browser, throttle) {
  const { context, page } = await newPage(browser, throttle);
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.map-marker__link')) {
        requestAnimationFrame(() => (window.__mapReady = performance.now()));
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(base + '/partners');
  await page.waitForFunction(() => window.__mapReady !== undefined, null, { timeout: 60_000 });
  const t = await page.evaluate(() => window.__mapReady);
  await context.close();
  return t;
}

async function repeat(n, f) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(await f());
  return xs;
}

/** Transfer (encoded) and raw bytes per kind of resource for one cold load. */
async function transfer(browser, path, ready) {
  const { context, page } = await newPage(browser, null);
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto(base + path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  const kinds = {};
  for (const r of responses) {
    const url = new URL(r.url());
    const kind = url.pathname.endsWith('.wasm') ? 'wasm'
      : url.pathname.endsWith('.js') ? 'JS'
      : url.pathname.endsWith('.css') ? 'CSS'
      : url.pathname.endsWith('.json') ? 'data'
      : 'HTML';
    const transfer = await wireSize(r.request());
    const raw = (await r.body().catch(() => Buffer.alloc(0))).length;
    kinds[kind] ??= { transfer: 0, raw: 0, files: 0 };
    kinds[kind].transfer += transfer;
    kinds[kind].raw += raw;
    kinds[kind].files += 1;
  }
  await context.close();
  return kinds;
}

/**
 * The wasm and JS a page has transferred by the time it works (the app runs,
 * and shows `ready` if given), one cold load: the app in parts downloads a
 * part only when the page needs it.
 */
async function transferUntilReady(browser, path, ready, throttle) {
  const { context, page } = await newPage(browser, throttle);
  const finished = [];
  page.on('requestfinished', (r) => finished.push(r));
  await page.goto(base + path);
  // (A function, not a string: the site's policy forbids eval.)
  await page.waitForFunction(
    (need) =>
      document.documentElement.getAttribute('data-app') === 'running' &&
      (!need || !!document.querySelector(need)),
    ready,
    { timeout: 120_000 },
  );
  const done = [...finished];
  const t = await page.evaluate(() => performance.now());
  const sum = { wasm: 0, js: 0, wasmFiles: 0, jsFiles: 0, names: [] };
  for (const r of done) {
    const name = new URL(r.url()).pathname;
    const kind = name.endsWith('.wasm') ? 'wasm' : name.endsWith('.js') ? 'js' : null;
    if (!kind) continue;
    sum[kind] += await wireSize(r);
    sum[`${kind}Files`] += 1;
    if (kind === 'wasm') sum.names.push(partName(name));
  }
  await context.close();
  return { ...sum, t };
}

/** Which element Lighthouse took as the largest contentful paint. */
function lcpElement(audits) {
  const items = audits['lcp-breakdown-insight']?.details?.items ?? [];
  const node = items.find((item) => item.type === 'node');
  return node ? node.selector.split(' > ').at(-1) : '—';
}

async function lighthouseScores(path) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({
    chromePath: chromiumLaunchOptions.executablePath,
    chromeFlags: ['--headless=new', '--lang=ja-JP', ...chromiumLaunchOptions.args],
  });
  try {
    // As a Japanese reader's browser asks (the server sends a published page in
    // the reader's language; Lighthouse's browser would otherwise ask for English).
    const result = await lighthouse(base + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      extraHeaders: { 'Accept-Language': 'ja-JP,ja;q=0.9' },
    });
    const { categories, audits, runtimeError } = result.lhr;
    // A run Lighthouse could not complete has no scores: it is counted as
    // failed, not as a score of 0.
    if (runtimeError) throw new Error(runtimeError.code);
    if (categories.performance.score === null) throw new Error('no performance score');
    return {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      bestPractices: Math.round(categories['best-practices'].score * 100),
      seo: Math.round(categories.seo.score * 100),
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      lcpElement: lcpElement(audits),
    };
  } finally {
    await chrome.kill();
  }
}

const browser = await chromium.launch(chromiumLaunchOptions);
say('# Benchmarks');
say();
say(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB,`);
say(`headless Debian Chromium against nginx with deploy/nginx.conf on loopback. Produced by \`cargo xtask bench\`.`);

say();
say('## Transfer sizes (one cold load; transfer = as nginx sends it to Chromium: Brotli copies, else gzip)');
say();
say('| route | kind | files | transfer | raw |');
say('|---|---|---|---|---|');
const sizeRows = {};
for (const [path, ready] of [['/news/595305', 'h1'], ['/partners', '.map-marker__link']]) {
  const kinds = await transfer(browser, path, ready);
  sizeRows[path] = kinds;
  for (const [kind, v] of Object.entries(kinds)) say(`| ${path} | ${kind} | ${v.files} | ${kib(v.transfer)} | ${kib(v.raw)} |`);
}

say();
say('## What each page downloads before it works (the app in parts; one cold load)');
say();
say('"Works": the app runs its controls (text size on an article; the partner links on the map;');
say('the paper parts shown by the print view). Transfer as nginx sends it (Brotli copies).');
say();
say('| page | network | wasm | its files | JS | works after |');
say('|---|---|---|---|---|---|');
// Each page, and what shows that it works once the app runs.
const PAGES = [
  ['/news/595305', null],
  ['/partners', '.map-marker__link'],
  ['/news/595305/print', '.print-footer__qr'],
  ['/partners?kiosk=1', '.map-marker__link'],
];
const partsRows = {};
for (const [label, throttle] of [['unthrottled', null], ['4× CPU, fast 4G', SLOW_PHONE]]) {
  for (const [path, ready] of PAGES) {
    const r = await transferUntilReady(browser, path, ready, throttle);
    partsRows[`${path} ${label}`] = r;
    say(`| ${path} | ${label} | ${kib(r.wasm)} | ${r.names.sort().join(', ')} | ${kib(r.js)} (${r.jsFiles}) | ${ms(r.t)} |`);
  }
}

say();
say(`## Time to content (${LOADS} cold loads each; median / 95th percentile)`);
say();
say('| what | network | ours | static HTML | ours / static |');
say('|---|---|---|---|---|');
const ratios = {};
const controlTimes = {};
for (const [label, throttle] of [['unthrottled', null], ['4× CPU, fast 4G (150 ms, 1.6 Mbps)', SLOW_PHONE]]) {
  const ours = await repeat(LOADS, () => timeToH1(browser, '/news/595305', throttle));
  const floor = await repeat(LOADS, () => timeToH1(browser, staticPage, throttle));
  ratios[label] = median(ours) / median(floor);
  say(`| article h1 painted | ${label} | ${ms(median(ours))} / ${ms(quantile(ours, 0.95))} | ${ms(median(floor))} / ${ms(quantile(floor, 0.95))} | ${ratios[label].toFixed(2)} |`);
  const controls = await repeat(LOADS, () => timeToControls(browser, '/news/595305', throttle));
  const size = controls.map((c) => c.size);
  const app = controls.map((c) => c.app);
  controlTimes[label] = { size: median(size), app: median(app), floor: median(floor) };
  say(`| text size works (page's own script) | ${label} | ${ms(median(size))} / ${ms(quantile(size, 0.95))} | — | ${(median(size) / median(floor)).toFixed(2)} |`);
  say(`| the app runs its controls | ${label} | ${ms(median(app))} / ${ms(quantile(app, 0.95))} | — | ${(median(app) / median(floor)).toFixed(2)} |`);
  const map = await repeat(LOADS, () => timeToMap(browser, throttle));
  say(`| map partner controls ready | ${label} | ${ms(median(map))} / ${ms(quantile(map, 0.95))} | — | — |`);
}

say();
say("## Partner map at scale (the app's map shown, from navigation; frames and DOM changes during a scripted pan and zoom in it)");
say();
say('| partners | the app shows the map | frame median | frame p95 | DOM changes |');
say('|---|---|---|---|---|');
for (const [n, first, med, p95, mutations] of await mapFigures(browser, base, site)) {
  say(`| ${n} | ${ms(first)} | ${med.toFixed(1)} ms | ${p95.toFixed(1)} ms | ${mutations} |`);
}

say();
say('## A very large cities.json (varied names sharing prefixes)');
say();
say('Time from navigation; "longest task" is the longest the main thread was busy without a break');
say('(no input or paint could happen meanwhile), until two seconds passed without a long task.');
say();
say('| partners | file | map heading | the app shows the map | longest task, map | article h1 | the app shows the article | longest task, article |');
say('|---|---|---|---|---|---|---|---|');
for (const [n, mib, heading, shown, mapTask, h1, articleShown, articleTask] of await scaleFigures(browser, base)) {
  say(`| ${n.toLocaleString('en')} | ${mib} MiB | ${ms(heading)} | ${ms(shown)} | ${ms(mapTask)} | ${ms(h1)} | ${ms(articleShown)} | ${ms(articleTask)} |`);
}

say();
say('## A 2,000-block article');
say();
const blocks = Array.from({ length: 2000 }, (_, i) =>
  i % 25 === 0 ? { kind: 'heading', text: `第${i / 25 + 1}節` } : { kind: 'paragraph', text: `段落${i}。長い記事の表示にかかる時間を測るための文です。` },
);
writeFileSync(
  join(site, 'data/articles/bench-long.json'),
  JSON.stringify({ id: 'bench-long', lang: 'ja', title: '長い記事', published: '2021-10-14', blocks }),
);
const long = await repeat(5, () => timeToH1(browser, '/news/bench-long', null));
say(`Time to h1 painted (5 cold loads, unthrottled): median ${ms(median(long))}, max ${ms(Math.max(...long))}.`);
await browser.close();

say();
say('## Lighthouse (mobile, simulated throttling)');
say();
say(`${LIGHTHOUSE_RUNS} runs per route; the run with the median performance score is shown, and the`);
say("range of the performance score and LCP over all runs (Lighthouse's simulated LCP moves by seconds");
say('between runs of the same build: it counts the requests that had started when the page painted).');
say();
say('| route | performance | accessibility | best practices | SEO | LCP | LCP element | TBT | CLS | performance, LCP over the runs |');
say('|---|---|---|---|---|---|---|---|---|---|');
const lh = {};
for (const path of ['/news/595305', '/partners', '/']) {
  try {
    const runs = [];
    const failures = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      try {
        runs.push(await lighthouseScores(path));
      } catch (e) {
        failures.push(String(e.message).split('\n')[0]);
      }
    }
    if (runs.length === 0) throw new Error(failures.join('; '));
    runs.sort((a, b) => a.performance - b.performance);
    const s = runs[Math.floor(runs.length / 2)];
    lh[path] = s;
    const range = (xs, f) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
    const failed = failures.length ? `; ${failures.length} of ${LIGHTHOUSE_RUNS} runs failed (${[...new Set(failures)].join(', ')})` : '';
    const spread = `${range(runs.map((r) => r.performance), String)}, ${range(runs.map((r) => r.lcp), ms)}${failed}`;
    say(`| ${path} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${ms(s.lcp)} | \`${s.lcpElement}\` | ${ms(s.tbt)} | ${s.cls.toFixed(3)} | ${spread} |`);
  } catch (e) {
    say(`| ${path} | failed: ${String(e.message).split('\n')[0]} | | | | | | | | |`);
  }
}

say();
say('## Budgets');
say();
const articleParts = partsRows['/news/595305 unthrottled'];
const wasmGz = articleParts.wasm;
const jsGz = articleParts.js;
const check = (ok) => (ok ? 'met' : '**missed**');
say('| budget | measured | |');
say('|---|---|---|');
say(`| article: wasm transferred until the app runs ≤ 200 KiB | ${kib(wasmGz)} | ${check(wasmGz <= 200 * 1024)} |`);
say(`| article: JS transferred until the app runs ≤ 12 KiB | ${kib(jsGz)} | ${check(jsGz <= 12 * 1024)} |`);
const slow = controlTimes['4× CPU, fast 4G (150 ms, 1.6 Mbps)'];
if (slow) {
  const appRatio = slow.app / slow.floor;
  say(`| the app's text-size control works ≤ 3 × static HTML's h1, 4× CPU, fast 4G | ${appRatio.toFixed(2)} × | ${check(appRatio <= 3)} |`);
}
for (const [label, ratio] of Object.entries(ratios)) {
  say(`| time to h1 ≤ 1.1 × static HTML, ${label} | ${ratio.toFixed(2)} × | ${check(ratio <= 1.1)} |`);
}
for (const [path, s] of Object.entries(lh)) {
  say(`| Lighthouse performance ≥ 98, ${path} | ${s.performance} | ${check(s.performance >= 98)} |`);
  say(`| Lighthouse SEO 100, ${path} | ${s.seo} | ${check(s.seo === 100)} |`);
  say(`| Lighthouse accessibility 100, ${path} | ${s.accessibility} | ${check(s.accessibility === 100)} |`);
  say(`| LCP ≤ 1.5 s, ${path} | ${ms(s.lcp)} | ${check(s.lcp <= 1500)} |`);
  say(`| CLS 0, ${path} | ${s.cls.toFixed(3)} | ${check(s.cls === 0)} |`);
}
// What people wrote below the figures (why a budget is missed, the soak) is kept.
const KEPT = '<!-- Written by hand from here on: cargo xtask bench keeps it. -->';
if (reportPath) {
  const before = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '';
  const kept = before.includes(KEPT) ? before.slice(before.indexOf(KEPT)) : `${KEPT}\n`;
  writeFileSync(reportPath, `${out.join('\n')}\n\n${kept}`);
}
