// Kiosk mode on a touch screen in a public hall.
import { test, expect } from '../support/test.js';
import { containing, label, labelParts } from '../support/labels.js';
import { mapPage, articlePage } from '../support/pages.js';
import { sampleData } from '../support/site.js';
import { installSpeech } from '../support/speech.js';

const seed = sampleData('articles/595305.json');
// The countdown's words after its number of seconds, and a cluster's after its count.
const [, countdownText] = labelParts('kiosk_countdown');
const [, clusterText] = labelParts('cluster_label');
test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true });

/** Visible controls smaller than 44×44 CSS px. */
function smallControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href], button, select, input, [role="button"], [tabindex="0"]')]
      .filter((el) => el.checkVisibility() && !el.closest('[aria-hidden="true"]'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ el, box }) => `${Math.round(box.width)}×${Math.round(box.height)} ${el.outerHTML.slice(0, 90)}`),
  );
}

test('a kiosk has no print or close, large text, and only controls of 44×44 or more', async ({ page }) => {
  await page.goto('/news/595305?kiosk=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  const { print, close, size } = articlePage(page);
  await expect(print).toBeHidden();
  await expect(close).toBeHidden();
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
  expect(await smallControls(page)).toEqual([]);
  // While reading aloud, its own controls (pause, stop, next, previous) too.
  await installSpeech(page);
  await page.reload();
  await page.getByRole('button', { name: label('read_aloud'), exact: true }).tap();
  await expect(page.getByRole('button', { name: label('read_aloud_stop'), exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: label('read_aloud_next') })).toBeVisible();
  expect(await smallControls(page), 'reading aloud').toEqual([]);
  await page.getByRole('button', { name: label('read_aloud_pause'), exact: true }).tap();
  expect(await smallControls(page), 'paused').toEqual([]);
  for (const path of ['/', '/partners', '/partners/sopot']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await smallControls(page), path).toEqual([]);
  }
});

/** How far the page scrolls sideways (none: 0 or less), once its heading shows. */
async function sidewaysOverflow(page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
}

/** How far the page scrolls down (none: 0 or less). */
function downwardOverflow(page) {
  return page.evaluate(() => document.scrollingElement.scrollHeight - window.innerHeight);
}

test('portrait 1080×1920: nothing scrolls sideways; the map, its controls and the list fill the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/news/595305?kiosk=1');
  expect(await sidewaysOverflow(page), 'the article').toBeLessThanOrEqual(0);
  await page.goto('/partners?kiosk=1');
  const { canvas, table } = mapPage(page);
  await expect(table).toBeVisible();
  expect(await sidewaysOverflow(page), 'the map').toBeLessThanOrEqual(0);
  expect(await downwardOverflow(page)).toBeLessThanOrEqual(0);
  const footerBottom = await page.evaluate(() => document.querySelector('.site-footer').getBoundingClientRect().bottom);
  expect(Math.abs(footerBottom - 1920)).toBeLessThan(2);
  expect((await canvas.boundingBox()).height).toBeGreaterThan(1920 * 0.35);
});

test('landscape 1920×1080: nothing scrolls sideways; the map takes at least half the screen and the page does not scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const path of ['/news/595305?kiosk=1', '/partners']) {
    await page.goto(path);
    expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
  }
  await page.goto('/partners/sopot?kiosk=1');
  const { map, panel } = mapPage(page);
  await expect(panel('sopot')).toBeVisible();
  // The map: its drawing with its zoom controls.
  const box = await map.boundingBox();
  expect(box.width * box.height).toBeGreaterThanOrEqual((1920 * 1080) / 2);
  expect(await downwardOverflow(page)).toBeLessThanOrEqual(0);
});

test('an idle kiosk counts down politely and returns to its home', async ({ page }) => {
  await page.clock.install();
  await page.goto('/partners?kiosk=1&idle=4');
  const { tableLink, panel, marker } = mapPage(page);
  await tableLink('sopot').tap();
  await expect(page).toHaveURL(/\/partners\/sopot$/);
  await panel('sopot').getByRole('link', { name: seed.title }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  const { size } = articlePage(page);
  await size('font_small').tap();
  // Nobody touches it: a countdown in the second half of the idle time…
  const countdown = page.getByRole('status').filter({ hasText: countdownText });
  await expect(countdown).toHaveCount(0);
  await page.clock.runFor(2_600);
  await expect(countdown).toBeVisible();
  // …then home with large text, the whole map and no selection.
  await page.clock.runFor(2_000);
  await expect(page).toHaveURL(/\/partners$/);
  await expect(countdown).toHaveCount(0);
  await expect(marker('papeete')).toBeVisible();
  await expect(panel('sopot')).toHaveCount(0);
  await page.goto('/news/595305');
  await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
});

test('on a kiosk, partners too close for fingers share a cluster that zooms in', async ({ page }) => {
  await page.goto('/partners?kiosk=1');
  const { map, marker, panel } = mapPage(page);
  // Sopot and Minsk are a few pixels apart at world zoom.
  const cluster = map.getByRole('button', { name: containing(clusterText) }).first();
  await expect(cluster).toBeVisible();
  await expect(marker('papeete')).toBeVisible();
  for (let i = 0; i < 4 && !(await marker('sopot').count()); i++) {
    await map.getByRole('button', { name: containing(clusterText) }).first().tap();
  }
  await marker('sopot').tap();
  await expect(panel('sopot')).toBeVisible();
});

test('a touch cancels the countdown', async ({ page }) => {
  await page.goto('/news/595305?kiosk=1&idle=4');
  const countdown = page.getByRole('status').filter({ hasText: countdownText });
  await expect(countdown).toBeVisible();
  await countdown.getByRole('button', { name: label('kiosk_stay') }).tap();
  await expect(countdown).toHaveCount(0);
  await expect(page).toHaveURL(/\/news\/595305/);
});

test('a tap during the countdown reaches what it taps: nothing moves under the finger', async ({ page }) => {
  await page.clock.install();
  await page.goto('/partners?kiosk=1&idle=4');
  const countdown = page.getByRole('status').filter({ hasText: countdownText });
  const { marker, panel } = mapPage(page);
  await expect(marker('papeete')).toBeVisible();
  const before = await marker('papeete').boundingBox();
  await page.clock.runFor(2_600);
  await expect(countdown).toBeVisible();
  expect(await marker('papeete').boundingBox()).toEqual(before);
  await marker('papeete').tap();
  await expect(page).toHaveURL(/\/partners\/papeete$/);
  await expect(panel('papeete')).toBeVisible();
  await expect(countdown).toHaveCount(0);
});

test('kiosk mode lasts the browser session and ?kiosk=0 leaves it', async ({ page }) => {
  await page.goto('/partners?kiosk=1');
  // The app has started (and taken up kiosk mode) once the map page shows.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('partners_title'));
  const { print } = articlePage(page);
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(print).toBeHidden();
  await page.goto('/news/595305?kiosk=0');
  await expect(print).toBeVisible();
  await page.goto('/news/595305');
  await expect(print).toBeVisible();
});

test('idle at home on the map, attract mode shows partners until a touch', async ({ page }) => {
  await page.clock.install();
  await page.goto('/partners?kiosk=1&idle=2');
  await expect(mapPage(page).table).toBeVisible();
  // Nobody there: the kiosk resets, rests on its home a moment, plays the
  // years, then selects partners one after another.
  await page.clock.runFor(2_500 + 6_000 + 6_500);
  await expect(page).toHaveURL(/\/partners\/[a-z-]+$/);
  await expect(page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2 }) })).toBeVisible();
  // A touch stops it; left alone again, the kiosk goes home rather than on.
  await page.getByRole('heading', { level: 1 }).tap();
  await page.clock.runFor(2_500);
  await expect(page).toHaveURL(/\/partners$/);
});
