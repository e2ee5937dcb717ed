// The interface in Japanese, Chinese and English: chosen by ?lang=, by the
// switcher in the header or by the browser's languages, and remembered.
// The article itself stays in the language it was written in.
import { test, expect, appRunning, holdApp } from '../support/test.js';
import { label } from '../support/labels.js';
import { mapPage, articlePage } from '../support/pages.js';
import { article, dataServedAs, languageRuleTable, sampleData, writeData } from '../support/site.js';

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

// One rule for the server and the app (reader_core::language): the
// published page comes in the language the app then shows, for any
// browser, any remembered choice, on any route.

test('the server sends the page in the language of the rule\'s table: any case, regions, q-values', async ({ request }) => {
  const sent = async (header) => {
    const headers = header === '' ? {} : { 'Accept-Language': header };
    return /<html lang="([a-z]+)"/.exec(await (await request.get('/news/595305', { headers })).text())?.[1];
  };
  for (const { header, lang } of languageRuleTable()) {
    expect(await sent(header), `Accept-Language: ${JSON.stringify(header)}`).toBe(lang);
  }
});

/** The interface text of an article page (the site's header and footer,
 *  the reading aids), and its `<html lang>`. */
async function interfaceOf(page) {
  return {
    lang: await page.locator('html').getAttribute('lang'),
    text: await page.evaluate(() =>
      ['.site-header', '.article__aids', '.site-footer'].map((s) => document.querySelector(s)?.innerText ?? '').join('\n'),
    ),
  };
}

/** A new browser set up by `options`, its page recording every language
 *  `<html>` takes and every error. */
async function newBrowser(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const seen = (window.__htmlLangs = []);
    new MutationObserver((records) => {
      for (const r of records) if (r.target === document.documentElement) seen.push(document.documentElement.lang);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['lang'] });
  });
  return { context, page, errors };
}

/** Opens `path` with the app held back: the interface as the server sent
 *  it, then as the app shows it once it has taken the page over, and every
 *  language `<html>` had meanwhile. */
async function acrossTakeover({ page, errors }, path) {
  const release = await holdApp(page);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const sent = await interfaceOf(page);
  release();
  await appRunning(page);
  const shown = await interfaceOf(page);
  const langs = await page.evaluate(() => window.__htmlLangs);
  expect(errors).toEqual([]);
  return { page, sent, shown, langs };
}

/** The page came in `lang`, and the app took it over without a word changing language. */
async function expectOneLanguage({ page, sent, shown, langs }, lang) {
  expect(sent.lang).toBe(lang);
  expect(shown).toEqual(sent);
  expect(new Set(langs)).toEqual(new Set([lang]));
  await expect(articlePage(page, lang).sizes).toBeVisible();
}

for (const header of ['EN', 'Zh-CN', 'zh-TW,en;q=0.5', 'fr, EN;q=0.1', 'en;q=0, zh', 'de-DE']) {
  const { lang } = languageRuleTable().find((c) => c.header === header);
  test(`Accept-Language: ${header}: the page comes in ${lang} and stays so when the app takes over`, async ({ browser, baseURL }) => {
    // The header alone: the browser's own list (navigator.languages) says en-US.
    const reader = await newBrowser(browser, baseURL, { locale: undefined, extraHTTPHeaders: { 'Accept-Language': header } });
    await expectOneLanguage(await acrossTakeover(reader, '/news/595305'), lang);
    await reader.context.close();
  });
}

/** Sets the browser's languages to `list`: its header (with falling
 *  q-values) and navigator.languages. */
async function setBrowserLanguages(page, list) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setUserAgentOverride', { userAgent: await page.evaluate(() => navigator.userAgent), acceptLanguage: list });
}

for (const [list, lang] of [['fr,EN', 'en'], ['Zh-CN', 'zh'], ['ko,ZH-tw,en', 'zh'], ['de-DE,de', 'ja'], ['JA-jp,en', 'ja']]) {
  test(`a browser in ${list} gets ${lang} from the server and from the app, on a published page and on one that is not`, async ({ browser, baseURL }) => {
    const reader = await newBrowser(browser, baseURL, { locale: undefined });
    await setBrowserLanguages(reader.page, list);
    await expectOneLanguage(await acrossTakeover(reader, '/news/595305'), lang);
    expect(await reader.page.evaluate(() => navigator.languages.join(','))).toBe(list);
    // No published page: the app alone applies the rule to the browser's list.
    writeData('articles/e2e-language-rule.json', article('e2e-language-rule'));
    await dataServedAs(reader.page.request, 'articles/e2e-language-rule.json', 200);
    await reader.page.goto('/news/e2e-language-rule');
    await appRunning(reader.page);
    await expect(reader.page.locator('html')).toHaveAttribute('lang', lang);
    await expect(articlePage(reader.page, lang).sizes).toBeVisible();
    await reader.context.close();
  });
}

const STORED = 'changning-reader.language';

for (const [memory, { cookie, stored }, lang] of [
  ['the cookie only', { cookie: 'zh' }, 'zh'],
  ['local storage only (where the app kept it before)', { stored: 'zh' }, 'ja'],
  ['a cookie and local storage that disagree', { cookie: 'en', stored: 'zh' }, 'en'],
  ['neither', {}, 'ja'],
]) {
  test(`remembered in ${memory}: the page and the app agree; the cookie is the one memory after`, async ({ browser, baseURL }) => {
    const reader = await newBrowser(browser, baseURL, { locale: 'ja-JP' });
    if (cookie) await reader.context.addCookies([{ name: 'reader_lang', value: cookie, url: baseURL }]);
    // As an earlier visit left it.
    if (stored) await reader.page.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORED, stored]);
    await expectOneLanguage(await acrossTakeover(reader, '/news/595305'), lang);
    // Local storage no longer holds the language; a choice kept only there
    // moved into the cookie, and comes with the next page.
    expect(await reader.page.evaluate((key) => localStorage.getItem(key), STORED)).toBeNull();
    const kept = (await reader.context.cookies()).find((c) => c.name === 'reader_lang')?.value;
    expect(kept).toBe(cookie ?? stored);
    const later = await newBrowser(browser, baseURL, { locale: 'ja-JP', storageState: await reader.context.storageState() });
    await expectOneLanguage(await acrossTakeover(later, '/news/595305'), cookie ?? stored ?? 'ja');
    await reader.context.close();
    await later.context.close();
  });
}

test('a kiosk keeps the language it was set up with for its session; a visitor\'s choice is not kept', async ({ browser, baseURL }) => {
  const kiosk = await newBrowser(browser, baseURL, { locale: 'ja-JP' });
  await kiosk.page.goto('/news/595305?kiosk=1&lang=zh');
  await appRunning(kiosk.page);
  await kiosk.page.getByRole('button', { name: label('language_name', 'en') }).click();
  await expect(kiosk.page.locator('html')).toHaveAttribute('lang', 'en');
  const cookie = (await kiosk.context.cookies()).find((c) => c.name === 'reader_lang');
  expect(cookie).toMatchObject({ value: 'zh', expires: -1 });
  // Loaded again (the kiosk's session goes on): its own language, from the server and the app.
  await expectOneLanguage(await acrossTakeover(kiosk, '/news/595305'), 'zh');
  await kiosk.context.close();
});
