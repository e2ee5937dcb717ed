// End-to-end tests: Debian's Chromium against nginx serving the release build
// with deploy/nginx.conf. Run through `cargo xtask test`, which builds, starts
// nginx and sets E2E_BASE_URL and E2E_SITE_ROOT.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser.js';

if (!process.env.E2E_BASE_URL || !process.env.E2E_SITE_ROOT) {
  throw new Error('run the end-to-end tests with `cargo xtask test` (E2E_BASE_URL and E2E_SITE_ROOT are unset)');
}

export default defineConfig({
  testDir: './tests',
  // The edge's comparison with nginx runs only in the edge's run, which
  // serves the site through workerd with nginx as its twin (`cargo xtask
  // e2e --edge`).
  testIgnore: process.env.E2E_TWIN_URL ? [] : ['**/edge.spec.js'],
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    locale: 'ja-JP',
    // The service worker would answer requests the tests route themselves;
    // only the offline test lets it run.
    serviceWorkers: 'block',
    launchOptions: chromiumLaunchOptions,
  },
});
