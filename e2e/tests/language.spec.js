// The interface in Japanese, Chinese and English: chosen by ?lang=, by the
// switcher in the header or by the browser's languages, and remembered.
// The article itself stays in the language it was written in.
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { mapPage, articlePage } from '../support/pages.js';
import { sampleData } from '../support/site.js';

const seed = sampleData('articles/595305.json');
const cities = sampleData('cities.json');
const hirakata = cities.partners.find((p) => p.id === 'hirakata');

// How each language formats the seed's date.
const dates = { ja: '2021年10月14日', zh: '2021年10月14日', en: '14 October 2021' };

for (const lang of ['ja', 'zh', 'en']) {
  const own = label('language_name', lang);

  test(`?lang=${lang}: the article page's controls are named in ${own}, the article stays Japanese`, async ({ page }) => {
    await page.goto(`/news/595305?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('article')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang', /./);

    const { sizes, print, close, backToTop } = articlePage(page, lang);
    const sizeNames = ['font_large', 'font_medium', 'font_small'].map((key) => label(key, lang));
    await expect(sizes.getByRole('button')).toHaveText(sizeNames);
    await expect(sizes).toHaveAttribute('lang', lang);
    await expect(print).toBeVisible();
    await expect(close).toBeVisible();
    await expect(backToTop).toHaveAttribute('href', '/');
    await expect(page.locator(`time[datetime="${seed.published}"]`)).toHaveText(dates[lang]);
    await expect(page.getByRole('button', { name: own })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: own })).toHaveAttribute('lang', lang);
  });

  test(`?lang=${lang}: the map's table and partner names are in ${own}`, async ({ page }) => {
    await page.goto(`/partners?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const { table, tableLink, panel } = mapPage(page, lang);
    await expect(table).toBeVisible();
    await tableLink('hirakata').click();
    await expect(panel('hirakata')).toBeVisible();
    await expect(page.getByRole('region').getByText(hirakata.country.names[lang], { exact: true })).toBeVisible();
  });
}

test('a language chosen with ?lang= is remembered on the next visit and after a reload', async ({ page }) => {
  await page.goto('/partners?lang=en');
  await expect(mapPage(page, 'en').table).toBeVisible();
  await page.goto('/news/595305');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(articlePage(page, 'en').sizes).toBeVisible();
  await page.reload();
  await expect(articlePage(page, 'en').print).toBeVisible();
});

test('the header switcher changes the interface at once, keeps the page, and is remembered', async ({ page }) => {
  const crashes = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await page.goto('/partners/hirakata');
  await expect(mapPage(page).panel('hirakata')).toBeVisible();
  const english = page.getByRole('button', { name: label('language_name', 'en') });
  await english.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  const japanese = page.getByRole('button', { name: label('language_name', 'ja') });
  await expect(japanese).toHaveAttribute('aria-pressed', 'false');
  // Same page, same selection, now in English.
  await expect(page).toHaveURL(/\/partners\/hirakata$/);
  await expect(mapPage(page, 'en').panel('hirakata')).toBeVisible();
  await expect(mapPage(page, 'en').table).toBeVisible();
  await expect(page.getByRole('link', { name: label('back_to_top', 'en') })).toBeVisible();

  await page.getByRole('button', { name: label('language_name', 'zh') }).click();
  await expect(mapPage(page, 'zh').table).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(mapPage(page, 'zh').panel('hirakata')).toBeVisible();
  expect(crashes).toEqual([]);
});

for (const [browserLocale, expected] of [['zh-CN', 'zh'], ['en-GB', 'en'], ['fr-FR', 'ja']]) {
  test(`with no choice made, a browser in ${browserLocale} gets the ${expected} interface`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: browserLocale, baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/news/595305');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.locator('html')).toHaveAttribute('lang', expected);
    await expect(articlePage(page, expected).sizes).toBeVisible();
    await context.close();
  });
}

test('a kiosk returns to its own language when the visitor walks away', async ({ page }) => {
  await page.goto('/partners?kiosk=1&idle=4');
  await expect(mapPage(page).table).toBeVisible();
  await page.getByRole('button', { name: label('language_name', 'en') }).click();
  await expect(mapPage(page, 'en').table).toBeVisible();
  // No input: the countdown, then the reset, in Japanese again.
  await expect(mapPage(page).table).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test('switching language on the map keeps the filter, the zoom, the selection and the focus', async ({ page }) => {
  await page.goto('/partners');
  const { marker, relation, zoomIn, tableLink, panel, year } = mapPage(page);
  await expect(marker('sopot')).toBeVisible();
  const transform = () => page.locator('.partner-map__svg > g').getAttribute('transform');
  const unzoomed = await transform();
  await relation.selectOption({ label: label('relation_sister') });
  await page.getByLabel(label('filter_continent')).selectOption({ label: label('continent_europe') });
  await year.fill('2018');
  await zoomIn.click();
  await expect.poll(transform).not.toBe(unzoomed);
  await tableLink('sopot').click();
  await expect(panel('sopot')).toBeVisible();
  const zoomed = await transform();
  const english = page.getByRole('button', { name: label('language_name', 'en') });
  await english.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const inEnglish = mapPage(page, 'en');
  await expect(inEnglish.relation).toHaveValue('sister');
  await expect(inEnglish.relation.locator('option:checked')).toHaveText(label('relation_sister', 'en'));
  await expect(page.getByLabel(label('filter_continent', 'en'))).toHaveValue('europe');
  await expect(inEnglish.year).toHaveValue('2018');
  // Papeete (2017) is no European sister city: still filtered out.
  await expect(inEnglish.marker('papeete')).toHaveCount(0);
  expect(await transform()).toBe(zoomed);
  await expect(inEnglish.panel('sopot')).toBeVisible();
  await expect(page).toHaveURL(/\/partners\/sopot$/);
  await expect(english).toBeFocused();
});

test('switching language on an article keeps the text size and the scroll position', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await articlePage(page).size('font_large').click();
  await page.evaluate(() => window.scrollTo(0, 900));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(800);
  // The switcher is in the header, out of sight: a keyboard reader reaches it.
  await page.getByRole('button', { name: label('language_name', 'en') }).evaluate((b) => b.click());
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(articlePage(page, 'en').size('font_large')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});
