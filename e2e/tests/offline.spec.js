// Offline: once the app has been loaded, it reloads with the network down.
import { test, expect } from '@playwright/test';
import { sampleData } from '../support/site.js';

test.use({ serviceWorkers: 'allow' });

const seed = sampleData('articles/595305.json');

test('after one visit, the article and the map load with the network down', async ({ page, context }) => {
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  // The service worker is installed and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await page.getByRole('link', { name: '提携都市の地図' }).click();
  await expect(page.getByRole('group', { name: '提携都市の地図' }).getByRole('link')).toHaveCount(7);
  await expect(page.locator('.partner-map__country').first()).toBeAttached();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('group', { name: '提携都市の地図' }).getByRole('link')).toHaveCount(7);
  await expect(page.locator('.partner-map__country').first()).toBeAttached();
  await expect(page.getByRole('status').filter({ hasText: '保存済みのデータ' })).toBeVisible();
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByText(seed.blocks[0].text)).toBeVisible();

  // Back online, fresh data replaces the notice.
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('status').filter({ hasText: '保存済みのデータ' })).toHaveCount(0);
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
