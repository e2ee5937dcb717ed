// Takes screenshots (and optionally a print PDF) of pages of a running build,
// for people to look at: node tools/screenshot.mjs BASE_URL OUT_DIR [path@width ...] [--pdf path]
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { chromiumLaunchOptions } from '../support/browser.js';

const [base, out, ...specs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
let pdfNext = false;
for (const spec of specs) {
  if (spec === '--pdf') { pdfNext = true; continue; }
  const [path, width = '1280', scheme = 'light', extent = 'full'] = spec.split('@');
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme, locale: 'ja-JP' });
  await page.goto(base + path);
  await page.locator('h1').first().waitFor();
  const name = (path.replace(/[^a-z0-9]+/gi, '_') || 'root') + `_${width}_${scheme}`;
  if (pdfNext) {
    await page.pdf({ path: `${out}/${name}.pdf`, preferCSSPageSize: true });
    pdfNext = false;
  } else {
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: extent === 'full' });
  }
  console.log(name);
  await page.close();
}
await browser.close();
