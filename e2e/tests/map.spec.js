// The map as the page's centrepiece: centred on the district, large, with a
// timeline of partnerships; partnerships known only by their year; kiosks.
import { test, expect } from '../support/test.js';
import { label, labelParts } from '../support/labels.js';
import { mapPage, partnerName } from '../support/pages.js';
import { sampleData } from '../support/site.js';

const cities = sampleData('cities.json');

/** The horizontal centre of an element, relative to the map canvas. */
async function centreX(locator, canvas) {
  const [box, frame] = [await locator.boundingBox(), await canvas.boundingBox()];
  return { x: box.x + box.width / 2 - frame.x, width: frame.width };
}

test('the map is centred on the district: Seoul next to the middle, Papeete east of it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/partners');
  const { marker, canvas } = mapPage(page);
  const gangseo = await centreX(marker('gangseo'), canvas);
  expect(Math.abs(gangseo.x - gangseo.width / 2) / gangseo.width).toBeLessThan(0.06);
  const papeete = await centreX(marker('papeete'), canvas);
  expect(papeete.x).toBeGreaterThan(papeete.width / 2);
  const sopot = await centreX(marker('sopot'), canvas);
  expect(sopot.x).toBeLessThan(sopot.width / 2);
});

test('the home is whatever the data says: centred on another district, the map moves', async ({ page }) => {
  const data = structuredClone(cities);
  data.home = { id: 'lima', names: { ja: 'リマ', en: 'Lima' }, lat: -12.05, lon: -77.04 };
  await page.route('**/data/cities.json', (route) => route.fulfill({ json: data }));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/partners');
  const { marker, canvas } = mapPage(page);
  // Seen from Lima, Papeete is west of the middle and Sopot east.
  expect((await centreX(marker('papeete'), canvas)).x).toBeLessThan((await canvas.boundingBox()).width / 2);
  expect((await centreX(marker('sopot'), canvas)).x).toBeGreaterThan((await canvas.boundingBox()).width / 2);
});

test('at 1280 px the map stays at least 800 px wide, with and without a selection', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/partners');
  const { canvas, marker, panel } = mapPage(page);
  expect((await canvas.boundingBox()).width).toBeGreaterThanOrEqual(800);
  await marker('sopot').click();
  await expect(panel('sopot')).toBeVisible();
  expect((await canvas.boundingBox()).width).toBeGreaterThanOrEqual(800);
});

test('on a phone the map is full width and at least 55% of the screen high', async ({ page }) => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 640 }]) {
    await page.setViewportSize(viewport);
    await page.goto('/partners');
    const box = await mapPage(page).canvas.boundingBox();
    const main = await page.getByRole('main').evaluate((el) => {
      const style = getComputedStyle(el);
      return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    });
    expect(box.width).toBeGreaterThanOrEqual(main - 2);
    expect(box.height).toBeGreaterThanOrEqual(viewport.height * 0.55 - 1);
  }
});

test('提携年: the map, the table and the counts show the partnerships of that year', async ({ page }) => {
  await page.goto('/partners');
  const { year, marker, row, table } = mapPage(page);
  // The counts, found by their words after the number of partners, whatever the numbers.
  const counts = page.getByRole('status').filter({ hasText: labelParts('counts')[1] });
  // From the decade of the first partnership (1993) to this year.
  await expect(year).toHaveAttribute('min', '1990');
  await expect(year).toHaveAttribute('max', String(new Date().getFullYear()));
  await year.fill('1990');
  await expect(marker('hirakata')).toHaveCount(0);
  await expect(row('hirakata')).toHaveCount(0);
  // Partners whose start is not known are always shown, marked undated.
  await expect(marker('sopot')).toBeVisible();
  await expect(row('sopot')).toContainText(label('undated'));
  await expect(page.getByText(label('timeline_year', 'ja', { year: 1990 }), { exact: true })).toBeVisible();
  await year.fill('1993');
  await expect(marker('hirakata')).toBeVisible();
  await expect(row('hirakata')).toHaveCount(1);
  await expect(marker('minsk-sovetsky')).toHaveCount(0);
  await expect(row('minsk-sovetsky')).toHaveCount(0);
  await expect(counts).toContainText(label('counts', 'ja', { partners: 3, countries: 3, continents: 2 }));
  // The keyboard: End is today, everything again; Home the first year.
  await year.focus();
  await page.keyboard.press('End');
  await expect(table.getByRole('row')).toHaveCount(cities.partners.length + 1);
  for (const partner of cities.partners) {
    await expect(marker(partner.id)).toBeVisible();
    await expect(row(partner.id)).toHaveCount(1);
  }
  await expect(counts).toContainText(label('counts', 'ja', { partners: 7, countries: 7, continents: 3 }));
  await page.keyboard.press('Home');
  await expect(year).toHaveValue('1990');
  await expect(marker('hirakata')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(year).toHaveValue('1991');
});

test('the play button steps through the years, can be stopped, and never takes focus', async ({ page }) => {
  // The page's own clock, so that each step is seen to come, or not.
  await page.clock.install();
  await page.goto('/partners');
  const { year, play } = mapPage(page);
  await year.focus();
  await page.clock.pauseAt(Date.now() + 60_000);
  await play.evaluate((b) => b.click());
  await expect(year).toHaveValue('1990');
  await page.clock.runFor(900);
  await expect(year).toHaveValue('1991');
  await page.clock.runFor(900);
  await expect(year).toHaveValue('1992');
  await expect(year).toBeFocused();
  await page.getByRole('button', { name: label('timeline_stop') }).click();
  await expect(page.getByRole('button', { name: label('timeline_play') })).toBeVisible();
  await page.clock.runFor(5_000);
  await expect(year).toHaveValue('1992');
});

test('a partnership known only by its year is on the map, its row says the year, sorted with the others', async ({ page }) => {
  const data = structuredClone(cities);
  data.partners.find((p) => p.id === 'sopot').since = '1994';
  await page.route('**/data/cities.json', (route) => route.fulfill({ json: data }));
  await page.goto('/partners');
  const { marker, row, table, year } = mapPage(page);
  await expect(marker('sopot')).toBeVisible();
  await expect(row('sopot')).toContainText('1994年');
  await table.getByRole('button', { name: label('col_since') }).click();
  const names = await table.getByRole('row').locator('th[scope="row"]').allTextContents();
  expect(names.slice(0, 2)).toEqual([partnerName('hirakata'), partnerName('sopot')]);
  await year.fill('1993');
  await expect(marker('sopot')).toHaveCount(0);
  // In every language: the year alone, as that language writes it.
  for (const [lang, text] of [['en', /1994(?!年)/], ['zh', '1994年']]) {
    await page.goto(`/partners/sopot?lang=${lang}`);
    const map = mapPage(page, lang);
    await expect(map.year).toBeVisible();
    await expect(map.row('sopot')).toContainText(text);
    await expect(map.panel('sopot')).toContainText(text);
  }
});

test.describe('on a kiosk', () => {
  test('idle at home, attract mode plays the years; with reduced motion it does not', async ({ browser, baseURL }) => {
    for (const reducedMotion of ['no-preference', 'reduce']) {
      const context = await browser.newContext({ baseURL, reducedMotion, locale: 'ja-JP', serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.clock.install();
      await page.goto('/partners?kiosk=1&idle=10');
      const { year, play } = mapPage(page);
      const now = String(new Date().getFullYear());
      await expect(year).toHaveValue(now);
      await page.clock.pauseAt(Date.now() + 1_000);
      // Nobody there: past the idle time the kiosk resets, shows its home
      // for one attract interval, then attract mode begins.
      await page.clock.runFor(10_600);
      await expect(year).toHaveValue(now);
      await page.clock.runFor(6_000);
      if (reducedMotion === 'reduce') {
        await expect(play).toBeHidden();
        await page.clock.runFor(10_000);
        await expect(year).toHaveValue(now);
        await expect(page).toHaveURL(/\/partners(\?|$)/);
      } else {
        // Playing from the first year, a year at a time.
        await expect.poll(async () => Number(await year.inputValue())).toBeLessThan(1996);
        const shown = Number(await year.inputValue());
        await page.clock.runFor(900);
        await expect(year).toHaveValue(String(shown + 1));
        // A touch stops it, and shows every partnership again.
        await page.getByRole('heading', { level: 1 }).click();
        await expect(year).toHaveValue(now);
      }
      await context.close();
    }
  });
});
