// One reader, keyboard only, through the whole product.
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { mapPage, articlePage, partnerName, textName } from '../support/pages.js';
import { sampleData } from '../support/site.js';
import { installSpeech, said } from '../support/speech.js';

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

test('keyboard only: column, article, text size, reading aids, map, table, filters, zoom, print view', async ({ page }) => {
  test.setTimeout(90_000);
  await installSpeech(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // A skip link comes first and leads to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: label('skip_to_content') })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Column → article; focus moves to the new page's content.
  await tabTo(page, page.getByRole('link', { name: seed.title }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('main')).toBeFocused();

  // Text size.
  const large = articlePage(page).size('font_large');
  await tabTo(page, large);
  await page.keyboard.press('Enter');
  await expect(large).toHaveAttribute('aria-pressed', 'true');

  // Reading aids: a colour theme, furigana, read aloud and stop.
  const black = page.getByRole('group', { name: label('colour_theme') }).getByRole('button', { name: label('theme_black'), exact: true });
  await tabTo(page, black);
  await page.keyboard.press('Enter');
  await expect(black).toHaveAttribute('aria-pressed', 'true');
  const furigana = page.getByRole('button', { name: label('furigana') });
  await tabTo(page, furigana);
  await page.keyboard.press('Space');
  await expect(furigana).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('h1 rt').first()).toBeVisible();
  const readAloud = page.getByRole('button', { name: label('read_aloud'), exact: true });
  await tabTo(page, readAloud);
  await page.keyboard.press('Enter');
  await expect.poll(() => said(page)).toHaveLength(1);
  const stop = page.getByRole('button', { name: label('read_aloud_stop'), exact: true });
  await tabTo(page, stop);
  await page.keyboard.press('Enter');
  await expect(stop).toBeHidden();
  await expect(readAloud).toBeFocused();

  // A partner named in the text → the map, with that partner selected.
  // (With furigana on, the name is still the text as written.)
  await tabTo(page, page.getByRole('article').getByRole('link', { name: textName('ソベルト市') }));
  await page.keyboard.press('Enter');
  const { map, marker, panel, year, play, table, tableLink } = mapPage(page);
  await expect(panel('sopot')).toBeVisible();
  const announced = label('selected', 'ja', { name: partnerName('sopot') });
  await expect(page.getByRole('status').filter({ hasText: announced })).toBeAttached();

  // Select partners on the map; Escape gives focus back.
  const papeete = marker('papeete');
  await tabTo(page, papeete);
  await page.keyboard.press('Enter');
  await expect(panel('papeete')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(papeete).toBeFocused();

  // Zoom and pan the map.
  await tabTo(page, map, { backwards: true });
  const before = await papeete.boundingBox();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await papeete.boundingBox()).x).not.toBe(before.x);

  // Filters, the timeline and its play button, and the table.
  const relation = page.getByLabel(label('filter_relation'));
  await tabTo(page, relation, { backwards: true });
  await page.keyboard.press('ArrowDown');
  await expect(relation).toHaveValue('sister');
  await tabTo(page, year);
  await page.keyboard.press('Home');
  await expect(year).toHaveValue('1990');
  await expect(marker('sopot')).toBeVisible();
  await expect(marker('papeete')).toHaveCount(0);
  await page.keyboard.press('End');
  await tabTo(page, play);
  // Space plays the years from the first; the button becomes "stop", keeps
  // the focus, and Space again stops it.
  await page.keyboard.press('Space');
  const stopPlaying = page.getByRole('button', { name: label('timeline_stop') });
  await expect(stopPlaying).toBeFocused();
  await expect.poll(() => year.inputValue()).not.toBe(String(new Date().getFullYear()));
  await page.keyboard.press('Space');
  await expect(play).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('End');
  await tabTo(page, play);
  const sortBySince = table.getByRole('button', { name: label('col_since') });
  await tabTo(page, sortBySince);
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: label('col_since') })).toHaveAttribute('aria-sort', 'ascending');
  const hirakata = tableLink('hirakata');
  await tabTo(page, hirakata);
  await page.keyboard.press('Enter');
  await expect(panel('hirakata')).toBeFocused();

  // From the panel to the article, then to its print view.
  await tabTo(page, panel('hirakata').getByRole('link', { name: seed.title }));
  await page.keyboard.press('Enter');
  // Furigana is still on (a reader's setting): the heading shows the readings
  // once they load, and its name is the title as written.
  await expect(page.getByRole('heading', { level: 1, name: textName(seed.title) })).toBeVisible();
  await expect(page.locator('h1 rt').first()).toBeVisible();
  const { printView, print } = articlePage(page);
  await tabTo(page, printView);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/news\/595305\/print$/);
  await expect(page.getByRole('main')).toBeFocused();
  await tabTo(page, print);
});

test('keyboard only: the header search, its results, a filter and more', async ({ page }) => {
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  const box = page.getByRole('search', { name: label('search_site') }).getByRole('searchbox', { name: label('search') });
  await tabTo(page, box);
  await page.keyboard.type('枚方');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('search_heading', 'ja', { query: '枚方' }));
  // A change of page: focus goes to the content, then on to the results.
  await expect(page.getByRole('main')).toBeFocused();
  // Once the results are there (before, nothing after the heading takes focus).
  const hit = page.getByRole('list', { name: label('search_results') }).getByRole('link', { name: seed.title });
  await expect(hit).toBeVisible();
  const year = page.getByLabel(label('search_filter_year'));
  await tabTo(page, year);
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/[?&]year=\d{4}/);
  await expect(year).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page).not.toHaveURL(/[?&]year=/);
  await tabTo(page, hit);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('main')).toBeFocused();
});
