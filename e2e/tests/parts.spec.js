// The app in parts (the release build, `cargo xtask dist`): a page downloads
// the map, the printed parts, kiosk mode or the search only when it needs
// them, each with its integrity; printing waits for what paper shows; a kiosk that
// loaded once opens any page offline.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { mapPage, articlePage } from '../support/pages.js';
import { sampleData } from '../support/site.js';
import { underServiceWorker } from '../support/offline.js';
import { appFiles, arrivesTampered, mapOwnPart, mapRefusedThenRetried, partsOf } from '../support/parts.js';

const seed = sampleData('articles/595305.json');
// The worker saves a part when a page has started (the app loaded, then its
// message to the worker), which on a busy machine takes longer than an
// expectation's default wait; a bound on waiting, not on speed.
const SAVED_WITHIN = 30_000;

const wasmRequests = (page) => {
  const seen = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && seen.push(new URL(r.url()).pathname));
  return seen;
};

test('an article downloads none of the map; the map downloads its part', async ({ page, request }) => {
  const parts = await partsOf(request);
  const mapFiles = parts.partners.map(([file]) => file);
  expect(mapFiles.length).toBeGreaterThan(0);
  const seen = wasmRequests(page);
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  // The printed parts come with the article (Ctrl+P may follow at once).
  await expect(page.locator('.print-footer__qr')).toBeAttached();
  const mapOnly = mapFiles.filter((f) => !parts.print.some(([p]) => p === f));
  expect(seen.filter((f) => mapOnly.includes(f))).toEqual([]);
  await page.getByRole('link', { name: label('partners_link') }).click();
  await expect(mapPage(page).marker('sopot')).toBeVisible();
  for (const file of mapOnly) expect(seen).toContain(file);
});

// The search's own files: none that the map or paper (so the article) also need.
const searchOnly = (parts) => {
  const others = [...parts.partners, ...parts.print].map(([file]) => file);
  return parts.search.map(([file]) => file).filter((f) => !others.includes(f));
};
const searchBox = (page) =>
  page.getByRole('search', { name: label('search_site') }).getByRole('searchbox', { name: label('search') });

test('an article downloads none of the search; coming to the search box fetches it, and Enter shows results', async ({ page, request }) => {
  const own = searchOnly(await partsOf(request));
  expect(own.length).toBeGreaterThan(0);
  const seen = wasmRequests(page);
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.locator('.print-footer__qr')).toBeAttached();
  expect(seen.filter((f) => own.includes(f))).toEqual([]);
  const box = searchBox(page);
  await box.click();
  // Fetched as the reader comes to the box, before Enter.
  await expect.poll(() => own.filter((f) => !seen.includes(f))).toEqual([]);
  await box.fill('枚方');
  await box.press('Enter');
  await expect(page.getByRole('list', { name: label('search_results') }).getByRole('link', { name: seed.title })).toBeVisible();
});

test('a search part refused for its integrity: the search page says so, and the retry brings the results', async ({ page, request }) => {
  const file = searchOnly(await partsOf(request)).at(-1);
  const original = readFileSync(join(process.env.E2E_SITE_ROOT, file));
  const tampered = Buffer.from(original);
  tampered[tampered.length - 1] ^= 0xff;
  await page.route((url) => url.pathname === file, (route) =>
    route.fulfill({ status: 200, contentType: 'application/wasm', body: tampered }),
  );
  await page.goto('/news/595305');
  const box = searchBox(page);
  await box.fill('枚方');
  await box.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(label('part_missing'));
  await page.unrouteAll();
  await alert.getByRole('button', { name: label('retry') }).click();
  await expect(page.getByRole('list', { name: label('search_results') }).getByRole('link', { name: seed.title })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('each part is fetched with its integrity: a tampered one is refused, and the page says so', async ({ page, request }) => {
  const parts = await partsOf(request);
  // The loader fetches every part with the integrity of the file served.
  const app = await appFiles(request);
  const loader = await (await request.get(app.loader)).text();
  // The loader itself is fetched with its integrity.
  expect(app.integrity[app.loader]).toBe(`sha384-${createHash('sha384').update(loader).digest('base64')}`);
  for (const [file, named] of Object.values(parts).flat()) {
    const served = readFileSync(join(process.env.E2E_SITE_ROOT, file));
    const integrity = `sha384-${createHash('sha384').update(served).digest('base64')}`;
    expect(named, file).toBe(integrity);
    expect(loader, file).toContain(`__part("${file}", "${integrity}")`);
  }
  // The map's own part arrives changed on the way.
  const [file] = mapOwnPart(parts);
  await arrivesTampered(page, file, readFileSync(join(process.env.E2E_SITE_ROOT, file)));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await mapRefusedThenRetried(page);
  expect(errors).toEqual([]);
});

test('leaving an article while its printed parts are still coming: the part arrives, nothing breaks, the next page works', async ({ page }) => {
  // The printed parts come late (a slow network): held until the reader is
  // on the map.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route((url) => /^\/split_print-/.test(url.pathname), async (route) => {
    await held;
    await route.continue();
  });
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/news/595305');
  await articlePage(page).mapLink.click();
  await expect(mapPage(page).marker('sopot')).toBeVisible();
  const arrived = page.waitForResponse((response) => /^\/split_print-/.test(new URL(response.url()).pathname));
  release();
  await (await arrived).finished();
  // The map still answers the reader, and the article opens again whole.
  await mapPage(page).marker('sopot').click();
  await expect(mapPage(page).panel('sopot')).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(articlePage(page).title).toHaveText(seed.title);
  await expect(articlePage(page).printView).toBeVisible();
  expect(errors).toEqual([]);
});

test('Ctrl+P the moment the article appears prints the table, the still map and the QR code once they are here', async ({ page, request }) => {
  const parts = await partsOf(request);
  const printFiles = parts.print.map(([file]) => file);
  // What is on the page when the browser is asked to print.
  await page.addInitScript(() => {
    window.__printed = [];
    window.print = () =>
      window.__printed.push({
        qr: !!document.querySelector('.print-footer__qr'),
        table: document.querySelectorAll('.print-partners__table tbody tr').length,
        map: !!document.querySelector('.static-map .static-map__marker'),
      });
  });
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route((url) => printFiles.includes(url.pathname), async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await page.keyboard.press('Control+P');
  // The browser is not asked before the printed parts are here…
  expect(await page.evaluate(() => window.__printed)).toEqual([]);
  release();
  // …and then once, with all of them.
  await expect.poll(() => page.evaluate(() => window.__printed)).toEqual([
    { qr: true, table: seed.partners.length, map: true },
  ]);
  // The print button waits the same way, and prints at once when they are here.
  await page.getByRole('button', { name: label('print'), exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__printed.length)).toBe(2);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a kiosk that loaded once opens the map offline, though it never opened it online', async ({ page, context }) => {
    await underServiceWorker(page, '/news/595305?kiosk=1');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await context.setOffline(true);
    await page.goto('/partners');
    // (On a kiosk, partners too close for a fingertip share a cluster.)
    const { marker, tableLink } = mapPage(page);
    await expect(marker('papeete')).toBeVisible();
    await expect(tableLink('sopot')).toBeVisible();
    await context.setOffline(false);
  });
});

test.describe('the worker keeps only the build\'s bytes', () => {
  test.use({ serviceWorkers: 'allow' });

  /** The worker's saved copy of `file`, as its SRI hash (null if none). */
  const savedPart = (page, file) =>
    page.evaluate(async (path) => {
      const shell = (await caches.keys()).find((key) => key.startsWith('shell-'));
      const saved = shell && (await (await caches.open(shell)).match(path));
      if (!saved) return null;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', await saved.arrayBuffer()));
      return `sha384-${btoa(String.fromCharCode(...digest))}`;
    }, file);

  test('a part that 404s does not stop the install; it is saved once the server has it, and the map opens offline', async ({ page, context, request }) => {
    const parts = await partsOf(request);
    const [file, integrity] = mapOwnPart(parts);
    const thePart = (url) => url.pathname === file;
    await context.route(thePart, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto('/news/595305');
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Installed without it; every other part is saved.
    expect(await savedPart(page, file)).toBeNull();
    for (const [other, hash] of Object.values(parts).flat().filter(([f]) => f !== file)) {
      expect(await savedPart(page, other), other).toBe(hash);
    }
    // The server has it again: the next start of a page saves it.
    await context.unroute(thePart);
    await page.reload();
    await expect.poll(() => savedPart(page, file), { timeout: SAVED_WITHIN }).toBe(integrity);
    await context.setOffline(true);
    await page.goto('/partners');
    await expect(mapPage(page).marker('sopot')).toBeVisible();
    await context.setOffline(false);
  });

  test('a part corrupted on the server is never saved; once fixed, the reader gets the right bytes', async ({ page, context, request }) => {
    const parts = await partsOf(request);
    const [file, integrity] = mapOwnPart(parts);
    // The server answers with one bit changed, cached as the server caches
    // it. Done on the way, not on disk: tests run in parallel read that file.
    const thePart = (url) => url.pathname === file;
    const original = readFileSync(join(process.env.E2E_SITE_ROOT, file));
    const corrupted = Buffer.from(original);
    corrupted[corrupted.length >> 1] ^= 0x01;
    const served = [];
    await context.route(thePart, (route) => {
      served.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: 'application/wasm',
        headers: { 'Cache-Control': 'public, max-age=31536000, immutable' },
        body: corrupted,
      });
    });
    await page.goto('/news/595305');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await savedPart(page, file)).toBeNull();
    // In the app, the map says its part could not be downloaded.
    await articlePage(page).mapLink.click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(label('part_missing'));
    expect(served.length, 'the corrupted part was asked for').toBeGreaterThan(0);
    expect(await savedPart(page, file)).toBeNull();
    // The server is fixed (the browser's own cache may still hold the bad bytes).
    await context.unroute(thePart);
    await alert.getByRole('button', { name: label('retry') }).click();
    await expect(mapPage(page).marker('sopot')).toBeVisible();
    await expect.poll(() => savedPart(page, file), { timeout: SAVED_WITHIN }).toBe(integrity);
  });

  test('a saved copy whose bytes are not the build\'s is never served: the network\'s is, and saved', async ({ page, request }) => {
    const parts = await partsOf(request);
    const [file, integrity] = mapOwnPart(parts);
    await page.goto('/news/595305');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => savedPart(page, file), { timeout: SAVED_WITHIN }).toBe(integrity);
    // The saved copy goes bad (a disk, an old worker's mistake).
    await page.evaluate(async (path) => {
      const shell = (await caches.keys()).find((key) => key.startsWith('shell-'));
      const cache = await caches.open(shell);
      const bytes = new Uint8Array(await (await cache.match(path)).arrayBuffer());
      bytes[bytes.length >> 1] ^= 0x01;
      await cache.put(path, new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));
    }, file);
    expect(await savedPart(page, file)).not.toBe(integrity);
    await articlePage(page).mapLink.click();
    await expect(mapPage(page).marker('sopot')).toBeVisible();
    await expect.poll(() => savedPart(page, file), { timeout: SAVED_WITHIN }).toBe(integrity);
  });
});
