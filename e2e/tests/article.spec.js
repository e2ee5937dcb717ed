// The reader's journey on an article page.
import { test, expect, appRuns } from '../support/test.js';
import { label } from '../support/labels.js';
import { articlePage } from '../support/pages.js';
import { article, fontSize, sampleData, writeData } from '../support/site.js';

const seed = sampleData('articles/595305.json');

test('the seed article shows its title, date and every block in order', async ({ page }) => {
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page).toHaveTitle(seed.title);

  const published = page.locator(`time[datetime="${seed.published}"]`);
  await expect(published).toHaveText('2021年10月14日');
  await expect(page.getByText(label('published'))).toBeVisible();
  // views is null: the count is not shown at all, not as 0.
  await expect(page.getByText(label('views'))).toHaveCount(0);

  const shown = await page.getByRole('article').locator('p, h2').allTextContents();
  const expected = seed.blocks.map((b) => b.text);
  const start = shown.indexOf(expected[0]);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(shown.slice(start, start + expected.length)).toEqual(expected);
  for (const block of seed.blocks.filter((b) => b.kind === 'heading')) {
    await expect(page.getByRole('heading', { level: 2, name: block.text })).toBeVisible();
  }

  const crumbs = page.getByRole('navigation', { name: label('breadcrumbs') }).getByRole('link');
  await expect(crumbs).toHaveText(seed.breadcrumbs);
  await expect(page.getByRole('article')).toHaveAttribute('lang', 'ja');
});

test('the article does not wait for the world map its printed copy uses', async ({ page }) => {
  // The printed partner map needs the world outlines; a slow map file must
  // neither hold the article back nor, when it arrives, redraw the page
  // under the reader.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/map/world-110m.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  const small = articlePage(page).size('font_small');
  await small.focus();
  const arrived = page.waitForResponse('**/map/world-110m.json');
  release();
  await arrived;
  // The paper-only map (hidden on screen) now has its countries.
  const paperMap = page.getByRole('img', { name: label('map_label'), includeHidden: true });
  await expect(paperMap.locator('.static-map__country').first()).toBeAttached();
  await expect(small).toBeFocused();
});

test('a known view count is shown with thousands separators', async ({ page }) => {
  writeData('articles/e2e-views.json', article('e2e-views', { views: 4321 }));
  await page.goto('/news/e2e-views');
  await expect(page.getByText(label('views'))).toBeVisible();
  await expect(page.getByText('4,321')).toBeVisible();
});

test('大 > 中 > 小 scale the article text, and the choice survives a reload', async ({ page }) => {
  await page.goto('/news/595305');
  const { size } = articlePage(page);
  const paragraph = page.getByText(seed.blocks[0].text);
  await expect(size('font_medium')).toHaveAttribute('aria-pressed', 'true');
  const medium = await fontSize(paragraph);

  await size('font_large').click();
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
  await expect(size('font_medium')).toHaveAttribute('aria-pressed', 'false');
  const large = await fontSize(paragraph);

  await size('font_small').click();
  await expect(size('font_small')).toHaveAttribute('aria-pressed', 'true');
  const small = await fontSize(paragraph);
  expect(large).toBeGreaterThan(medium);
  expect(medium).toBeGreaterThan(small);

  await size('font_large').click();
  await page.reload();
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
  expect(await fontSize(paragraph)).toBe(large);
});

test('a remembered size is there from the first paint: the text never jumps', async ({ page }) => {
  await page.goto('/news/595305');
  await articlePage(page).size('font_large').click();
  // Record the size of the first paragraph at the moment it enters the page.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const p = document.querySelector('article .article-body p');
      if (p) {
        window.__firstSize = parseFloat(getComputedStyle(p).fontSize);
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  const paragraph = page.getByText(seed.blocks[0].text);
  await expect(paragraph).toBeVisible();
  const first = await page.evaluate(() => window.__firstSize);
  expect(first).toBe(await fontSize(paragraph));
});

test('the size buttons still work when browser storage is refused', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('storage is disabled', 'SecurityError');
      },
    });
  });
  await page.goto('/news/595305');
  const large = articlePage(page).size('font_large');
  const paragraph = page.getByText(seed.blocks[0].text);
  const medium = await fontSize(paragraph);
  await large.click();
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  expect(await fontSize(paragraph)).toBeGreaterThan(medium);
});

test('印刷 opens the print dialog, and paper shows the article alone', async ({ page }) => {
  await page.addInitScript(() => {
    window.__printCalls = 0;
    window.print = () => {
      window.__printCalls += 1;
    };
  });
  await page.goto('/news/595305');
  await articlePage(page).print.click();
  expect(await page.evaluate(() => window.__printCalls)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(seed.blocks[0].text)).toBeVisible();
  for (const key of ['print', 'close', 'font_large', 'font_medium', 'font_small']) {
    await expect(page.getByRole('button', { name: label(key), exact: true })).toBeHidden();
  }
  await expect(page.getByRole('navigation', { name: label('breadcrumbs') })).toBeHidden();
  await expect(articlePage(page).backToTop).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  // Black text, and no background ink anywhere on the page.
  const colours = await page.evaluate(() => {
    const inked = [...document.querySelectorAll('body, body *')]
      .map((el) => getComputedStyle(el).backgroundColor)
      .filter((c) => c !== 'rgba(0, 0, 0, 0)' && c !== 'rgb(255, 255, 255)');
    return { text: getComputedStyle(document.querySelector('article .article-body p')).color, inked };
  });
  expect(colours).toEqual({ text: 'rgb(0, 0, 0)', inked: [] });
});

test('閉じる on a page opened directly goes to the column', async ({ page }) => {
  await page.goto('/news/595305');
  await articlePage(page).close.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: seed.title })).toBeVisible();
});

test('閉じる goes back to where the reader came from in the app', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: seed.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await articlePage(page).close.click();
  await expect(page).toHaveURL(/\/$/);
  // It went back rather than forward to a new page: "forward" returns to the article.
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
});

test('閉じる closes a window that a script opened', async ({ page }) => {
  await page.goto('/');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate(() => window.open('/news/595305', '_blank')),
  ]);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  // As `page.goto` does for the test's own page: the app has taken the
  // published page over, so the press does not straddle the swap.
  await appRuns(popup);
  // The window may close before the click returns; only that failure is expected.
  const click = articlePage(popup).close.click().catch((error) => {
    if (!popup.isClosed()) throw error;
  });
  await Promise.all([popup.waitForEvent('close'), click]);
  expect(popup.isClosed()).toBe(true);
});

test('トップへ戻る leads to the column', async ({ page }) => {
  await page.goto('/news/595305');
  await articlePage(page).backToTop.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleData('articles/index.json').column.title);
});
