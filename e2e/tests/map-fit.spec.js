// The map opens on its partners: on a phone, a desktop and a kiosk in
// portrait, every partner is inside the map box and together they span most
// of it (not a band across a whole world); a filter or the timeline shows
// the partners it leaves, unless the reader has moved the map; reset
// returns to them.
import { test, expect } from '../support/test.js';
import { containing, label, labelParts } from '../support/labels.js';
import { mapPage } from '../support/pages.js';
import { sampleData } from '../support/site.js';

const partners = sampleData('cities.json').partners.map((p) => p.id);
const [, clusterText] = labelParts('cluster_label');

/** Where the shown partners and home are in the map box: each partner's
 *  marker (or the cluster holding it) and home's, as boxes, and the share of
 *  the box's width or height their centres span (the larger). */
async function partnersInBox(page, ids) {
  const { map, marker, canvas, home } = mapPage(page);
  // A marker being drawn again (joining a cluster as the map is fitted
  // again), or the map's frame as the app takes over the published page,
  // has no box for a moment, or is gone once found: asked again.
  const boxOf = (locator) =>
    locator.boundingBox({ timeout: 1000 }).catch((e) => {
      if (e.name === 'TimeoutError') return null;
      throw e;
    });
  const box = await boxOf(canvas);
  const boxes = [await boxOf(home)];
  for (const id of ids) {
    if (await marker(id).count()) boxes.push(await boxOf(marker(id)));
  }
  for (const cluster of await map.getByRole('button', { name: containing(clusterText) }).all()) {
    boxes.push(await boxOf(cluster));
  }
  if (box === null || boxes.some((b) => b === null)) return { count: 0, inside: false, span: 0 };
  const xs = boxes.map((b) => b.x + b.width / 2);
  const ys = boxes.map((b) => b.y + b.height / 2);
  const inside = boxes.every(
    (b) => b.x >= box.x - 0.5 && b.y >= box.y - 0.5 && b.x + b.width <= box.x + box.width + 0.5 && b.y + b.height <= box.y + box.height + 0.5,
  );
  return {
    count: boxes.length - 1,
    inside,
    span: Math.max((Math.max(...xs) - Math.min(...xs)) / box.width, (Math.max(...ys) - Math.min(...ys)) / box.height),
  };
}

/** 'fits' when every one is inside the box and they span at least 70% of
 *  its width or height; else what is wrong (for the failure's message). */
async function fitsBox(page, ids) {
  const { count, inside, span } = await partnersInBox(page, ids);
  if (count === 0) return 'no partner shown';
  if (!inside) return 'a partner outside the box';
  return span >= 0.7 ? 'fits' : `they span ${(span * 100).toFixed(0)}% of the box`;
}

const screens = [
  ['a phone', { width: 390, height: 844 }, '/partners', false],
  ['a desktop', { width: 1400, height: 900 }, '/partners', false],
  ['a kiosk in portrait', { width: 1080, height: 1920 }, '/partners?kiosk=1', true],
  ['a kiosk in landscape', { width: 1920, height: 1080 }, '/partners?kiosk=1', true],
];

for (const [name, viewport, address, hasTouch] of screens) {
  test(`on ${name}, the map opens on its partners: all inside the box, spanning most of it`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, hasTouch, locale: 'ja-JP', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(address);
    await expect(mapPage(page).marker('papeete')).toBeVisible();
    await expect.poll(() => fitsBox(page, partners)).toBe('fits');
    await context.close();
  });
}

test('a filter and the timeline show the partners they leave; once the reader zooms, the map stays; reset returns', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/partners');
  const { map, marker, relation, year, home } = mapPage(page);
  await expect(marker('papeete')).toBeVisible();
  const all = sampleData('cities.json').partners;
  // Only the contact cities (two in the Aegean): they and home fill the box.
  await relation.selectOption('contact');
  const contacts = all.filter((p) => p.relation === 'contact').map((p) => p.id);
  expect(contacts.length).toBeGreaterThan(0);
  await expect(marker('papeete')).toHaveCount(0);
  await expect.poll(() => fitsBox(page, contacts)).toBe('fits');
  // The timeline's first year: the partners of that year (and those whose
  // year is unknown) only.
  await relation.selectOption('');
  await year.focus();
  await page.keyboard.press('Home');
  const first = Number(await year.inputValue());
  const ofFirstYear = all.filter((p) => !p.since || Number(p.since.slice(0, 4)) <= first).map((p) => p.id);
  expect(ofFirstYear.length).toBeGreaterThan(0);
  expect(ofFirstYear.length).toBeLessThan(all.length);
  await expect(marker('papeete')).toHaveCount(0);
  await expect.poll(() => fitsBox(page, ofFirstYear)).toBe('fits');
  await page.keyboard.press('End');
  await expect.poll(() => fitsBox(page, all.map((p) => p.id))).toBe('fits');
  // The reader zooms in: a filter no longer moves the map.
  const fitted = await home.boundingBox();
  await map.focus();
  await page.keyboard.press('+');
  await expect.poll(async () => JSON.stringify(await home.boundingBox())).not.toBe(JSON.stringify(fitted));
  const placed = await home.boundingBox();
  await relation.selectOption('contact');
  await expect(marker('papeete')).toHaveCount(0);
  expect(await home.boundingBox()).toEqual(placed);
  // Reset: the filter's partners again, in the box.
  await map.getByRole('button', { name: label('zoom_reset') }).click();
  await expect.poll(() => fitsBox(page, contacts)).toBe('fits');
  await relation.selectOption('');
  await expect.poll(() => fitsBox(page, all.map((p) => p.id))).toBe('fits');
});
