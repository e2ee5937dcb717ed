// Kiosk mode on a touch screen in a public hall.
import { test, expect } from '../support/test.js';
import { sampleData } from '../support/site.js';

const seed = sampleData('articles/595305.json');
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
  await expect(page.getByRole('button', { name: '印刷' })).toBeHidden();
  await expect(page.getByRole('button', { name: '閉じる' })).toBeHidden();
  await expect(page.getByRole('button', { name: '大' })).toHaveAttribute('aria-pressed', 'true');
  expect(await smallControls(page)).toEqual([]);
  for (const path of ['/', '/partners', '/partners/sopot']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await smallControls(page), path).toEqual([]);
  }
});

test('portrait and landscape both fit without scrolling sideways', async ({ page }) => {
  for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(viewport);
    for (const path of ['/news/595305?kiosk=1', '/partners']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(0);
    }
  }
});

test('an idle kiosk counts down politely and returns to its home', async ({ page }) => {
  await page.clock.install();
  await page.goto('/partners?kiosk=1&idle=4');
  const map = page.getByRole('group', { name: '提携都市の地図' });
  await page.getByRole('table', { name: '提携都市' }).getByRole('link', { name: 'ソポト市' }).tap();
  await expect(page).toHaveURL(/\/partners\/sopot$/);
  await page.getByRole('region', { name: 'ソポト市' }).getByRole('link', { name: seed.title }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await page.getByRole('button', { name: '小' }).tap();
  // Nobody touches it: a countdown in the second half of the idle time…
  const countdown = page.getByRole('status').filter({ hasText: '秒後に最初の画面に戻ります' });
  await expect(countdown).toHaveCount(0);
  await page.clock.runFor(2_600);
  await expect(countdown).toBeVisible();
  // …then home with large text, the whole map and no selection.
  await page.clock.runFor(2_000);
  await expect(page).toHaveURL(/\/partners$/);
  await expect(countdown).toHaveCount(0);
  await expect(map.getByRole('link', { name: 'パペーテ市' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'ソポト市' })).toHaveCount(0);
  await page.goto('/news/595305');
  await expect(page.getByRole('button', { name: '大' })).toHaveAttribute('aria-pressed', 'true');
});

test('on a kiosk, partners too close for fingers share a cluster that zooms in', async ({ page }) => {
  await page.goto('/partners?kiosk=1');
  const map = page.getByRole('group', { name: '提携都市の地図' });
  // Sopot and Minsk are a few pixels apart at world zoom.
  const cluster = map.getByRole('button', { name: /件の提携都市/ }).first();
  await expect(cluster).toBeVisible();
  await expect(map.getByRole('link', { name: 'パペーテ市' })).toBeVisible();
  for (let i = 0; i < 4 && !(await map.getByRole('link', { name: 'ソポト市', exact: true }).count()); i++) {
    await map.getByRole('button', { name: /件の提携都市/ }).first().tap();
  }
  await map.getByRole('link', { name: 'ソポト市', exact: true }).tap();
  await expect(page.getByRole('region', { name: 'ソポト市' })).toBeVisible();
});

test('a touch cancels the countdown', async ({ page }) => {
  await page.goto('/news/595305?kiosk=1&idle=4');
  const countdown = page.getByRole('status').filter({ hasText: '秒後に最初の画面に戻ります' });
  await expect(countdown).toBeVisible();
  await countdown.getByRole('button', { name: 'このまま使う' }).tap();
  await expect(countdown).toHaveCount(0);
  await expect(page).toHaveURL(/\/news\/595305/);
});

test('kiosk mode lasts the browser session and ?kiosk=0 leaves it', async ({ page }) => {
  await page.goto('/partners?kiosk=1');
  // The app has started (and taken up kiosk mode) once the map page shows.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('提携都市');
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('button', { name: '印刷' })).toBeHidden();
  await page.goto('/news/595305?kiosk=0');
  await expect(page.getByRole('button', { name: '印刷' })).toBeVisible();
  await page.goto('/news/595305');
  await expect(page.getByRole('button', { name: '印刷' })).toBeVisible();
});

test('idle at home on the map, attract mode shows partners until a touch', async ({ page }) => {
  await page.clock.install();
  await page.goto('/partners?kiosk=1&idle=2');
  await expect(page.getByRole('table', { name: '提携都市' })).toBeVisible();
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
