// The interface in Japanese, Chinese and English: chosen by ?lang=, by the
// switcher in the header or by the browser's languages, and remembered.
// The article itself stays in the language it was written in.
import { test, expect } from '../support/test.js';
import { sampleData } from '../support/site.js';

const seed = sampleData('articles/595305.json');
const cities = sampleData('cities.json');
const hirakata = cities.partners.find((p) => p.id === 'hirakata');

// What ux.md names in each language, and how each formats the seed's date.
const languages = {
  ja: { own: '日本語', textSize: '文字サイズ', sizes: ['大', '中', '小'], print: '印刷', close: '閉じる',
    backToTop: 'トップへ戻る', partners: '提携都市', date: '2021年10月14日' },
  zh: { own: '中文', textSize: '字号', sizes: ['大', '中', '小'], print: '打印', close: '关闭',
    backToTop: '返回首页', partners: '友好城市', date: '2021年10月14日' },
  en: { own: 'English', textSize: 'Text size', sizes: ['Large', 'Medium', 'Small'], print: 'Print', close: 'Close',
    backToTop: 'Back to top', partners: 'Partner cities', date: '14 October 2021' },
};

for (const [lang, ui] of Object.entries(languages)) {
  test(`?lang=${lang}: the article page's controls are named in ${ui.own}, the article stays Japanese`, async ({ page }) => {
    await page.goto(`/news/595305?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('article')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang', /./);

    const sizes = page.getByRole('group', { name: ui.textSize });
    await expect(sizes.getByRole('button')).toHaveText(ui.sizes);
    await expect(sizes).toHaveAttribute('lang', lang);
    await expect(page.getByRole('button', { name: ui.print })).toBeVisible();
    await expect(page.getByRole('button', { name: ui.close })).toBeVisible();
    await expect(page.getByRole('link', { name: ui.backToTop })).toHaveAttribute('href', '/');
    await expect(page.locator(`time[datetime="${seed.published}"]`)).toHaveText(ui.date);
    await expect(page.getByRole('button', { name: ui.own })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: ui.own })).toHaveAttribute('lang', lang);
  });

  test(`?lang=${lang}: the map's table and partner names are in ${ui.own}`, async ({ page }) => {
    await page.goto(`/partners?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const table = page.getByRole('table', { name: ui.partners });
    await expect(table).toBeVisible();
    await table.getByRole('link', { name: hirakata.names[lang], exact: true }).click();
    await expect(page.getByRole('region', { name: hirakata.names[lang] })).toBeVisible();
    await expect(page.getByRole('region').getByText(hirakata.country.names[lang], { exact: true })).toBeVisible();
  });
}

test('a language chosen with ?lang= is remembered on the next visit and after a reload', async ({ page }) => {
  await page.goto('/partners?lang=en');
  await expect(page.getByRole('table', { name: 'Partner cities' })).toBeVisible();
  await page.goto('/news/595305');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('group', { name: 'Text size' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
});

test('the header switcher changes the interface at once, keeps the page, and is remembered', async ({ page }) => {
  const crashes = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await page.goto('/partners/hirakata');
  await expect(page.getByRole('region', { name: hirakata.names.ja })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'false');
  // Same page, same selection, now in English.
  await expect(page).toHaveURL(/\/partners\/hirakata$/);
  await expect(page.getByRole('region', { name: hirakata.names.en })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Partner cities' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to top' })).toBeVisible();

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('table', { name: '友好城市' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page.getByRole('region', { name: hirakata.names.zh })).toBeVisible();
  expect(crashes).toEqual([]);
});

for (const [browserLocale, expected] of [['zh-CN', 'zh'], ['en-GB', 'en'], ['fr-FR', 'ja']]) {
  test(`with no choice made, a browser in ${browserLocale} gets the ${expected} interface`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: browserLocale, baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/news/595305');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.locator('html')).toHaveAttribute('lang', expected);
    await expect(page.getByRole('group', { name: languages[expected].textSize })).toBeVisible();
    await context.close();
  });
}

test('a kiosk returns to its own language when the visitor walks away', async ({ page }) => {
  await page.goto('/partners?kiosk=1&idle=4');
  await expect(page.getByRole('table', { name: '提携都市' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('table', { name: 'Partner cities' })).toBeVisible();
  // No input: the countdown, then the reset, in Japanese again.
  await expect(page.getByRole('table', { name: '提携都市' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test('switching language on the map keeps the filter, the zoom, the selection and the focus', async ({ page }) => {
  await page.goto('/partners');
  const map = page.getByRole('group', { name: '提携都市の地図' });
  await expect(map.getByRole('link', { name: 'ソポト市', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: '関係' }).selectOption({ label: '姉妹都市' });
  await map.getByRole('button', { name: '拡大' }).click();
  await page.getByRole('table', { name: '提携都市' }).getByRole('link', { name: 'ソポト市' }).click();
  await expect(page.getByRole('region', { name: 'ソポト市' })).toBeVisible();
  const transform = () => page.locator('.partner-map__svg > g').getAttribute('transform');
  const zoomed = await transform();
  const english = page.getByRole('button', { name: 'English' });
  await english.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('combobox', { name: 'Relation' })).toHaveValue('sister');
  await expect(page.getByRole('combobox', { name: 'Relation' }).locator('option:checked')).toHaveText('Sister city');
  expect(await transform()).toBe(zoomed);
  await expect(page.getByRole('region', { name: 'Sopot' })).toBeVisible();
  await expect(page).toHaveURL(/\/partners\/sopot$/);
  await expect(english).toBeFocused();
});

test('switching language on an article keeps the text size and the scroll position', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await page.getByRole('button', { name: '大' }).click();
  await page.evaluate(() => window.scrollTo(0, 900));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(800);
  // The switcher is in the header, out of sight: a keyboard reader reaches it.
  await page.getByRole('button', { name: 'English' }).evaluate((b) => b.click());
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Large' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});
