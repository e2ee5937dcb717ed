// The app starts only from the build's own bytes: the main module and its
// glue are fetched with their integrity (xtask/src/split/start.rs), so a
// changed byte is refused. When the app cannot start, a published page
// stays as it is, its own controls working; the shell says so in the
// reader's language instead of staying blank.
// Playwright's own `test`: the app never runs here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { label } from '../support/labels.js';
import { articlePage } from '../support/pages.js';
import { appFiles } from '../support/parts.js';
import { sampleData } from '../support/site.js';

const seed = sampleData('articles/595305.json');
const paragraphs = seed.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);

const served = (file) => readFileSync(join(process.env.E2E_SITE_ROOT, file));
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Serves `file` with one byte flipped (at `at`, counted from its end). */
async function tamper(page, file, at = 1) {
  const bytes = Buffer.from(served(file));
  bytes[bytes.length - at] ^= 0x01;
  const contentType = file.endsWith('.js') ? 'text/javascript' : 'application/wasm';
  await page.route((url) => url.pathname === file, (route) => route.fulfill({ status: 200, contentType, body: bytes }));
}

/** Whether the browser refused `file` for its integrity (Chromium's words). */
const refused = (messages, file) =>
  messages.some((m) => m.includes("Failed to find a valid digest in the 'integrity' attribute for resource") && m.includes(file));

/** The page's console messages, as they come. */
function watch(page) {
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  return messages;
}

test('every page fetches the app with the integrity of the files served; the shell preloads them at once, a published page not', async ({ request }) => {
  const { wasm, js, loader } = await appFiles(request);
  const escaped = (text) => text.replace(/[+/.]/g, '\\$&');
  for (const [address, published] of [['/', true], ['/news/595305', true], ['/partners', true], ['/index.html', false]]) {
    const html = await (await request.get(address)).text();
    expect(html.includes('<div id="published">'), address).toBe(published);
    expect(html, address).toContain(`fetch('${wasm}', { integrity: '${sri(served(wasm))}', cache })`);
    for (const file of [js, loader]) expect(html, address).toContain(`preload('${file}', '${sri(served(file))}')`);
    expect(html, address).toContain(`await import('${js}')`);
    expect(html, address).not.toContain('import init');
    // The shell's own preloads, each with its integrity; none on a published page.
    for (const file of [js, wasm, loader]) {
      const tag = new RegExp(`<link rel="(module)?preload" href="${escaped(file)}"[^>]* integrity="${escaped(sri(served(file)))}"`);
      expect(tag.test(html), `${address} preloads ${file}`).toBe(!published);
    }
  }
});

test('a flipped byte in the main module is refused: the published article stays, and its controls work', async ({ page, request }) => {
  const { wasm } = await appFiles(request);
  await tamper(page, wasm);
  const messages = watch(page);
  await page.goto('/news/595305');
  await expect.poll(() => messages.some((m) => /the app could not start/.test(m))).toBe(true);
  // Refused for its integrity, not compiled or run.
  expect(refused(messages, wasm)).toBe(true);
  expect(messages.some((m) => /CompileError/.test(m))).toBe(false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  for (const paragraph of paragraphs) await expect(page.getByText(paragraph, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The page's own controls go on working.
  const { size } = articlePage(page);
  await size('font_small').click();
  await expect(size('font_small')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-font-scale', 'small');
});

for (const [what, pick] of [
  ['main module', (files) => files.wasm],
  ['glue', (files) => files.js],
]) {
  for (const lang of ['ja', 'zh', 'en']) {
    test(`a tampered ${what} on a page not published: the shell says so (${lang})`, async ({ page, request }) => {
      const file = pick(await appFiles(request));
      await tamper(page, file, 100);
      const messages = watch(page);
      await page.goto(`/news/e2e-never-published?lang=${lang}`);
      const alert = page.getByRole('alert');
      await expect(alert.getByRole('heading', { level: 1 })).toHaveText(label('app_failed_heading', lang));
      await expect(alert).toContainText(label('app_failed', lang));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page).toHaveTitle(label('app_failed_heading', lang));
      expect(refused(messages, file)).toBe(true);
      // Reloading, once the file is whole again, starts the app.
      await page.unrouteAll();
      await alert.getByRole('link', { name: label('retry', lang) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found', lang));
    });
  }
}

test('the shell\'s message follows the remembered language, else the browser\'s', async ({ browser, request, baseURL }) => {
  const { wasm } = await appFiles(request);
  for (const [options, init, cookie, lang] of [
    [{ locale: 'zh-CN' }, null, null, 'zh'],
    [{ locale: 'fr-FR' }, null, null, 'ja'],
    [{ locale: 'ja-JP' }, 'en', null, 'en'],
    [{ locale: 'ja-JP' }, null, 'zh', 'zh'],
    [{ locale: 'en-US' }, 'en', 'ja', 'ja'],
  ]) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    if (init) await page.addInitScript((l) => localStorage.setItem('changning-reader.language', l), init);
    if (cookie) await context.addCookies([{ name: 'reader_lang', value: cookie, url: baseURL }]);
    await tamper(page, wasm);
    await page.goto('/news/e2e-never-published');
    await expect(page.getByRole('alert').getByRole('heading', { level: 1 })).toHaveText(label('app_failed_heading', lang));
    await context.close();
  }
});
