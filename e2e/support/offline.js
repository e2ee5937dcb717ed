// The service worker in tests that need it (`test.use({ serviceWorkers: 'allow' })`).
import { expect } from './test.js';

/** Loads `path` until the service worker controls the page (and has saved its data). */
export async function underServiceWorker(page, path) {
  await page.goto(path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
