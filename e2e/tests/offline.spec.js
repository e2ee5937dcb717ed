// Offline: once the app has been loaded, it reloads with the network down.
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { mapPage, articlePage } from '../support/pages.js';
import { article, deleteData, sampleData, writeData } from '../support/site.js';

test.use({ serviceWorkers: 'allow' });

const seed = sampleData('articles/595305.json');

/** The notice that the page shows saved data, the network being down. */
const savedCopy = (page) => page.getByRole('status').filter({ hasText: label('showing_saved_copy') });

test('after one visit, the article and the map load with the network down', async ({ page, context }) => {
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  // The service worker is installed and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
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

/** Loads `path` until the service worker controls the page (and has saved its data). */
async function underServiceWorker(page, path) {
  await page.goto(path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('an article taken down on the server is gone for a returning reader, online and offline', async ({ page, context }) => {
  writeData('articles/e2e-pulled.json', article('e2e-pulled'));
  await underServiceWorker(page, '/news/e2e-pulled');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-pulled');

  // The newsroom pulls it (a correction, a legal request).
  deleteData('articles/e2e-pulled.json');
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
