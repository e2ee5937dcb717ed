// Soak benchmark (not a test), run by `cargo xtask soak`: a kiosk left alone
// all day. SOAK_CYCLES (default 1,000) cycles of: select a partner in the
// list, open an article it appears in, wait for the idle reset to the map.
// Prints JS heap and wasm memory (after a forced GC) at start, middle and end.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/browser.js';

const base = process.env.BENCH_BASE_URL;
const cycles = Number(process.env.SOAK_CYCLES || 1000);
if (!base) throw new Error('run with `cargo xtask soak`');

const browser = await chromium.launch({
  ...chromiumLaunchOptions,
  args: [...chromiumLaunchOptions.args, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
// A kiosk of the district: Japanese, whatever the machine's language.
const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'ja-JP' });
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm));
});
const cdp = await page.context().newCDPSession(page);
await page.goto(base + '/partners?kiosk=1&idle=1');
const table = page.getByRole('table', { name: '提携都市' });
await table.waitFor();
const names = await table.getByRole('row').locator('th[scope=row] a').allTextContents();

async function memory() {
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(() => ({
    heap: performance.memory.usedJSHeapSize,
    wasm: window.__wasm ? window.__wasm.memory.buffer.byteLength : NaN,
    nodes: document.getElementsByTagName('*').length,
  }));
}

const samples = [];
const mib = (n) => (n / 2 ** 20).toFixed(2) + ' MiB';
const started = Date.now();
for (let i = 0; i <= cycles; i++) {
  if (i === 0 || i === Math.floor(cycles / 2) || i === cycles) {
    const m = await memory();
    samples.push([i, m]);
    console.log(`cycle ${String(i).padStart(5)}: JS heap ${mib(m.heap)}, wasm memory ${mib(m.wasm)}, DOM elements ${m.nodes}`);
  }
  if (i === cycles) break;
  await table.getByRole('link', { name: names[i % names.length], exact: true }).tap();
  await page.getByRole('region').getByRole('link').first().tap();
  await page.getByRole('heading', { level: 1 }).and(page.locator('.article__title')).waitFor();
  await page.waitForURL(/\/partners$/, { timeout: 10_000 });
  await table.waitFor();
}
await browser.close();
const [first, last] = [samples[0][1], samples[samples.length - 1][1]];
console.log(`\n${cycles} cycles in ${((Date.now() - started) / 60000).toFixed(1)} min; JS heap ${mib(first.heap)} → ${mib(last.heap)}, wasm memory ${mib(first.wasm)} → ${mib(last.wasm)}`);
