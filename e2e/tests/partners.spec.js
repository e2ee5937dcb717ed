// The partner map and list at /partners.
import { appRuns, test, expect } from '../support/test.js';
import { containing, label, labelParts } from '../support/labels.js';
import { mapPage, articlePage, partnerName } from '../support/pages.js';
import { sampleData } from '../support/site.js';

const cities = sampleData('cities.json');
// The counts' words after their number of partners: they find the counts, whatever the numbers.
const [, countsText] = labelParts('counts');

/** The marker of partner `one`, and its distance to `other`'s in CSS pixels (centre to centre). */
function pair(page, one, other) {
  const { marker } = mapPage(page);
  const first = marker(one);
  const second = marker(other);
  const gap = async () => {
    const [a, b] = [await first.boundingBox(), await second.boundingBox()];
    return Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);
  };
  return { marker: first, gap };
}

/** Sopot's marker and its distance to Minsk's: at the map's western edge. */
function europeanPair(page) {
  const { marker: sopot, gap } = pair(page, 'sopot', 'minsk-sovetsky');
  return { sopot, gap };
}

function rowsOf(page) {
  return mapPage(page).table.getByRole('row');
}

test('every partner is a control on the map and a row in the table', async ({ page }) => {
  await page.goto('/partners');
  const { map, marker } = mapPage(page);
  for (const partner of cities.partners) {
    await expect(marker(partner.id)).toBeVisible();
  }
  await expect(map.getByRole('link')).toHaveCount(cities.partners.length);
  await expect(rowsOf(page)).toHaveCount(cities.partners.length + 1); // + header row
  await expect(page.getByRole('status').filter({ hasText: countsText })).toContainText(
    label('counts', 'ja', { partners: 7, countries: 7, continents: 3 }),
  );
});

test('clicking a partner selects it: URL, panel with its facts, table row', async ({ page }) => {
  await page.goto('/partners');
  const { marker, panel, tableLink } = mapPage(page);
  await marker('sopot').click();
  await expect(page).toHaveURL(/\/partners\/sopot$/);
  const sopot = panel('sopot');
  await expect(sopot).toBeFocused();
  await expect(sopot).toContainText('ポーランド');
  await expect(sopot).toContainText(label('continent_europe'));
  await expect(sopot).toContainText(label('relation_sister'));
  await expect(sopot.getByRole('link', { name: sampleData('articles/595305.json').title })).toBeVisible();
  await expect(tableLink('sopot')).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveTitle(containing(partnerName('sopot')));
});

test('a partner chosen while its articles are still loading keeps focus and the map keeps its zoom', async ({ page }) => {
  // Hold back the articles (not the column's index) that the map page reads
  // to list each partner's news, as a slow network would.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => /\/data\/articles\/(?!index\.json)[^/]+\.json$/.test(url.pathname), async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/partners');
  const { sopot, gap } = europeanPair(page);
  const before = await gap();
  await mapPage(page).zoomIn.click();
  await expect.poll(gap).toBeGreaterThan(before * 1.3);
  // Zoomed in, Sopot lies beyond the map's edge: chosen from the keyboard.
  await sopot.focus();
  await page.keyboard.press('Enter');
  const panel = mapPage(page).panel('sopot');
  await expect(panel).toBeFocused();
  // (The panel narrows the map, so the zoom is measured with it open.)
  const zoomed = await gap();
  expect(zoomed).toBeGreaterThan(before * 1.2);
  release();
  await expect(panel.getByRole('link', { name: sampleData('articles/595305.json').title })).toBeVisible();
  // The articles arriving neither rebuilt the page nor moved focus or zoom.
  await expect(panel).toBeFocused();
  expect(Math.abs((await gap()) - zoomed)).toBeLessThan(1);
});

test('keyboard: Enter on a partner selects it, Escape closes and returns focus', async ({ page }) => {
  await page.goto('/partners');
  const papeete = mapPage(page).marker('papeete');
  await papeete.focus();
  await page.keyboard.press('Enter');
  const panel = mapPage(page).panel('papeete');
  await expect(panel).toBeFocused();
  await expect(panel).toContainText('2017年9月');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(/\/partners$/);
  await expect(papeete).toBeFocused();
});

test('a partner is reachable by Tab from the map', async ({ page }) => {
  await page.goto('/partners');
  await mapPage(page).map.focus();
  await page.keyboard.press('Tab');
  const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(cities.partners.map((p) => partnerName(p.id))).toContain(focusedName);
});

test('a shared link opens with the partner selected, and Back walks selections', async ({ page }) => {
  await page.goto('/partners/papeete');
  const { panel, tableLink } = mapPage(page);
  await expect(panel('papeete')).toBeVisible();
  await tableLink('hirakata').click();
  await expect(panel('hirakata')).toBeVisible();
  await page.goBack();
  await expect(panel('papeete')).toBeVisible();
});

test('focus moves only for a choice: choosing the open partner again focuses its panel, Back leaves focus alone', async ({ page }) => {
  await page.goto('/partners');
  const { panel, tableLink, map } = mapPage(page);
  await tableLink('hirakata').click();
  await expect(panel('hirakata')).toBeFocused();
  await tableLink('papeete').click();
  await expect(panel('papeete')).toBeFocused();
  // Back selects Hirakata again: not the reader's choice, so focus stays put.
  await map.focus();
  await page.goBack();
  await expect(panel('hirakata')).toBeVisible();
  await expect(map).toBeFocused();
  // The open partner chosen again: no new panel comes, the open one takes the focus.
  await tableLink('hirakata').click();
  await expect(panel('hirakata')).toBeFocused();
});

test('an unknown partner id says so and still shows the map', async ({ page }) => {
  await page.goto('/partners/atlantis');
  await expect(page.getByRole('alert')).toContainText(label('unknown_partner'));
  await expect(mapPage(page).map.getByRole('link')).toHaveCount(cities.partners.length);
});

test('filters apply to the map, the table and the counts', async ({ page }) => {
  await page.goto('/partners');
  await page.getByLabel(label('filter_relation')).selectOption({ label: label('relation_contact') });
  const contacts = cities.partners.filter((p) => p.relation === 'contact');
  await expect(mapPage(page).map.getByRole('link')).toHaveCount(contacts.length);
  await expect(rowsOf(page)).toHaveCount(contacts.length + 1);
  const counts = page.getByRole('status').filter({ hasText: countsText });
  await expect(counts).toContainText(`${contacts.length}${countsText}`);
  await page.getByLabel(label('filter_relation')).selectOption({ label: label('filter_all') });
  await page.getByLabel(label('filter_continent')).selectOption({ label: label('continent_asia') });
  const asian = cities.partners.filter((p) => p.continent === 'asia');
  await expect(mapPage(page).map.getByRole('link')).toHaveCount(asian.length);
  await expect(rowsOf(page)).toHaveCount(asian.length + 1);
});

test('the table sorts by a column', async ({ page }) => {
  await page.goto('/partners');
  const { table } = mapPage(page);
  const sortBySince = table.getByRole('button', { name: label('col_since') });
  const since = table.getByRole('columnheader', { name: label('col_since') });
  await sortBySince.click();
  await expect(since).toHaveAttribute('aria-sort', 'ascending');
  // Oldest first: Hirakata (1993-05).
  await expect(table.getByRole('row').nth(1)).toContainText(partnerName('hirakata'));
  await sortBySince.click();
  await expect(since).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText(partnerName('minsk-sovetsky'));
});

test('zoom buttons, keys and dragging move the map', async ({ page }) => {
  await page.goto('/partners');
  const { map, zoomIn } = mapPage(page);
  // Hirakata and Gangseo (Seoul), near the middle of the map the partners
  // fill: still in view two steps in.
  const { marker: hirakata, gap } = pair(page, 'hirakata', 'gangseo');
  const before = await gap();
  const markerSize = (await hirakata.boundingBox()).width;
  await zoomIn.click();
  await expect.poll(gap).toBeGreaterThan(before * 1.3);
  const zoomed = await gap();
  // The map grew, the marker did not: markers keep their screen size.
  expect(Math.abs((await hirakata.boundingBox()).width - markerSize)).toBeLessThan(1);
  await map.focus();
  await page.keyboard.press('-');
  await expect.poll(gap).toBeLessThan(zoomed * 0.8);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const start = await hirakata.boundingBox();
  const svg = map.locator('svg');
  const box = await svg.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 30, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await hirakata.boundingBox()).x - start.x).toBeGreaterThan(60);
  const beforeKey = await hirakata.boundingBox();
  await map.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await hirakata.boundingBox()).x - beforeKey.x).toBeGreaterThan(20);
  await page.getByRole('button', { name: label('zoom_reset') }).click();
  await expect.poll(gap).toBeLessThan(before * 1.05);
  // The wheel zooms about the pointer, without scrolling the page.
  const scrollBefore = await page.evaluate(() => window.scrollY);
  const target = await hirakata.boundingBox();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(gap).toBeGreaterThan(before * 1.3);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
});

test('an article links partner names to the map', async ({ page }) => {
  await page.goto('/news/595305');
  const list = page.getByRole('region', { name: label('in_this_article') });
  await expect(list.getByRole('link')).toHaveCount(sampleData('articles/595305.json').partners.length);
  // The article spells Sopot ソベルト市, one of its aliases.
  await page.getByRole('article').getByRole('link', { name: 'ソベルト市' }).click();
  await expect(page).toHaveURL(/\/partners\/sopot$/);
  await expect(mapPage(page).panel('sopot')).toBeVisible();
});

test('bad partner entries are named in the reader\'s language and left off the map; an unreadable start drops only itself', async ({ page }) => {
  const data = structuredClone(cities);
  const sopot = data.partners.findIndex((p) => p.id === 'sopot');
  const [tooLargeLat, tooLargeLon, outOfRange, unknownRelation, duplicated] = data.partners
    .map((_, i) => i)
    .filter((i) => i !== sopot);
  data.partners[tooLargeLat].lat = '__LAT__';
  data.partners[tooLargeLon].lon = '__LON__';
  data.partners[outOfRange].lat = 123;
  data.partners[unknownRelation].relation = 'twin';
  data.partners.push(structuredClone(cities.partners[duplicated])); // duplicate id
  data.partners[sopot].since = 'spring 1994';
  // Numbers JSON can write but no decoder can hold.
  const body = JSON.stringify(data).replace('"__LAT__"', '1e400').replace('"__LON__"', '-1e999');
  await page.route('**/data/cities.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('/partners');
  const { notice, map, marker } = mapPage(page);
  const tooLarge = label('problem_number_too_large');
  await expect(notice).toContainText(`cities.json: partners[${tooLargeLat}].lat: ${tooLarge}`);
  await expect(notice).toContainText(`cities.json: partners[${tooLargeLon}].lon: ${tooLarge}`);
  await expect(notice).toContainText(`cities.json: partners[${outOfRange}].lat`);
  await expect(notice).toContainText(`partners[${unknownRelation}].relation`);
  // The problem up to the id first used.
  const [duplicate] = labelParts('problem_duplicate');
  await expect(notice).toContainText(`partners[${cities.partners.length}].id: ${duplicate}`);
  // Four left off (the duplicate too); the partner with an unreadable start stays.
  await expect(map.getByRole('link')).toHaveCount(cities.partners.length - 4);
  await expect(marker(cities.partners[outOfRange].id)).toHaveCount(0);
  await expect(rowsOf(page)).toHaveCount(cities.partners.length - 4 + 1);
  await expect(marker('sopot')).toBeVisible();
  const ignored = (lang) => page.getByRole('region', { name: label('ignored_heading', lang) });
  const notADate = (lang) =>
    label('problem_wrong_type', lang, { expected: label('expected_date_or_year', lang), found: '"spring 1994"' });
  await expect(ignored('ja')).toContainText(`cities.json: partners[${sopot}].since: ${notADate('ja')} (sopot)`);
  for (const lang of ['en', 'zh']) {
    await page.goto(`/partners?lang=${lang}`);
    await expect(ignored(lang)).toContainText(`cities.json: partners[${sopot}].since: ${notADate(lang)} (sopot)`);
  }
});

test('a partner with only an English name is shown by it in the Japanese interface', async ({ page }) => {
  const data = structuredClone(cities);
  data.partners[0].names = { en: 'Only English' };
  await page.route('**/data/cities.json', (route) => route.fulfill({ json: data }));
  await page.goto('/partners');
  const { map, table } = mapPage(page);
  await expect(map.getByRole('link', { name: 'Only English', exact: true })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Only English' })).toBeVisible();
});

test('without partner data the article still reads, and the map says why', async ({ page }) => {
  await page.route('**/data/cities.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleData('articles/595305.json').title);
  await articlePage(page).mapLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('error_not_found_heading'));
  await expect(page.getByRole('alert')).toContainText('cities.json');
});

test('pinching with two fingers zooms the map', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/partners');
  await appRuns(page);
  const { sopot, gap } = europeanPair(page);
  const before = await gap();
  // Two fingers on Sopot move apart from 40 to 120 px: about three times closer.
  const box = await sopot.boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  await touch('touchStart', [[cx - 20, cy + 30], [cx + 20, cy + 30]]);
  for (let d = 25; d <= 60; d += 5) await touch('touchMove', [[cx - d, cy + 30], [cx + d, cy + 30]]);
  await touch('touchEnd', []);
  await expect.poll(gap).toBeGreaterThan(before * 2);
  await context.close();
});

test('without the world outlines, partners are still on the map and in the list', async ({ page }) => {
  await page.route('**/map/world-110m.json', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('/partners');
  await expect(page.getByRole('status').filter({ hasText: label('world_unavailable') })).toBeVisible();
  await expect(mapPage(page).map.getByRole('link')).toHaveCount(cities.partners.length);
  await expect(rowsOf(page)).toHaveCount(cities.partners.length + 1);
});
