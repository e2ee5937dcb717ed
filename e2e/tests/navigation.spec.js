// Moving around the app: from every page to every other, in the app and
// back with the browser, nothing breaks on the way. (Leaving the map once
// read a value of the page it was leaving: a panic, and the wasm trapped.)
import { test, expect } from '../support/test.js';

const PAGES = ['/', '/news/595305', '/news/595305/print', '/partners', '/partners/sopot', '/search?q=%E9%95%B7%E5%AF%A7'];

/** Follows a link to `to` as the app's own links are followed (in the app). */
async function follow(page, to) {
  await page.evaluate((href) => {
    const link = Object.assign(document.createElement('a'), { href });
    document.body.append(link);
    link.click();
    link.remove();
  }, to);
}

for (const from of PAGES) {
  test(`from ${from} to every other page and back: every page shows, no error`, async ({ page, baseURL }) => {
    const errors = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(from);
    for (const to of PAGES.filter((p) => p !== from)) {
      await follow(page, to);
      await expect(page).toHaveURL(`${baseURL}${to}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.goBack();
      await expect(page).toHaveURL(`${baseURL}${from}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(errors).toEqual([]);
  });
}
