// The end-to-end tests' `test`: Playwright's, with one difference. A page
// published ahead of time (`cargo xtask publish`) shows its content before
// the app runs, and the app then takes it over (src/handover.rs). A test of
// what the app does waits for that, so that it never acts on the published
// copy in the instant before it is replaced: `page.goto` and `page.reload`
// return once the app runs (`<html data-app>`), on any page of the app, or
// once it has kept the published page because it could not refresh it
// (`<html data-refresh="failed">`). Tests of the published page itself
// (before the app, or without scripts) import Playwright's own `test` instead.
import { test as base, expect } from '@playwright/test';

/** Holds the app's download until `release()` is called: the published
 *  page stays as the server sent it, before the app takes it over. */
export async function holdApp(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Waits until the app has taken the page over. */
export const appRunning = (page) => page.waitForFunction(() => document.documentElement.getAttribute('data-app') === 'running');

/** Waits until the app runs (or holds the published page), if the document is one of the app's pages. */
export async function appRuns(page) {
  await page.waitForFunction(() => {
    const root = document.documentElement;
    return root.hasAttribute('data-app') || root.hasAttribute('data-refresh') || !document.querySelector('script[type="module"]');
  });
}

export const test = base.extend({
  page: async ({ page }, use) => {
    for (const method of ['goto', 'reload']) {
      const original = page[method].bind(page);
      page[method] = async (...args) => {
        const response = await original(...args);
        await appRuns(page);
        return response;
      };
    }
    await use(page);
  },
});

export { expect };
