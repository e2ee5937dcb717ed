// A published page is never replaced by an error that is not the server's
// word on the content (src/handover.rs): when the app cannot load what the
// page shows (a server error, no answer, bad data, a part of the app), the
// published page stays, says it could not be refreshed, and its retry lets
// the app take over once it can. A 404 or 410 still replaces it.
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { articlePage, mapPage } from '../support/pages.js';
import { partsOf } from '../support/parts.js';
import { sampleData } from '../support/site.js';

const seed = sampleData('articles/595305.json');
const column = sampleData('articles/index.json');
const paragraphs = seed.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);

/** The notice that the page could not be refreshed. */
const notice = (page) => page.getByRole('status').filter({ hasText: label('refresh_failed') });

const appRunning = (page) => page.waitForFunction(() => document.documentElement.getAttribute('data-app') === 'running');

/** The document title of the page published for `path`. */
async function publishedTitle(page, path) {
  const html = await (await page.request.get(path)).text();
  return /<title>([^<]*)<\/title>/.exec(html)[1].replace(/&amp;/g, '&');
}

/** The published page stays, with the notice and no error, under its own title. */
async function expectKept(page, { path, h1, texts }) {
  await expect(notice(page)).toBeVisible();
  await expect(page).toHaveTitle(await publishedTitle(page, path));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
  for (const text of texts) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: label('error_unavailable_heading') })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
}

/** Unrouted, the retry lets the app take over: the same page, no notice. */
async function retryTakesOver(page, { h1, texts }) {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.getByRole('button', { name: label('retry') }).click();
  await appRunning(page);
  await expect(notice(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
  for (const text of texts) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
}

const article = { path: '/news/595305', h1: seed.title, texts: paragraphs };
const columnPage = { path: '/', h1: column.column.title, texts: column.articles.slice(0, 3).map((a) => a.title) };
const map = { path: '/partners', h1: label('partners_title'), texts: [] };

/** Each kind of failure, each on the page it hits. */
const failures = [
  ['a 503 on the article', article, '**/data/articles/595305.json', (route) => route.fulfill({ status: 503, body: 'busy' })],
  ['no answer for the article', article, '**/data/articles/595305.json', (route) => route.abort('internetdisconnected')],
  ['a web page where the article was expected', article, '**/data/articles/595305.json', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Wi-Fi</title><p>Log in' })],
  ['a truncated article', article, '**/data/articles/595305.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(seed).slice(0, 200) })],
  ['a 500 on the partner cities, on an article', article, '**/data/cities.json', (route) => route.fulfill({ status: 500, body: '' })],
  ['a 502 on the column', columnPage, '**/data/articles/index.json', (route) => route.fulfill({ status: 502, body: '' })],
  ['a 500 on the partner cities', map, '**/data/cities.json', (route) => route.fulfill({ status: 500, body: '' })],
  ['no answer for the world map', map, '**/map/world-110m.json', (route) => route.abort('connectionreset')],
];

for (const [what, target, pattern, answer] of failures) {
  test(`${what}: the published page stays, says so, and a retry takes over`, async ({ page }) => {
    await page.route(pattern, answer);
    await page.goto(target.path);
    await expectKept(page, target);
    await retryTakesOver(page, target);
  });
}

/** A part of the app that 404s, on the page that needs it from its start. */
const missingParts = [
  // The published map's partners are there to follow; the app's zoom works once it took over.
  ['the map\'s', 'partners', { ...map, path: '/partners/sopot' }, (page) => expect(mapPage(page).marker('sopot')).toBeVisible(),
    (page) => expect(mapPage(page).zoomIn).toBeEnabled()],
  // The published print view's QR code; the app's, once the part is here.
  ['a printed', 'print', { ...article, path: '/news/595305/print' }, (page) => expect(page.locator('.print-footer__qr')).toBeVisible(),
    (page) => expect(page.locator('.print-footer__qr')).toBeVisible()],
];

for (const [which, kind, target, published, app] of missingParts) {
  test(`${which} part of the app 404s: the published page stays, says so, and a retry takes over`, async ({ page, request }) => {
    const files = (await partsOf(request))[kind].map(([file]) => file);
    await page.route((url) => files.includes(url.pathname), (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(target.path);
    await expectKept(page, target);
    await published(page);
    await retryTakesOver(page, target);
    await app(page);
  });
}

test('while the published page stays, its own controls work: text size, colour theme', async ({ page }) => {
  await page.route('**/data/articles/595305.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto('/news/595305');
  await expect(notice(page)).toBeVisible();
  const { size } = articlePage(page);
  await size('font_large').click();
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-font-scale', 'large');
  const theme = page.getByRole('group', { name: label('colour_theme') }).getByRole('button', { name: label('theme_blue'), exact: true });
  await theme.click();
  await expect(theme).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'blue');
  // The app takes over with what the reader chose meanwhile.
  await retryTakesOver(page, article);
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
  await expect(theme).toHaveAttribute('aria-pressed', 'true');
});

test('the notice is in the reader\'s language, and a retry that fails again keeps the page', async ({ page }) => {
  let calls = 0;
  await page.route('**/data/articles/595305.json', (route) => {
    calls += 1;
    return route.fulfill({ status: 503, body: 'busy' });
  });
  await page.goto('/news/595305?lang=en');
  await expect(page.getByRole('status').filter({ hasText: label('refresh_failed', 'en') })).toBeVisible();
  const before = calls;
  await page.getByRole('button', { name: label('retry', 'en') }).click();
  // Asked again (three tries), still refused: the same page and notice.
  await expect.poll(() => calls).toBe(before + 3);
  await expect(page.getByRole('button', { name: label('retry', 'en') })).toBeEnabled();
  await expect(page.getByRole('status').filter({ hasText: label('refresh_failed', 'en') })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

for (const status of [404, 410]) {
  test(`a ${status} is the server's word: the article withdrawn replaces the published page`, async ({ page }) => {
    await page.route('**/data/articles/595305.json', (route) => route.fulfill({ status, body: '' }));
    await page.goto('/news/595305');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
    await expect(page.getByText(paragraphs[0])).toHaveCount(0);
    await expect(notice(page)).toHaveCount(0);
  });
}
