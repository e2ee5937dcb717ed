// One reader, keyboard only, through the whole product.
import { test, expect } from '../support/test.js';
import { sampleData } from '../support/site.js';

const seed = sampleData('articles/595305.json');

/** Presses Tab until `target` has focus; on the way, focus must always be
 *  on a visible element showing a focus indicator, never lost to the page. */
async function tabTo(page, target, { backwards = false } = {}) {
  for (let i = 0; i < 150; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'lost';
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return `invisible: ${el.outerHTML.slice(0, 80)}`;
      return el.matches(':focus-visible') ? 'ok' : `no focus indicator: ${el.outerHTML.slice(0, 80)}`;
    });
    expect(focus).toBe('ok');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('keyboard only: column, article, text size, map, table, filters, zoom, print view', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // A skip link comes first and leads to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '本文へスキップ' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Column → article; focus moves to the new page's content.
  await tabTo(page, page.getByRole('link', { name: seed.title }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('main')).toBeFocused();

  // Text size.
  const large = page.getByRole('group', { name: '文字サイズ' }).getByRole('button', { name: '大' });
  await tabTo(page, large);
  await page.keyboard.press('Enter');
  await expect(large).toHaveAttribute('aria-pressed', 'true');

  // A partner named in the text → the map, with that partner selected.
  await tabTo(page, page.getByRole('article').getByRole('link', { name: 'ソベルト市' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'ソポト市' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'ソポト市を選択しました' })).toBeAttached();

  // Select partners on the map; Escape gives focus back.
  const papeete = page.getByRole('group', { name: '提携都市の地図' }).getByRole('link', { name: 'パペーテ市', exact: true });
  await tabTo(page, papeete);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'パペーテ市' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(papeete).toBeFocused();

  // Zoom and pan the map.
  const map = page.getByRole('group', { name: '提携都市の地図' });
  await tabTo(page, map, { backwards: true });
  const before = await papeete.boundingBox();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await papeete.boundingBox()).x).not.toBe(before.x);

  // Filters, the timeline and its play button, and the table.
  const relation = page.getByLabel('関係');
  await tabTo(page, relation, { backwards: true });
  await page.keyboard.press('ArrowDown');
  await expect(relation).toHaveValue('sister');
  const year = page.getByRole('slider', { name: '提携年' });
  await tabTo(page, year);
  await page.keyboard.press('Home');
  await expect(year).toHaveValue('1990');
  await expect(page.getByRole('group', { name: '提携都市の地図' }).getByRole('link', { name: 'ソポト市', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: '提携都市の地図' }).getByRole('link', { name: 'パペーテ市', exact: true })).toHaveCount(0);
  await page.keyboard.press('End');
  await tabTo(page, page.getByRole('button', { name: '年ごとに再生' }));
  const table = page.getByRole('table', { name: '提携都市' });
  const sortBySince = table.getByRole('button', { name: '提携開始' });
  await tabTo(page, sortBySince);
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: '提携開始' })).toHaveAttribute('aria-sort', 'ascending');
  const hirakata = table.getByRole('link', { name: '枚方市' });
  await tabTo(page, hirakata);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: '枚方市' })).toBeFocused();

  // From the panel to the article, then to its print view.
  await tabTo(page, page.getByRole('region', { name: '枚方市' }).getByRole('link', { name: seed.title }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await tabTo(page, page.getByRole('link', { name: '印刷用ページ' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/news\/595305\/print$/);
  await expect(page.getByRole('main')).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: '印刷' }));
});
