// Nothing of the app competes with a published page's first paint (#25): the
// page's head preloads none of it, and its start script fetches the app once
// the page has painted its content (then on load or when idle), or at once
// when the reader presses what only the app does (読み上げ, ふりがな), which
// the page's own script keeps and presses again once the app runs. The
// shell (a page not published) starts the app at once (app-start.spec.js).
// Playwright's own `test`: these look at the page before the app runs.
import { test, expect } from '@playwright/test';
import { label } from '../support/labels.js';
import { articlePage } from '../support/pages.js';
import { appFiles } from '../support/parts.js';
import { fontSize, sampleData } from '../support/site.js';
import { installSpeech, said } from '../support/speech.js';
import { appRunning } from '../support/test.js';

const seed = sampleData('articles/595305.json');

/** What only the app fetches: its modules, its parts and the data it reads. */
const ofTheApp = (path) => /^\/(changning-reader-|wasm-split-|split_|chunk_)/.test(path) || path.startsWith('/data/');

/** Holds every request for the app's own modules (glue, loader, main
 *  module) until `release()`; `asked()` tells whether one was made. */
async function holdAppModules(page) {
  let release, asked = false;
  const released = new Promise((resolve) => (release = resolve));
  await page.route((url) => /^\/(changning-reader-|wasm-split-)/.test(url.pathname), async (route) => {
    asked = true;
    await released;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/** Keeps the page from finishing its load (an image that does not come
 *  until `release()`) and takes away the browser's idle callback: the app
 *  can then start only because the reader asked for it. */
async function neverLoadedNorIdle(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/e2e-slow-image.png', async (route) => {
    await released;
    await route.fulfill({ status: 404 });
  });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'requestIdleCallback', { value: undefined, configurable: true });
    document.addEventListener('DOMContentLoaded', () => {
      const image = document.createElement('img');
      image.src = '/e2e-slow-image.png';
      image.alt = '';
      document.body.append(image);
    });
  });
  return release;
}

for (const [address, lang] of [['/news/595305', 'ja'], ['/news/595305?lang=en', 'en'], ['/partners?lang=zh', 'zh'], ['/', 'ja'], ['/news/595305/print', 'ja']]) {
  test(`${address}: nothing of the app is asked for before the first paint, and the app then starts by itself`, async ({ page }) => {
    const response = await page.goto(address);
    expect(await response.text()).toContain('<div id="published">');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // No reader action: the app starts once the page has painted.
    await appRunning(page);
    const { paint, requests } = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      requests: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, start: r.startTime })),
    }));
    expect(paint, 'the page painted its content').toBeGreaterThan(0);
    const app = requests.filter((r) => ofTheApp(r.path));
    // Not vacuous: the app's main module and glue are among them.
    expect(app.some((r) => r.path.endsWith('_bg.wasm'))).toBe(true);
    expect(app.some((r) => /^\/changning-reader-[0-9a-f]+\.js$/.test(r.path))).toBe(true);
    expect(app.filter((r) => r.start <= paint), `asked for before the first paint at ${paint} ms`).toEqual([]);
  });
}

test('大 pressed before the app arrives still applies once it runs', async ({ page }) => {
  const app = await holdAppModules(page);
  await page.goto('/news/595305');
  const { size } = articlePage(page);
  const paragraph = page.locator('.article-body__paragraph').first();
  const medium = await fontSize(paragraph);
  await size('font_large').click();
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-font-scale', 'large');
  expect(await fontSize(paragraph)).toBeGreaterThan(medium);
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
  app.release();
  await appRunning(page);
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
  await expect(size('font_medium')).toHaveAttribute('aria-pressed', 'false');
  expect(await fontSize(paragraph)).toBeGreaterThan(medium);
});

test('閉じる pressed before the app arrives closes a window that a script opened', async ({ page, context }) => {
  // The popup's app is held (the context's routes cover the popup too).
  const app = await holdAppModules(context);
  await page.goto('/');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate(() => window.open('/news/595305', '_blank')),
  ]);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  expect(await popup.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
  const click = articlePage(popup).close.click().catch((error) => {
    if (!popup.isClosed()) throw error;
  });
  await Promise.all([popup.waitForEvent('close'), click]);
  expect(popup.isClosed()).toBe(true);
  app.release();
});

test('閉じる pressed before the app arrives, on a page reached from the column, goes back to it', async ({ page }) => {
  const app = await holdAppModules(page);
  await page.goto('/');
  await page.getByRole('link', { name: seed.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await articlePage(page).close.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: seed.title })).toBeVisible();
  app.release();
});

for (const [how, options] of [['opened directly', {}], ['reached from another site', { referer: 'https://elsewhere.example/' }]]) {
  test(`閉じる pressed before the app arrives, on a page ${how}, goes to the column`, async ({ page }) => {
    const app = await holdAppModules(page);
    await page.goto('/news/595305', options);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await articlePage(page).close.click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('link', { name: seed.title })).toBeVisible();
    app.release();
  });
}

test('読み上げ pressed before the app is there fetches it, and the reading starts once it runs', async ({ page }) => {
  await installSpeech(page);
  const releaseImage = await neverLoadedNorIdle(page);
  await page.goto('/news/595305', { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  const read = page.getByRole('button', { name: label('read_aloud'), exact: true });
  await expect(read).toBeEnabled();
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
  await read.click();
  // The page has not finished loading (its image is held) and is never
  // idle: the press is what fetched the app.
  await appRunning(page);
  expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
  await expect.poll(() => said(page)).toHaveLength(1);
  expect(seed.title).toContain((await said(page))[0].text);
  await expect(page.getByRole('status').filter({ hasText: label('read_aloud_reading') })).toBeVisible();
  await expect(page.getByRole('button', { name: label('read_aloud_pause') })).toBeFocused();
  releaseImage();
});

test('ふりがな pressed before the app arrives shows pressed at once, and the readings come once it runs', async ({ page }) => {
  const app = await holdAppModules(page);
  await page.goto('/news/595305');
  const toggle = page.getByRole('button', { name: label('furigana') });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => app.asked()).toBe(true);
  await expect(page.locator('ruby')).toHaveCount(0);
  app.release();
  await appRunning(page);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('ruby', { hasText: /^長寧/ }).first().locator('rt')).toHaveText('ちょうねい');
});

test('ふりがな pressed twice before the app arrives stays as it was, off', async ({ page }) => {
  const app = await holdAppModules(page);
  await page.goto('/news/595305');
  const toggle = page.getByRole('button', { name: label('furigana') });
  await toggle.click();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  app.release();
  await appRunning(page);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // The app has the article's text in place, with no readings over it.
  await expect(page.locator('.article-body__paragraph').first()).toBeVisible();
  await expect(page.locator('ruby')).toHaveCount(0);
});

test('a flipped byte in the glue is refused on a published page: the article stays, its own controls working', async ({ page, request }) => {
  const { js } = await appFiles(request);
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.route((url) => url.pathname === js, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 10] ^= 0x01;
    await route.fulfill({ response, body });
  });
  await page.goto('/news/595305');
  await expect.poll(() => messages.some((m) => /the app could not start/.test(m))).toBe(true);
  expect(messages.some((m) => m.includes("Failed to find a valid digest in the 'integrity' attribute for resource") && m.includes(js))).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The page's own controls go on working.
  await articlePage(page).size('font_large').click();
  await expect(page.locator('html')).toHaveAttribute('data-font-scale', 'large');
});
