// One answer for every address, from the server (nginx with the generated
// deploy config) and from the app (under the service worker, where the
// server never sees the address): a route is its page, a route with a
// trailing slash is sent to the route, anything else is not found.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appFiles } from '../support/parts.js';
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { underServiceWorker } from '../support/offline.js';
import { article, dataServedAs, writeData, deleteData } from '../support/site.js';

// Addresses that look like routes but are not exactly one.
const NOT_ROUTES = [
  '/news//595305',
  '//news/595305',
  '/news%2F595305',
  '/news/..%2Fpartners',
  '/index',
  '/news/index',
  '/news/Index/print',
  '/news/595305//',
  '/partners//',
  '/news/595305/print/x',
  '/partners/sopot/extra',
  '/elsewhere',
  // The column's pages: page 2 on, in plain digits (page 1 is `/`).
  '/page/0',
  '/page/01',
  '/page/x',
  '/page/',
  '/page',
  '/page/1/',
  '/page/2/x',
  '/page/1000000000',
  // A page past the column's end (the sample's column is one page).
  '/page/2',
  '/page/999999999',
];

// What the app says at an address that is not a route: one shaped like an
// article's (`/news/{x}`, `/news/{x}/print`) is an article not found, with
// the way to the column; anything else a page not found.
const notFound = (path) => label(/^\/news\/[^/]+(\/print)?$/.test(path) ? 'article_not_found' : 'page_not_found');

// Routes written with one trailing slash, and where they are sent.
const TRAILING = [
  ['/news/595305/', '/news/595305'],
  ['/news/595305/print/', '/news/595305/print'],
  ['/partners/', '/partners'],
  ['/partners/sopot/?lang=en', '/partners/sopot?lang=en'],
  // The column's first page has one address.
  ['/page/1', '/'],
  ['/page/1?lang=en', '/?lang=en'],
];

test.describe('the server', () => {
  for (const path of NOT_ROUTES) {
    test(`answers ${path} with not found, and the app says so`, async ({ page, baseURL }) => {
      const response = await page.goto(`${baseURL}${path}`);
      expect(response.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(notFound(path));
    });
  }

  for (const [from, to] of TRAILING) {
    test(`sends ${from} to ${to}`, async ({ request, page, baseURL }) => {
      const response = await request.get(from, { maxRedirects: 0 });
      expect(response.status()).toBe(301);
      expect(new URL(response.headers().location, baseURL).toString()).toBe(`${baseURL}${to}`);
      await page.goto(from);
      await expect(page).toHaveURL(`${baseURL}${to}`);
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(label('page_not_found'));
    });
  }
});

test.describe('the app under the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('answers every odd address as the server does', async ({ page, baseURL }) => {
    await underServiceWorker(page, '/');
    for (const path of NOT_ROUTES) {
      // The worker answers navigations with the shell when the network
      // cannot: the app alone decides.
      await page.context().setOffline(true);
      await page.goto(`${baseURL}${path}`);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(notFound(path));
      await page.context().setOffline(false);
    }
    await page.context().setOffline(true);
    for (const [from, to] of TRAILING) {
      await page.goto(from);
      await expect(page).toHaveURL(`${baseURL}${to}`);
    }
  });
});

/** A published page left on the server, as publish would have written it. */
function writePublished(path, html) {
  const file = join(process.env.E2E_SITE_ROOT, 'published', 'pages', 'ja', `${path}.html`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
  return () => rmSync(file, { force: true });
}

test('an article withdrawn from the data is not served, even before publish removes its page', async ({ request }) => {
  const id = 'e2e-withdrawn';
  writeData(`articles/${id}.json`, article(id));
  const remove = writePublished(`news/${id}`, '<!doctype html><title>withdrawn</title><p>published text of the withdrawn article</p>');
  try {
    await expect.poll(async () => (await request.get(`/news/${id}`)).text()).toContain('published text of the withdrawn article');
    const served = await request.get(`/news/${id}`);
    expect(served.status()).toBe(200);
    expect(await served.text()).toContain('published text of the withdrawn article');
    deleteData(`articles/${id}.json`);
    await dataServedAs(request, `articles/${id}.json`, 404);
    for (const path of [`/news/${id}`, `/news/${id}/print`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain('published text');
    }
  } finally {
    remove();
  }
});

test('what publish keeps for itself is never served', async ({ request }) => {
  for (const path of ['/published/pages/ja/index.html', '/published/feed.xml', '/pages/ja/index.html', '/.publish/lock', '/.publish/next/feed.xml']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('caching: hashed files immutable for a year, everything else and every error revalidated', async ({ request }) => {
  const { js } = await appFiles(request);
  expect((await request.get(js)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  for (const path of ['/missing-0123456789abcdef.js', '/no-such-file.png', '/data/articles/none.json', '/elsewhere', '/news/e2e-none']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
  }
  for (const path of ['/', '/news/595305', '/feed.xml', '/sitemap.xml', '/robots.txt', '/data/cities.json', '/sw.js']) {
    expect((await request.get(path)).headers()['cache-control'], path).toBe('no-cache');
  }
});

test('every text file names its charset', async ({ request }) => {
  for (const [path, type] of [
    ['/sitemap.xml', /^text\/xml; charset=utf-8$/],
    ['/robots.txt', /^text\/plain; charset=utf-8$/],
    ['/feed.xml', /^application\/atom\+xml; charset=utf-8$/],
    ['/data/cities.json', /^application\/json; charset=utf-8$/],
    ['/manifest.webmanifest', /^application\/manifest\+json; charset=utf-8$/],
  ]) {
    expect((await request.get(path)).headers()['content-type'], path).toMatch(type);
  }
});
