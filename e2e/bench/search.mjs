// The site search's cost to a reader (not a test), run by `cargo xtask bench
// archive` on each generated archive it publishes: for pairs of queries, in a
// fresh browser each, the bytes a first search downloads (Pagefind's script,
// worker and wasm, every part's entry and meta, the chunks the words need,
// the ten results' fragments) and a second, different one, and the time from
// Enter in the header's box to the first result painted; unthrottled and on a
// slow phone (4x CPU, fast 4G: the page's CPU and network; Pagefind's worker
// runs and fetches unthrottled, so those times are a lower bound). Prints
// one Markdown row per condition.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../support/browser.js';
import { newPage, SLOW_PHONE } from './throttle.mjs';

const base = process.env.BENCH_BASE_URL;
const site = process.env.BENCH_SITE;
const articles = process.env.BENCH_ARTICLES || '?';
if (!base || !site) throw new Error('run with `cargo xtask bench archive`');

const PAIRS = [
  ['防災訓練', '交流会'],
  ['枚方', '清掃活動'],
  ['ひらかた', '健康講座'],
  ['第123回', '区役所'],
  ['Hirakata', '子ども教室'],
];

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const ms = (n) => `${Math.round(n)} ms`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The bytes a response took on the wire. Where Chromium did not see the body
 * (a worker's fetch under emulation), the file as nginx sends it: scripts and
 * JSON gzipped, Pagefind's own files as they are (already compressed).
 */
async function wireSize(request) {
  const sizes = await request.sizes().catch(() => null);
  if (sizes && sizes.responseBodySize > 0) return sizes.responseBodySize + sizes.responseHeadersSize;
  const path = decodeURIComponent(new URL(request.url()).pathname);
  const file = path.startsWith('/pagefind/') ? join(site, 'published', path) : join(site, path);
  if (!existsSync(file)) return 0;
  const bytes = readFileSync(file);
  return /\.(js|json)$/.test(path) ? gzipSync(bytes, { level: 6 }).length : bytes.length;
}

/** One search from the header's box: bytes fetched and ms from Enter to the first result. */
async function searchOnce(page, context, query) {
  const requests = [];
  const seen = (request) => requests.push(request);
  context.on('requestfinished', seen);
  const box = page.getByRole('searchbox').first();
  await box.fill(query);
  await page.evaluate((query) => {
    window.__shown = undefined;
    // Shown: the heading names this query, and the list is not the one
    // before Enter (its items may be reused) or the page says nothing matched.
    const listed = () => [...document.querySelectorAll('.search-results__item a')].map((a) => a.href).join(' ');
    const before = listed();
    const shown = () =>
      document.querySelector('h1')?.textContent.includes(query) &&
      ((listed() !== '' && listed() !== before) || document.querySelector('main .search__message'));
    const observer = new MutationObserver(() => {
      if (shown()) {
        observer.disconnect();
        requestAnimationFrame(() => (window.__shown ??= performance.now()));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    window.__enter = performance.now();
  }, query);
  await box.press('Enter');
  await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 120_000 });
  const time = await page.evaluate(() => window.__shown - window.__enter);
  // Everything the search asked for has arrived once the network is quiet.
  await page.waitForLoadState('networkidle').catch(() => {});
  context.off('requestfinished', seen);
  let bytes = 0;
  for (const request of requests) bytes += await wireSize(request);
  return { bytes, time, files: requests.length };
}

async function pair(browser, [first, second], throttle) {
  // A first visit: no service worker (which would fetch each file again
  // beside the page's own request, and is not throttled).
  const { context, page } = await newPage(browser, throttle, { serviceWorkers: 'block' });
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'), null, { timeout: 120_000 });
  await page.waitForLoadState('networkidle').catch(() => {});
  const a = await searchOnce(page, context, first);
  const b = await searchOnce(page, context, second);
  await context.close();
  return [a, b];
}

const browser = await chromium.launch(chromiumLaunchOptions);
const parts = JSON.parse(readFileSync(join(site, 'published/pagefind/parts.json'), 'utf8')).length;
for (const [name, throttle] of [['unthrottled', null], ['4x CPU, fast 4G', SLOW_PHONE]]) {
  const firsts = [];
  const seconds = [];
  for (const queries of PAIRS) {
    const [a, b] = await pair(browser, queries, throttle);
    firsts.push(a);
    seconds.push(b);
  }
  const pick = (xs, key) => median(xs.map((x) => x[key]));
  console.log(
    `| ${articles} | ${parts} | ${name} | ${kib(pick(firsts, 'bytes'))} (${pick(firsts, 'files')} files) | ${ms(pick(firsts, 'time'))} | ${kib(pick(seconds, 'bytes'))} (${pick(seconds, 'files')} files) | ${ms(pick(seconds, 'time'))} |`,
  );
}
await browser.close();
