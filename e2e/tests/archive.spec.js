// The column at scale: a site whose data holds a generated archive
// (`cargo xtask gen-archive`, a few hundred articles, the same every run),
// served beside the tests' own site (E2E_ARCHIVE_URL) and published for its
// address. The column is read a page of 30 at a time, in the order
// index.json gives; a page past the end is not found by the app and the
// server alike; publish follows an edit and a withdrawal.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';
import { underServiceWorker } from '../support/offline.js';

const archiveUrl = process.env.E2E_ARCHIVE_URL;
const archiveRoot = process.env.E2E_ARCHIVE_ROOT;
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PER_PAGE = 30;

test.use({ baseURL: archiveUrl });
// The last tests change the archive and publish it: one after another.
test.describe.configure({ mode: 'serial' });

const dataFile = (path) => join(archiveRoot, 'data', path);
const readJson = (path) => JSON.parse(readFileSync(dataFile(path), 'utf8'));
/** The column as the data gives it now. */
const columnNow = () => readJson('articles/index.json');
const pageCount = (column) => Math.ceil(column.articles.length / PER_PAGE);

/** Publishes the archive site as the newsroom would. */
function publish() {
  execFileSync('cargo', ['xtask', 'publish', archiveRoot, '--origin', archiveUrl], { cwd: repoRoot, stdio: 'pipe' });
}

const entries = (page) => page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 });
const pagesNav = (page, lang = 'ja') => page.getByRole('navigation', { name: label('column_pages', lang) });

test('the archive is generated: more than ten pages of 30', () => {
  expect(pageCount(columnNow())).toBeGreaterThan(10);
});

test('/ lists the newest 30 and following next reaches the oldest article', async ({ page }) => {
  test.setTimeout(120_000);
  const column = columnNow();
  const last = pageCount(column);
  await page.goto('/');
  for (let n = 1; n <= last; n += 1) {
    const shown = column.articles.slice((n - 1) * PER_PAGE, n * PER_PAGE).map((a) => a.title);
    await expect(entries(page), `page ${n}`).toHaveText(shown);
    await expect(pagesNav(page).getByRole('link', { name: label('column_page_number', 'ja', { page: n }), exact: true })).toHaveAttribute('aria-current', 'page');
    const next = pagesNav(page).getByRole('link', { name: label('column_next') });
    if (n === last) {
      await expect(next).toHaveCount(0);
      break;
    }
    await expect(next).toHaveAttribute('rel', 'next');
    await next.click();
    await expect(page).toHaveURL(`${archiveUrl}/page/${n + 1}`);
  }
  const oldest = column.articles[column.articles.length - 1];
  await page.getByRole('link', { name: oldest.title }).click();
  await expect(page).toHaveURL(`${archiveUrl}/news/${oldest.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldest.title);
});

for (const lang of ['ja', 'zh', 'en']) {
  test(`in ${lang}: a page of the column is served and shown, a page past the end is not found by server and app`, async ({ page, request }) => {
    const last = pageCount(columnNow());
    const published = await request.get(`/page/2?lang=${lang}`);
    expect(published.status()).toBe(200);
    expect(await published.text()).toContain(`<html lang="${lang}"`);
    await page.goto(`/page/2?lang=${lang}`);
    await expect(entries(page)).toHaveCount(PER_PAGE);
    const nav = pagesNav(page, lang);
    await expect(nav.getByRole('link', { name: label('column_previous', lang) })).toHaveAttribute('href', '/');
    await expect(nav.getByRole('link', { name: label('column_next', lang) })).toHaveAttribute('href', '/page/3');
    await expect(nav.getByRole('link', { name: label('column_page_number', lang, { page: last }), exact: true })).toBeVisible();
    for (const path of [`/page/${last + 1}`, '/page/999999999']) {
      expect((await request.get(`${path}?lang=${lang}`)).status(), path).toBe(404);
      await page.goto(`${path}?lang=${lang}`);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(label('page_not_found', lang));
    }
  });
}

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the service worker keeps the column and at most 200 other data files a reader opened, the oldest evicted', async ({ page, context }) => {
    test.setTimeout(120_000);
    await underServiceWorker(page, '/');
    const opened = columnNow().articles.slice(0, 230).map((a) => `/data/articles/${a.id}.json`);
    // Opened one after another, as a reader would (each saved before the next).
    await page.evaluate(async (urls) => {
      for (const url of urls) await (await fetch(url)).arrayBuffer();
    }, opened);
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('data');
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    expect(kept).toContain('/data/articles/index.json');
    const articles = kept.filter((path) => path !== '/data/articles/index.json' && path.startsWith('/data/articles/'));
    expect(articles).toHaveLength(200);
    expect(new Set(articles)).toEqual(new Set(opened.slice(30)));
    // Offline, the column and the articles kept still read.
    const newest = columnNow().articles[229];
    await context.setOffline(true);
    await page.goto('/page/2');
    await expect(entries(page)).toHaveCount(PER_PAGE);
    await page.goto(`/news/${newest.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title);
  });
});

test('an edited title appears on its article page and its column page once published', async ({ page, request }) => {
  test.setTimeout(180_000);
  const column = columnNow();
  const at = PER_PAGE + 4; // on page 2
  const entry = column.articles[at];
  const title = `${entry.title}(訂正済み)`;
  const article = readJson(`articles/${entry.id}.json`);
  writeFileSync(dataFile(`articles/${entry.id}.json`), JSON.stringify({ ...article, title }));
  column.articles[at] = { ...entry, title };
  writeFileSync(dataFile('articles/index.json'), JSON.stringify(column));
  publish();
  for (const path of [`/news/${entry.id}`, '/page/2']) {
    const html = await (await request.get(path)).text();
    expect(html, path).toContain(title);
    expect(html, path).not.toContain(`>${entry.title}<`);
  }
  await page.goto('/page/2');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test("a deleted article's pages are gone once published", async ({ request }) => {
  test.setTimeout(180_000);
  const column = columnNow();
  const [entry] = column.articles.splice(PER_PAGE * 2 + 1, 1); // on page 3
  writeFileSync(dataFile('articles/index.json'), JSON.stringify(column));
  rmSync(dataFile(`articles/${entry.id}.json`), { force: true });
  publish();
  for (const path of [`/news/${entry.id}`, `/news/${entry.id}/print`]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  for (const lang of ['ja', 'zh', 'en']) {
    expect(existsSync(join(archiveRoot, 'published', 'pages', lang, 'news', `${entry.id}.html`)), lang).toBe(false);
  }
  const third = await (await request.get('/page/3')).text();
  expect(third).not.toContain(`/news/${entry.id}"`);
  expect(third).toContain(`/news/${column.articles[PER_PAGE * 2 + 1].id}"`);
  const sitemap = await (await request.get('/sitemap-1.xml')).text();
  expect(sitemap).not.toContain(`/news/${entry.id}<`);
});
