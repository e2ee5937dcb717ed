// The site search (issue #24): the header's box on every page, /search as
// an address (query and filters), Pagefind's index asked only when a reader
// searches, results with marked excerpts, filters, "more", and the
// published page for a reader without scripts.
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { partnerName } from '../support/pages.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleData } from '../support/site.js';
import { underServiceWorker } from '../support/offline.js';

const seed = sampleData('articles/595305.json');
const archiveUrl = process.env.E2E_ARCHIVE_URL;

const searchForm = (page, lang = 'ja') => page.getByRole('search', { name: label('search_site', lang) });
const searchBox = (page, lang = 'ja') => searchForm(page, lang).getByRole('searchbox', { name: label('search', lang) });
const results = (page, lang = 'ja') => page.getByRole('list', { name: label('search_results', lang) }).getByRole('listitem');
const status = (page) => page.getByRole('main').getByRole('status');
const countText = (count, lang = 'ja') => (count === 1 ? label('search_count_one', lang) : label('search_count', lang, { count }));
const searchUrl = (query, extra = '') => `/search?q=${encodeURIComponent(query)}${extra}`;
const isIndexRequest = (url) => /\/pagefind\/|\/search-index\.js/.test(url);

test('every page has the search box in its header, empty, with a button', async ({ page }) => {
  await page.goto('/news/595305');
  const form = searchForm(page);
  await expect(page.getByRole('banner').getByRole('search')).toHaveCount(1);
  await expect(searchBox(page)).toHaveValue('');
  await expect(form.getByRole('button', { name: label('search') })).toBeVisible();
  await expect(form).toHaveAttribute('action', '/search');
  await expect(form).toHaveAttribute('method', 'get');
  await expect(searchBox(page)).toHaveAttribute('name', 'q');
});

test('Enter in the box goes to /search?q=… in the app, and shows the results', async ({ page }) => {
  await page.goto('/news/595305');
  await page.evaluate(() => { window.__sameDocument = true; });
  await searchBox(page).fill('枚方');
  await searchBox(page).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%E6%9E%9A%E6%96%B9$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('search_heading', 'ja', { query: '枚方' }));
  await expect(results(page).getByRole('link', { name: seed.title })).toBeVisible();
  // An in-app navigation: the document is the same.
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await expect(searchBox(page)).toHaveValue('枚方');
});

test('/search?q=… opened directly shows the results, their count, date and marked excerpt', async ({ page }) => {
  await page.goto(searchUrl('姉妹都市'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('search_heading', 'ja', { query: '姉妹都市' }));
  await expect(searchBox(page)).toHaveValue('姉妹都市');
  const hit = results(page).filter({ has: page.getByRole('link', { name: seed.title }) });
  await expect(hit).toHaveCount(1);
  await expect(status(page)).toHaveText(countText(await results(page).count()));
  await expect(hit.locator('time')).toHaveAttribute('datetime', seed.published);
  await expect(hit.locator('time')).toHaveText('2021年10月14日');
  await expect(hit.locator('mark').first()).toBeVisible();
  // The link is the app's own address of the article, followed in the app.
  await hit.getByRole('link', { name: seed.title }).click();
  await expect(page).toHaveURL(/\/news\/595305$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(searchBox(page)).toHaveValue('');
  // Back: the same search, as the address says.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('search_heading', 'ja', { query: '姉妹都市' }));
  await expect(results(page).getByRole('link', { name: seed.title })).toBeVisible();
});

test('a query with no match says so and leads to the column', async ({ page }) => {
  await page.goto(searchUrl('zqxjvwkq'));
  await expect(page.getByText(label('search_no_match', 'ja', { query: 'zqxjvwkq' }))).toBeVisible();
  await expect(status(page)).toHaveText(countText(0));
  await expect(results(page)).toHaveCount(0);
  await page.getByRole('main').getByRole('link', { name: label('to_column') }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('typed markup stays text: in the box, the heading and the count', async ({ page }) => {
  const typed = '<img src=x onerror="window.__searchXss=1">';
  await page.goto('/');
  await searchBox(page).fill(typed);
  await searchBox(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('search_heading', 'ja', { query: typed }));
  await expect(status(page)).toHaveText(/\d/);
  await expect(searchBox(page)).toHaveValue(typed);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await page.evaluate(() => window.__searchXss)).toBeUndefined();
  // Opened as an address too.
  await page.goto(searchUrl(typed));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('search_heading', 'ja', { query: typed }));
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => window.__searchXss)).toBeUndefined();
});

for (const [lang, name] of [['ja', '枚方'], ['zh', partnerName('hirakata', 'zh')], ['en', partnerName('hirakata', 'en')], ['ja', 'ひらかた']]) {
  test(`in ${lang}: ${name} finds the article about Hirakata`, async ({ page }) => {
    await page.goto(`/?lang=${lang}`);
    await searchBox(page, lang).fill(name);
    await searchBox(page, lang).press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('search_heading', lang, { query: name }));
    await expect(results(page, lang).getByRole('link', { name: seed.title })).toBeVisible();
    await expect(status(page)).toHaveText(countText(await results(page, lang).count(), lang));
    // What an excerpt marks is what was asked for: not the one- or two-kana
    // pieces Pagefind makes of a query in kana (ひらかた marked れた, ため).
    for (const marked of await results(page, lang).locator('mark').allTextContents()) {
      const [m, q] = [marked.toLowerCase(), name.toLowerCase()];
      expect(m.includes(q) || q.includes(m), `${marked} for ${name}`).toBe(true);
    }
  });
}

test('Pagefind is not asked for on an article page until the reader searches', async ({ page }) => {
  const asked = [];
  page.on('request', (request) => {
    if (isIndexRequest(request.url())) asked.push(request.url());
  });
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await page.getByRole('button', { name: label('furigana') }).click();
  expect(asked).toEqual([]);
  await searchBox(page).fill('枚方');
  await searchBox(page).press('Enter');
  await expect(results(page).getByRole('link', { name: seed.title })).toBeVisible();
  expect(asked.some((url) => /\/pagefind\/pagefind\.js/.test(url))).toBe(true);
});

test('the published /search page without JavaScript has the box and says search needs it', async ({ browser }) => {
  for (const lang of ['ja', 'zh', 'en']) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/search?q=${encodeURIComponent('枚方')}&lang=${lang}`);
    await expect(page.getByText(label('search_needs_js', lang))).toBeVisible();
    await expect(searchBox(page, lang)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('search_title', lang));
    // The box works as a plain form.
    await searchBox(page, lang).fill('交流');
    await searchBox(page, lang).press('Enter');
    await expect(page).toHaveURL(/\/search\?q=%E4%BA%A4%E6%B5%81$/);
    // The form sends the query alone: the server picks the page's language
    // as for any address (without scripts no language cookie was kept).
    const anyLanguage = new RegExp(['ja', 'zh', 'en'].map((l) => label('search_needs_js', l).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    await expect(page.getByText(anyLanguage)).toBeVisible();
    await context.close();
  }
});

test.describe('on the generated archive', () => {
  test.use({ baseURL: archiveUrl });

  test('every part of the index is searched, with one download of Pagefind and its search running in its worker', async ({ page, request }) => {
    const parts = await (await request.get('/pagefind/parts.json')).json();
    expect(parts.length).toBeGreaterThan(1);
    const fetched = [];
    page.context().on('requestfinished', async (r) => fetched.push([new URL(r.url()).pathname, (await r.response())?.status()]));
    const warnings = [];
    page.on('console', (message) => warnings.push(message.text()));
    await page.goto(searchUrl('防災訓練'));
    await expect(status(page)).toHaveText(/\d/);
    // Every part's entry was read; the wasm and the worker once each.
    for (const part of parts) expect(fetched).toContainEqual([`${part}pagefind-entry.json`, 200]);
    const wasm = new Set(fetched.filter(([path]) => /\.pagefind$/.test(path)).map(([path]) => path));
    expect([...wasm]).toEqual([expect.stringMatching(/^\/pagefind\/wasm\.[a-z-]+\.pagefind$/)]);
    expect(fetched).toContainEqual(['/pagefind/pagefind-worker.js', 200]);
    expect(warnings.filter((text) => /falling back|Failed to initialize Pagefind/.test(text))).toEqual([]);
  });

  test('"more" adds the next results after the first ten, and focus goes to the first new one', async ({ page }) => {
    await page.goto(searchUrl('防災訓練'));
    await expect(results(page)).toHaveCount(10);
    const total = Number(/\d+/.exec(await status(page).textContent())[0]);
    expect(total).toBeGreaterThan(10);
    const more = page.getByRole('button', { name: label('search_more') });
    await more.click();
    await expect(results(page)).toHaveCount(Math.min(20, total));
    await expect(results(page).nth(10).getByRole('link')).toBeFocused();
    await expect(status(page)).toHaveText(countText(total));
  });

  test('the year and partner filters narrow the list, and the address keeps them', async ({ page }) => {
    await page.goto(searchUrl('枚方'));
    await expect(results(page).first()).toBeVisible();
    await expect(status(page)).toHaveText(/\d/);
    const all = Number(/\d+/.exec(await status(page).textContent())[0]);
    await page.getByLabel(label('search_filter_year')).selectOption({ label: label('timeline_year', 'ja', { year: 2021 }) });
    await expect(page).toHaveURL(/[?&]year=2021(&|$)/);
    await expect(results(page).getByRole('link', { name: seed.title })).toBeVisible();
    await expect(status(page)).toHaveText(countText(1));
    await page.getByLabel(label('search_filter_year')).selectOption({ label: label('filter_all') });
    await expect(status(page)).toHaveText(countText(all));
    await page.goto(searchUrl('交流会'));
    await expect(status(page)).toHaveText(/\d/);
    const before = Number(/\d+/.exec(await status(page).textContent())[0]);
    await page.getByLabel(label('search_filter_partner')).selectOption({ label: partnerName('hirakata') });
    await expect(page).toHaveURL(/[?&]partner=hirakata(&|$)/);
    // Narrowed: fewer articles (a result's excerpt need not name the partner).
    await expect(status(page)).not.toHaveText(countText(before));
    await expect(status(page)).toHaveText(/\d/);
    const after = Number(/\d+/.exec(await status(page).textContent())[0]);
    expect(after).toBeLessThan(before);
    await page.reload();
    await expect(page.getByLabel(label('search_filter_partner'))).toHaveValue('hirakata');
    await expect(status(page)).toHaveText(countText(after));
  });
});

test.describe('on a kiosk', () => {
  test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true });

  test('the box is big enough for a fingertip, and the idle reset empties it', async ({ page }) => {
    await page.goto('/news/595305?kiosk=1&idle=4');
    for (const control of [searchBox(page), searchForm(page).getByRole('button', { name: label('search') })]) {
      const box = await control.boundingBox();
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    await searchBox(page).fill('枚方');
    await searchBox(page).press('Enter');
    await expect(results(page).getByRole('link', { name: seed.title })).toBeVisible();
    // Idle: back home, the box empty.
    await expect(page).toHaveURL(/\/news\/595305(\?|$)/);
    await expect(searchBox(page)).toHaveValue('');
    // Typed and left without searching: emptied by the next reset too.
    await searchBox(page).fill('交流');
    await expect(searchBox(page)).toHaveValue('');
  });
});

test.describe('ranking on the generated archive', () => {
  test.use({ baseURL: archiveUrl });

  /** The ids of the results listed, in order. */
  const listedIds = async (page) => {
    const hrefs = await results(page).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    return hrefs.map((href) => /\/news\/([^/?#]+)/.exec(href)[1]);
  };
  const archiveArticle = (id) =>
    JSON.parse(readFileSync(join(process.env.E2E_ARCHIVE_ROOT, 'data/articles', `${id}.json`), 'utf8'));

  for (const n of [7, 123, 250]) {
    test(`the number in a title finds its article first: 第${n}回`, async ({ page }) => {
      await page.goto(searchUrl(`第${n}回`));
      await expect(status(page)).toHaveText(/\d/);
      await expect(results(page).first().getByRole('link')).toHaveText(new RegExp(`第${n}回`));
    });
  }

  test('a common phrase finds many, by relevance: those with it in their title first', async ({ page }) => {
    await page.goto(searchUrl('交流会'));
    await expect(status(page)).toHaveText(/\d/);
    const total = Number(/\d+/.exec(await status(page).textContent())[0]);
    expect(total).toBeGreaterThan(10);
    const titles = await results(page).getByRole('link').allTextContents();
    expect(titles).toHaveLength(10);
    for (const title of titles) expect(title).toContain('交流会');
  });

  test('a compound noun finds the articles that have it, not those with only one of its parts', async ({ page }) => {
    await page.goto(searchUrl('防災訓練'));
    await expect(results(page)).toHaveCount(10);
    await page.getByRole('button', { name: label('search_more') }).click();
    await expect(results(page)).toHaveCount(20);
    for (const id of await listedIds(page)) {
      const text = JSON.stringify(archiveArticle(id));
      expect(text, id).toContain('防災訓練');
    }
    // Its parts alone are in the archive too (防災講習, 避難訓練): found
    // when asked for, so the compound's results are not everything.
    for (const other of ['防災講習', '避難訓練']) {
      await page.goto(searchUrl(other));
      await expect(status(page)).toHaveText(/\d/);
      const [first] = await listedIds(page);
      expect(JSON.stringify(archiveArticle(first)), other).not.toContain('防災訓練');
    }
  });
});

test.describe('a kiosk offline', () => {
  test.use({ serviceWorkers: 'allow', viewport: { width: 1080, height: 1920 } });

  test('a search made once is made again with the network down', async ({ page, context }) => {
    await underServiceWorker(page, '/news/595305?kiosk=1');
    await searchBox(page).fill('枚方');
    await searchBox(page).press('Enter');
    await expect(results(page).getByRole('link', { name: seed.title })).toBeVisible();
    await context.setOffline(true);
    await page.goto(searchUrl('枚方'));
    await expect(results(page).getByRole('link', { name: seed.title })).toBeVisible();
    await expect(status(page)).toHaveText(countText(1));
    await context.setOffline(false);
  });
});
