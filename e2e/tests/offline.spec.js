// Offline: once the app has been loaded, it reloads with the network down.
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { mapPage, articlePage } from '../support/pages.js';
import { article, dataServedAs, deleteData, sampleData, writeData } from '../support/site.js';
import { underServiceWorker } from '../support/offline.js';

test.use({ serviceWorkers: 'allow' });

const seed = sampleData('articles/595305.json');

/** The notice that the page shows saved data, the network being down. */
const savedCopy = (page) => page.getByRole('status').filter({ hasText: label('showing_saved_copy') });

test('after one visit, the article and the map load with the network down', async ({ page, context }) => {
  await underServiceWorker(page, '/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await articlePage(page).mapLink.click();
  const { map } = mapPage(page);
  await expect(map.getByRole('link')).toHaveCount(7);
  await expect(page.locator('.partner-map__country').first()).toBeAttached();

  await context.setOffline(true);
  await page.reload();
  await expect(map.getByRole('link')).toHaveCount(7);
  await expect(page.locator('.partner-map__country').first()).toBeAttached();
  await expect(savedCopy(page)).toBeVisible();
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByText(seed.blocks[0].text)).toBeVisible();

  // Back online, fresh data replaces the notice.
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(savedCopy(page)).toHaveCount(0);
});

/** Waits until the worker, told what the first visit used, has saved `files`. */
async function saved(page, files) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(async (paths) => {
      const cache = await caches.open('data');
      const found = await Promise.all(paths.map((path) => cache.match(path)));
      return found.every(Boolean);
    }, files))
    .toBe(true);
}

test('one online visit of an article is enough: offline, a reload shows it, and the column', async ({ page, context }) => {
  writeData('articles/e2e-unread.json', article('e2e-unread'));
  await dataServedAs(page.request, 'articles/e2e-unread.json', 200);
  // The first visit: the page loads its data before the worker runs.
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await saved(page, ['/data/articles/595305.json', '/data/articles/index.json', '/data/cities.json']);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  for (const block of seed.blocks.filter((b) => b.kind === 'paragraph')) {
    await expect(page.getByText(block.text, { exact: false }).first()).toBeVisible();
  }
  await expect(articlePage(page).partnersList.getByRole('link')).toHaveCount(seed.partners.length);
  await expect(savedCopy(page)).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: seed.title })).toBeVisible();
  // An article of the archive never opened is not saved: the archive is not copied.
  const unread = await page.evaluate(async () => Boolean(await (await caches.open('data')).match('/data/articles/e2e-unread.json')));
  expect(unread).toBe(false);
  await context.setOffline(false);
});

test('a kiosk that loaded one article once opens the map offline', async ({ page, context }) => {
  await page.goto('/news/595305?kiosk=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  // The article's printed map loaded the world map: it is saved too.
  await saved(page, ['/data/cities.json', '/map/world-110m.json']);
  await context.setOffline(true);
  await page.goto('/partners');
  const { marker, tableLink } = mapPage(page);
  await expect(marker('papeete')).toBeVisible();
  await expect(tableLink('sopot')).toBeVisible();
  await expect(page.locator('.partner-map__country').first()).toBeAttached();
  await context.setOffline(false);
});

test('an article taken down on the server is gone for a returning reader, online and offline', async ({ page, context }) => {
  writeData('articles/e2e-pulled.json', article('e2e-pulled'));
  await dataServedAs(page.request, 'articles/e2e-pulled.json', 200);
  await underServiceWorker(page, '/news/e2e-pulled');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-pulled');

  // The newsroom pulls it (a correction, a legal request).
  deleteData('articles/e2e-pulled.json');
  await dataServedAs(page.request, 'articles/e2e-pulled.json', 404);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
  await expect(savedCopy(page)).toHaveCount(0);

  // The saved copy went with it: offline, it does not come back either.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('error_unavailable_heading'));
  await expect(page.getByText('e2e-pulled の第一段落。')).toHaveCount(0);
  await context.setOffline(false);
});

test('a 410 is as final as a 404: the saved copy goes', async ({ page, context }) => {
  writeData('articles/e2e-gone.json', article('e2e-gone'));
  await dataServedAs(page.request, 'articles/e2e-gone.json', 200);
  await underServiceWorker(page, '/news/e2e-gone');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-gone');
  // The server says the article is gone for good. (The context's routes
  // also answer the service worker's own requests.)
  await context.route('**/data/articles/e2e-gone.json', (route) => route.fulfill({ status: 410, body: 'Gone' }));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
  await expect(savedCopy(page)).toHaveCount(0);
  await context.unroute('**/data/articles/e2e-gone.json');
  deleteData('articles/e2e-gone.json');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('error_unavailable_heading'));
  await context.setOffline(false);
});

for (const status of [500, 502, 503]) {
  test(`a server error (${status}) leaves the saved copy standing in, and says so`, async ({ page, context }) => {
    const id = `e2e-saved-${status}`;
    writeData(`articles/${id}.json`, article(id));
    await dataServedAs(page.request, `articles/${id}.json`, 200);
    await underServiceWorker(page, `/news/${id}`);
    await expect(savedCopy(page)).toHaveCount(0);
    await context.route(`**/data/articles/${id}.json`, (route) => route.fulfill({ status, body: 'down' }));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`テスト記事 ${id}`);
    await expect(page.getByText(`${id} の第一段落。`)).toBeVisible();
    await expect(savedCopy(page)).toBeVisible();
    await context.unroute(`**/data/articles/${id}.json`);
  });
}

test('a server too slow to answer: the saved copy stands in, and says so', async ({ page, context }) => {
  writeData('articles/e2e-slow.json', article('e2e-slow'));
  await dataServedAs(page.request, 'articles/e2e-slow.json', 200);
  await underServiceWorker(page, '/news/e2e-slow');
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route('**/data/articles/e2e-slow.json', async (route) => {
    await released;
    // The page may have given up on it by then.
    await route.continue().catch(() => {});
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-slow');
  await expect(savedCopy(page)).toBeVisible();
  release();
});

test('an article whose partner cities are the saved copy says it shows saved data', async ({ page, context }) => {
  await underServiceWorker(page, '/news/595305');
  await expect(savedCopy(page)).toHaveCount(0);
  await context.route('**/data/cities.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  // Its partners still show, from the saved copy, and the page says so.
  await expect(articlePage(page).partnersList.getByRole('link')).toHaveCount(seed.partners.length);
  await expect(savedCopy(page)).toBeVisible();
  await context.unroute('**/data/cities.json');
});

test('the saved-data notice follows what is on screen', async ({ page, context }) => {
  await underServiceWorker(page, '/news/595305');
  await context.setOffline(true);
  // Offline, an article never saved: an error to retry, and no claim of saved data.
  await page.goto('/news/e2e-never-saved');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText(label('error_unavailable_heading'));
  await expect(savedCopy(page)).toHaveCount(0);
  // Back online, the retry finds it does not exist.
  await context.setOffline(false);
  await alert.getByRole('button', { name: label('retry') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
  await expect(savedCopy(page)).toHaveCount(0);
  // Offline again on a page that was saved: the notice is there, for that page.
  await context.setOffline(true);
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(savedCopy(page)).toBeVisible();
  await context.setOffline(false);
});

test('the app can be installed: a manifest with a name, start URL and icon', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest.start_url).toBe('/');
  expect(manifest.name).toBeTruthy();
  expect(manifest.icons.length).toBeGreaterThan(0);
  expect((await request.get(manifest.icons[0].src)).status()).toBe(200);
});
