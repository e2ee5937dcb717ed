// Accessibility as a gate: axe over every route and state, in light and dark
// schemes, forced colours and reduced motion; reflow at 320 CSS px.
import { test, expect } from '../support/test.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { containing, label } from '../support/labels.js';
import { mapPage, articlePage } from '../support/pages.js';
import { article, writeData } from '../support/site.js';
import { installSpeech } from '../support/speech.js';

// axe is injected as an inline script, which the site's CSP rightly refuses.
test.use({ bypassCSP: true });

// Each state: a name and how to reach it (after which the page is ready).
const STATES = [
  ['column', async (page) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }],
  ['column page 2 of a generated archive', async (page) => {
    await page.goto(`${process.env.E2E_ARCHIVE_URL}/page/2`);
    await expect(page.getByRole('navigation', { name: label('column_pages') })).toBeVisible();
  }],
  ...['font_large', 'font_medium', 'font_small'].map((key) => [`article, text size ${label(key)}`, async (page) => {
    await page.goto('/news/595305');
    const size = articlePage(page).size(key);
    await size.click();
    await expect(size).toHaveAttribute('aria-pressed', 'true');
  }]),
  ['article, furigana on', async (page) => {
    await page.goto('/news/595305');
    const furigana = page.getByRole('button', { name: label('furigana') });
    await furigana.click();
    await expect(furigana).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('main rt').first()).toBeVisible();
  }],
  ['article, reading aloud', async (page) => {
    await page.goto('/news/595305');
    await page.getByRole('button', { name: label('read_aloud'), exact: true }).click();
    await expect(page.getByRole('button', { name: label('read_aloud_stop'), exact: true })).toBeVisible();
  }],
  ['print view', async (page) => {
    await page.goto('/news/595305/print');
    await expect(page.getByRole('img', { name: containing(label('qr_label')) })).toBeVisible();
  }],
  ['map, nothing selected', async (page) => {
    await page.goto('/partners');
    await expect(mapPage(page).table).toBeVisible();
  }],
  ['map, a partner selected', async (page) => {
    await page.goto('/partners/sopot');
    await expect(mapPage(page).panel('sopot')).toBeVisible();
  }],
  ['map, filters applied', async (page) => {
    await page.goto('/partners');
    await page.getByLabel(label('filter_continent')).selectOption({ label: label('continent_europe') });
    await expect(mapPage(page).table.getByRole('row')).not.toHaveCount(8);
  }],
  ['map, 提携年 at 1993 and playing', async (page) => {
    await page.goto('/partners');
    const { year, play } = mapPage(page);
    await year.fill('1993');
    await expect(mapPage(page).marker('minsk-sovetsky')).toHaveCount(0);
    // Under reduced motion there is no play button to press.
    if (await play.isVisible()) {
      await play.click();
      await expect(page.getByRole('button', { name: label('timeline_stop') })).toBeVisible();
    }
  }],
  ['search results', async (page) => {
    await page.goto(`/search?q=${encodeURIComponent('枚方')}`);
    await expect(page.getByRole('list', { name: label('search_results') }).getByRole('listitem').first()).toBeVisible();
  }],
  ['search results on a generated archive, filtered, after more', async (page) => {
    await page.goto(`${process.env.E2E_ARCHIVE_URL}/search?q=${encodeURIComponent('防災訓練')}&year=2026`);
    const items = page.getByRole('list', { name: label('search_results') }).getByRole('listitem');
    await expect(items).toHaveCount(10);
    await page.getByRole('button', { name: label('search_more') }).click();
    await expect(items).not.toHaveCount(10);
  }],
  ['search, no match', async (page) => {
    await page.goto(`/search?q=${encodeURIComponent('zqxjvwkq')}`);
    await expect(page.getByText(label('search_no_match', 'ja', { query: 'zqxjvwkq' }))).toBeVisible();
  }],
  ['article not found', async (page) => {
    await page.goto('/news/e2e-a11y-missing');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
  }],
  ['malformed data', async (page) => {
    writeData('articles/e2e-a11y-malformed.json', '{"id": ');
    await page.goto('/news/e2e-a11y-malformed');
    await expect(page.getByRole('alert')).toBeVisible();
  }],
  ['server error', async (page) => {
    writeData('articles/e2e-a11y-503.json', article('e2e-a11y-503'));
    await page.route('**/data/articles/e2e-a11y-503.json', (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto('/news/e2e-a11y-503');
    await expect(page.getByRole('button', { name: label('retry') })).toBeVisible();
  }],
  ['unknown page', async (page) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }],
  // The other interface languages (remembered, so the last state returns to Japanese).
  ['article, English interface', async (page) => {
    await page.goto('/news/595305?lang=en');
    await expect(articlePage(page, 'en').sizes).toBeVisible();
  }],
  ['map with a partner selected, Chinese interface', async (page) => {
    await page.goto('/partners/sopot?lang=zh');
    await expect(mapPage(page, 'zh').table).toBeVisible();
    await expect(page.getByRole('region')).toBeVisible();
  }],
  ['column, Japanese interface again', async (page) => {
    await page.goto('/?lang=ja');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const japanese = page.getByRole('button', { name: label('language_name', 'ja') });
    await expect(japanese).toHaveAttribute('aria-pressed', 'true');
  }],
  // Kiosk mode lasts for the session: these come last.
  ['kiosk, article', async (page) => {
    await page.goto('/news/595305?kiosk=1');
    await expect(articlePage(page).size('font_large')).toHaveAttribute('aria-pressed', 'true');
  }],
  ['kiosk, map', async (page) => {
    await page.goto('/partners?kiosk=1');
    await expect(mapPage(page).table).toBeVisible();
  }],
];

/** The reader's colour theme, as the 背景色 buttons remember it. */
const rememberTheme = (theme) => (page) =>
  page.addInitScript((t) => localStorage.setItem('changning-reader.theme', t), theme);

// Each mode: the system's media features and the reader's colour theme.
const MODES = [
  ['light', {}],
  ['dark', { colorScheme: 'dark' }],
  ['forced colours', { forcedColors: 'active' }],
  ['reduced motion', { reducedMotion: 'reduce' }],
  [`theme ${label('theme_black')}`, {}, rememberTheme('black')],
  [`theme ${label('theme_blue')}`, {}, rememberTheme('blue')],
  [`theme ${label('theme_white')} on a dark system`, { colorScheme: 'dark' }, rememberTheme('white')],
];

for (const [mode, media, prepare] of MODES) {
  test(`no axe violations anywhere (${mode})`, async ({ page }) => {
    test.setTimeout(120_000);
    await installSpeech(page);
    await page.emulateMedia(media);
    if (prepare) await prepare(page);
    for (const [state, reach] of STATES) {
      await reach(page);
      await expectNoAxeViolations(page, `${state} (${mode})`);
    }
  });
}

test('every route reflows at 320 CSS px without sideways scrolling', async ({ page }) => {
  await installSpeech(page);
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [state, reach] of STATES) {
    await reach(page);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    expect(overflow, `${state} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test('each page has landmarks and exactly one h1', async ({ page }) => {
  await installSpeech(page);
  for (const [state, reach] of STATES) {
    await reach(page);
    await expect(page.getByRole('banner'), state).toHaveCount(1);
    await expect(page.getByRole('main'), state).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), state).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 }), state).toHaveCount(1);
  }
});

test('the map drawing is hidden from assistive technology except its partner controls', async ({ page }) => {
  await page.goto('/partners');
  const snapshot = await mapPage(page).map.ariaSnapshot();
  // Only links (the partners), buttons (zoom) and the help text: no paths, no labels twice.
  const roles = snapshot
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter((line) => !line.startsWith('/')) // a link's /url
    .map((line) => line.split(/[ :"]/)[0])
    .filter(Boolean);
  expect(new Set(roles)).toEqual(new Set(['group', 'paragraph', 'link', 'button']));
});

test('the axe gate does fail on a real violation (it is not silently empty)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const button = document.createElement('button'); // no accessible name
    document.querySelector('main').append(button);
  });
  await expect(expectNoAxeViolations(page, 'a page with a nameless button')).rejects.toThrow(/button-name/);
});
