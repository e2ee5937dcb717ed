// Published pages (`cargo xtask publish`): what crawlers, link previews and
// readers without scripts get, and the app taking over without a trace.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.js';
import { label } from '../support/labels.js';
import { mapPage, articlePage, partnerName } from '../support/pages.js';
import { dataServedAs, sampleData, writeData } from '../support/site.js';
import { appRunning, holdApp } from '../support/test.js';

const seed = sampleData('articles/595305.json');
const column = sampleData('articles/index.json');
const cities = sampleData('cities.json');
const paragraphs = seed.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
const headings = seed.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);

/** The text of an HTML document, tags dropped and entities read. */
function textOf(html) {
  return html
    .replace(/<script[^]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

test('the raw article page has its title, description, canonical link, JSON-LD and all its text', async ({ request }) => {
  const response = await request.get('/news/595305');
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(`<title>${seed.title}</title>`);
  expect(html).toContain(`<meta property="og:title" content="${seed.title}">`);
  expect(html).toContain('<meta property="og:type" content="article">');
  expect(html).toContain('<meta property="og:locale" content="ja_JP">');
  expect(html).toMatch(/<meta property="og:url" content="https?:\/\/[^"]+\/news\/595305">/);
  expect(html).toContain(`<meta name="description" content="${column.articles[0].summary}">`);
  expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/news\/595305">/);
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)[1]);
  expect(ld['@type']).toBe('NewsArticle');
  expect(ld.headline).toBe(seed.title);
  expect(ld.datePublished).toBe('2021-10-14');
  expect(ld.inLanguage).toBe('ja');
  const text = textOf(html);
  for (const heading of headings) expect(text).toContain(heading);
  for (const paragraph of paragraphs) expect(text).toContain(paragraph);
  expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
});

test('the raw column lists the article, the raw map names every partner', async ({ request }) => {
  const home = await (await request.get('/')).text();
  expect(home).toContain(`<a href="/news/595305">${seed.title}</a>`);
  const map = textOf(await (await request.get('/partners')).text());
  for (const partner of cities.partners) expect(map).toContain(partnerName(partner.id));
  const english = textOf(await (await request.get('/partners?lang=en')).text());
  for (const partner of cities.partners) expect(english).toContain(partnerName(partner.id, 'en'));
});

test('the feed, the sitemap and robots.txt are served', async ({ request }) => {
  const feed = await request.get('/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(await feed.text()).toContain('/news/595305');
  // The sitemap is an index of files of addresses, each with its date.
  const index = await (await request.get('/sitemap.xml')).text();
  expect(index).toContain('<sitemapindex');
  const file = new URL(/<loc>([^<]+\/sitemap-1\.xml)<\/loc>/.exec(index)[1]).pathname;
  const sitemap = await request.get(file);
  expect(sitemap.headers()['content-type']).toMatch(/^text\/xml; charset=utf-8$/);
  const urls = await sitemap.text();
  for (const entry of column.articles) {
    expect(urls).toMatch(new RegExp(`<loc>https?://[^<]+/news/${entry.id}</loc><lastmod>${entry.published}</lastmod>`));
  }
  expect((await request.get('/sitemap-0.xml')).status()).toBe(404);
  expect(await (await request.get('/robots.txt')).text()).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);
  // The published files themselves are not addresses of the site.
  expect((await request.get('/pages/ja/index.html')).status()).toBe(404);
});

test('the server sends the page in the reader\'s language: ?lang=, the remembered choice, the browser', async ({ request, playwright, baseURL }) => {
  const lang = async (path, headers = {}) => /<html lang="([a-z]+)"/.exec(await (await request.get(path, { headers })).text())[1];
  expect(await lang('/news/595305')).toBe('ja');
  expect(await lang('/news/595305?lang=en')).toBe('en');
  expect(await lang('/news/595305', { Cookie: 'reader_lang=zh' })).toBe('zh');
  expect(await lang('/news/595305?lang=en', { Cookie: 'reader_lang=zh' })).toBe('en');
  expect(await lang('/news/595305', { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.8' })).toBe('en');
  expect(await lang('/news/595305', { 'Accept-Language': 'zh-TW,zh;q=0.9' })).toBe('zh');
  expect(await lang('/news/595305', { 'Accept-Language': 'de-DE' })).toBe('ja');
  const response = await request.get('/news/595305');
  expect(response.headers().vary).toContain('Accept-Language');
  expect(response.headers()['cache-control']).toBe('no-cache');
});

test.describe('with scripts off', () => {
  test.use({ javaScriptEnabled: false });

  test('the article reads in full, and its links work', async ({ page }) => {
    await page.goto('/news/595305');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    for (const paragraph of paragraphs) await expect(page.getByText(paragraph, { exact: false }).first()).toBeVisible();
    // Controls only a script could run are not offered, rather than offered dead;
    // the print view is a link and still there.
    const article = articlePage(page);
    await expect(article.sizes).toHaveCount(0);
    await expect(article.print).toHaveCount(0);
    await expect(article.close).toHaveCount(0);
    // The one button is the header's search: a plain form to /search,
    // which says there that searching needs scripts (search.spec.js).
    const searchButton = page.getByRole('search', { name: label('search_site') }).getByRole('button', { name: label('search') });
    await expect(searchButton).toHaveCount(1);
    await expect(page.getByRole('button')).toHaveCount(1);
    await expect(article.printView).toBeVisible();
    await article.mapLink.click();
    const { table, tableLink } = mapPage(page);
    await expect(table).toBeVisible();
    await expect(tableLink('sopot')).toBeVisible();
  });
});

/** Records layout shifts and policy violations from the start of the page. */
async function watchPage(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    window.__violations = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('the article paints before the app; the app takes over without a shift, keeping scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await watchPage(page);
  const release = await holdApp(page);
  await page.goto('/news/595305');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(seed.title);
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
  // The reading aids are offered already: a press is kept for the app
  // (first-paint.spec.js). The article is in Japanese: furigana are offered.
  await expect(page.getByRole('button', { name: label('read_aloud') })).toBeEnabled();
  await expect(page.getByRole('button', { name: label('furigana') })).toHaveAttribute('aria-pressed', 'false');
  const before = await h1.boundingBox();
  await page.evaluate(() => window.scrollTo(0, 600));
  const scrolled = await page.evaluate(() => window.scrollY);
  release();
  await appRunning(page);
  await expect(h1).toHaveCount(1);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await h1.boundingBox()).toEqual(before);
  expect(await page.evaluate(() => window.__shift)).toBe(0);
  // The text size control is the app's now, and works.
  const paragraph = page.locator('.article-body__paragraph').first();
  const medium = await paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const large = articlePage(page).size('font_large');
  await large.click();
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  expect(await paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(medium);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('a reader with 大 remembered gets it in the first paint, and the size works before the app', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('changning-reader.font-scale', 'large'));
  const release = await holdApp(page);
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  const { size } = articlePage(page);
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
  // The published page's default is no longer marked.
  await expect(size('font_medium')).toHaveAttribute('aria-pressed', 'false');
  const paragraph = page.locator('.article-body__paragraph').first();
  const textSize = () => paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const large = await textSize();
  // Before the app: 小 works, through the page's own script.
  await size('font_small').click();
  await expect(size('font_small')).toHaveAttribute('aria-pressed', 'true');
  expect(await textSize()).toBeLessThan(large);
  release();
  await appRunning(page);
  // The app starts with what the reader chose meanwhile.
  await expect(size('font_small')).toHaveAttribute('aria-pressed', 'true');
});

test('a reader with 黒 remembered gets it in the first paint, and 青 works before the app', async ({ page }) => {
  // Remembered from an earlier visit (set once: the reload below keeps the reader's new choice).
  await page.addInitScript(() => localStorage.getItem('changning-reader.theme') || localStorage.setItem('changning-reader.theme', 'black'));
  const release = await holdApp(page);
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app'))).toBe(false);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const group = page.getByRole('group', { name: label('colour_theme') });
  const theme = (key) => group.getByRole('button', { name: label(key), exact: true });
  await expect(theme('theme_black')).toHaveAttribute('aria-pressed', 'true');
  const black = await background();
  expect(black).not.toBe('rgb(255, 255, 255)');
  // Before the app: 青 works, through the page's own script.
  await theme('theme_blue').click();
  await expect(theme('theme_blue')).toHaveAttribute('aria-pressed', 'true');
  const blue = await background();
  expect(blue).not.toBe(black);
  release();
  await appRunning(page);
  // The app starts with what the reader chose meanwhile, and remembers it.
  await expect(theme('theme_blue')).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).toBe(blue);
  await page.reload();
  await expect(theme('theme_blue')).toHaveAttribute('aria-pressed', 'true');
});

test('a reader with English remembered gets English from the first paint', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'reader_lang', value: 'en', url: baseURL }]);
  await page.addInitScript(() => localStorage.setItem('changning-reader.language', 'en'));
  const release = await holdApp(page);
  await page.goto('/news/595305');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(articlePage(page, 'en').sizes).toBeVisible();
  release();
  await appRunning(page);
  await expect(articlePage(page, 'en').sizes).toBeVisible();
});

test('the app takes over without stealing focus: the control the reader is on stays focused', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('/news/595305');
  const { size } = articlePage(page);
  await size('font_small').focus();
  await expect(size('font_small')).toBeFocused();
  release();
  await appRunning(page);
  // The app's own button, in the same place, has the focus now.
  await expect(size('font_small')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(size('font_small')).toHaveAttribute('aria-pressed', 'true');
});

test('before the app the map\'s own controls are marked not yet available; links already work', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('/partners');
  const { zoomIn, relation, marker } = mapPage(page);
  await expect(zoomIn).toBeDisabled();
  await expect(relation).toBeDisabled();
  await expect(marker('sopot')).toBeVisible();
  release();
  await appRunning(page);
  await expect(zoomIn).toBeEnabled();
  await expect(relation).toBeEnabled();
});

test.describe('axe', () => {
  // axe is injected as an inline script, which the site's policy forbids.
  test.use({ bypassCSP: true });

  test('no axe violations on the published page before the app starts', async ({ page }) => {
  const release = await holdApp(page);
  for (const path of ['/news/595305', '/', '/partners/sopot']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expectNoAxeViolations(page, `${path} before the app`);
  }
  release();
  });
});

test('stale pages: the data wins, with one h1 and no error', async ({ page }) => {
  const changed = structuredClone(seed);
  changed.title = `${seed.title}(訂正)`;
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // The newsroom changed the data and did not publish.
  await page.route('**/data/articles/595305.json', (route) => route.fulfill({ json: changed }));
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(changed.title);
  await appRunning(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page).toHaveTitle(changed.title);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an article with data but no published page still works through the app', async ({ page }) => {
  writeData('articles/e2e-unpublished.json', { ...structuredClone(seed), id: 'e2e-unpublished', title: '未公開の記事' });
  await dataServedAs(page.request, 'articles/e2e-unpublished.json', 200);
  await page.goto('/news/e2e-unpublished');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('未公開の記事');
});
