// The site on the CDN edge (deploy/edge/: the Worker and `_headers` in
// Cloudflare's own runtime, workerd) answers as nginx does: the same
// request to both, serving the same folder, gets the same status, page,
// security headers, CSP, caching and media type. Run by `cargo xtask e2e
// --edge` (and `cargo xtask test`), which sets E2E_TWIN_URL to nginx.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { request as newRequest } from '@playwright/test';
import { label } from '../support/labels.js';
import { appFiles, arrivesTampered, mapOwnPart, mapRefusedThenRetried, partsOf } from '../support/parts.js';
import { test, expect } from '../support/test.js';

const twinURL = process.env.E2E_TWIN_URL;
const siteRoot = process.env.E2E_SITE_ROOT;

/** Headers the two servers must send alike. `Vary` is compared without
 *  Accept-Encoding, which each adds where it compresses (see
 *  deploy/README.md); ETag and Last-Modified are each server's own. */
const SAME = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cache-control',
  'x-reader-readings',
  'location',
];

/** The build's own files as the shell and the start script name them,
 *  every part of the app, and one chunk of each kind of the search index. */
async function buildFiles(request) {
  const shell = await (await request.get('/index.html')).text();
  const named = [...shell.matchAll(/(?:href|src)="(\/[^"?#]+)"/g)].map((m) => m[1]);
  const { wasm, js, loader } = await appFiles(request);
  const parts = Object.values(await partsOf(request)).flat().map(([file]) => file);
  named.push(wasm, js, loader, ...parts);
  const pagefind = join(siteRoot, 'published', 'pagefind');
  const part = readdirSync(pagefind).find((name) => /^part[0-9]+$/.test(name));
  const chunks = ['fragment', 'index', 'filter'].map((kind) => `/pagefind/${part}/${kind}/${readdirSync(join(pagefind, part, kind))[0]}`);
  const meta = readdirSync(join(pagefind, part)).find((name) => name.endsWith('.pf_meta'));
  return [...new Set(named)].concat(chunks, [`/pagefind/${part}/${meta}`]);
}

/** Every kind of address the site answers: routes, their other spellings,
 *  not-routes, data, the build's files, publish's files and what is never
 *  served. */
const ADDRESSES = [
  '/', '/?lang=en', '/news/595305', '/news/595305?lang=zh', '/news/595305/print', '/partners', '/partners/sopot',
  '/search', '/search?q=%E9%95%BF%E5%AE%81', '/page/2', '/page/999', '/page/0', '/page/02',
  '/news/595305/', '/news/595305/print/', '/partners/', '/partners/sopot/?lang=en', '/page/1', '/page/1?lang=en',
  '/news/e2e-none', '/news/e2e-none/print', '/news/index', '/news/INDEX', '/news/%35%39%35', '/elsewhere', '/news', '/news/595305/x',
  '/data/articles/595305.json', '/data/articles/none.json', '/data/articles/index.json', '/data/cities.json', '/data/',
  '/index.html', '/sw.js', '/manifest.webmanifest', '/feed.xml', '/sitemap.xml', '/sitemap-1.xml', '/sitemap-0.xml', '/robots.txt',
  '/errors/4xx.html', '/missing-0123456789abcdef.js', '/no-such-file.png',
  '/pagefind/pagefind.js', '/pagefind/parts.json', '/pagefind/none.pf_meta',
  '/published/feed.xml', '/published/pages/ja/index.html', '/pages/ja/index.html', '/.publish/lock', '/_headers', '/.assetsignore',
];

/** What a server answered, in the terms compared. A redirect is its
 *  status, headers and where it sends (nginx names its own address, and
 *  writes a page nobody sees; the edge sends none). */
async function answer(context, path, headers) {
  const response = await context.get(path, { headers, maxRedirects: 0 });
  const all = response.headers();
  const vary = (all.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v && v !== 'accept-encoding')
    .sort();
  const compared = { status: response.status(), vary, ...Object.fromEntries(SAME.map((name) => [name, all[name]])) };
  if (response.status() >= 300 && response.status() < 400) {
    const to = new URL(all.location, response.url());
    return { ...compared, location: to.pathname + to.search };
  }
  // Debian's mime.types names JavaScript `application/javascript`, the edge
  // `text/javascript` (RFC 9239's name): the same to a browser.
  const type = (all['content-type'] ?? '').toLowerCase().replace(/\s/g, '').replace(/^application\/javascript/, 'text/javascript');
  const body = createHash('sha256').update(await response.body()).digest('hex');
  return { ...compared, type, body };
}

test('every address gets the same answer from the edge as from nginx: status, body, headers, CSP, caching, type', async ({ request }) => {
  const twin = await newRequest.newContext({ baseURL: twinURL });
  const paths = ADDRESSES.concat(await buildFiles(request));
  for (const path of paths) {
    expect.soft(await answer(request, path), path).toEqual(await answer(twin, path));
  }
  await twin.dispose();
});

test('the published page in the reader\'s language: ?lang=, the cookie, the browser, as nginx chooses it', async ({ request }) => {
  const twin = await newRequest.newContext({ baseURL: twinURL });
  const asked = [
    [{}, 'ja'],
    [{ Cookie: 'reader_lang=zh' }, 'zh'],
    [{ Cookie: 'other=1; reader_lang=en' }, 'en'],
    [{ 'Accept-Language': 'zh-CN,zh;q=0.9' }, 'zh'],
    [{ 'Accept-Language': 'EN-us' }, 'en'],
    [{ 'Accept-Language': 'en;q=0, zh' }, 'zh'],
    [{ 'Accept-Language': 'fr, de' }, 'ja'],
    [{ Cookie: 'reader_lang=xx', 'Accept-Language': 'en' }, 'en'],
  ];
  for (const [headers, lang] of asked) {
    for (const path of ['/news/595305', '/news/595305?lang=en', '/partners', '/']) {
      const expected = path.includes('lang=en') ? 'en' : lang;
      const edge = await answer(request, path, headers);
      const page = await (await request.get(path, { headers })).text();
      expect(/<html lang="([a-z]+)"/.exec(page)?.[1], `${path} ${JSON.stringify(headers)}`).toBe(expected);
      expect(edge, `${path} ${JSON.stringify(headers)}`).toEqual(await answer(twin, path, headers));
      expect(edge.vary, path).toEqual(['accept-language', 'cookie']);
    }
  }
  await twin.dispose();
});

test('a missing article: its data is a 404, and the reader sees the app say it is not found', async ({ page, request }) => {
  expect((await request.get('/data/articles/e2e-none.json')).status()).toBe(404);
  const response = await page.goto('/news/e2e-none');
  expect(response.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
});

test('methods other than GET and HEAD are refused alike', async ({ request }) => {
  const twin = await newRequest.newContext({ baseURL: twinURL });
  for (const path of ['/', '/news/595305', '/data/cities.json']) {
    const edge = await request.post(path, { data: 'x', maxRedirects: 0 });
    const nginx = await twin.post(path, { data: 'x', maxRedirects: 0 });
    expect(edge.status(), path).toBe(nginx.status());
    expect(edge.headers()['content-security-policy'], path).toBe(nginx.headers()['content-security-policy']);
  }
  await twin.dispose();
});

test('the app\'s parts as the edge serves them pass their integrity; a part changed on the way is refused, and the retry brings it', async ({ page, request }) => {
  // The bytes the edge sends (decoded: the browser checks the file's own).
  const [file] = mapOwnPart(await partsOf(request));
  await arrivesTampered(page, file, await (await request.get(file, { headers: { 'Accept-Encoding': 'br, gzip' } })).body());
  await mapRefusedThenRetried(page);
});
