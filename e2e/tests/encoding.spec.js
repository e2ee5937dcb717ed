// What travels compressed: the build's files and what publish writes go as
// the Brotli or gzip copies written beside them (whichever the browser
// takes), carrying the file's own bytes; the newsroom's data is compressed
// on the way, never from a copy beside it, which could be stale.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { test, expect } from '../support/test.js';
import { appFiles, partsOf } from '../support/parts.js';
import { label } from '../support/labels.js';
import { writeData, deleteData, sampleData } from '../support/site.js';

const onDisk = (file) => readFileSync(join(process.env.E2E_SITE_ROOT, file));

test('the build\'s files and the published pages come as Brotli or gzip, whichever is taken, with the file\'s own bytes', async ({ request }) => {
  const { wasm, js } = await appFiles(request);
  const shell = (await (await request.get('/index.html')).text());
  const css = /href="(\/[^"]+\.css)"/.exec(shell)[1];
  const [part] = Object.values(await partsOf(request)).flat()[0];
  const published = 'published/pages/ja';
  const files = [
    ['/index.html', 'index.html'],
    ['/news/595305', `${published}/news/595305.html`],
    ['/news/595305/print', `${published}/news/595305/print.html`],
    ['/', `${published}/index.html`],
    ['/partners', `${published}/partners.html`],
    [wasm, wasm.slice(1)],
    [js, js.slice(1)],
    [css, css.slice(1)],
    [part, part.slice(1)],
    ['/sw.js', 'sw.js'],
    ['/map/world-110m.json', 'map/world-110m.json'],
    ['/feed.xml', 'published/feed.xml'],
    ['/sitemap.xml', 'published/sitemap.xml'],
    ['/pagefind/pagefind.js', 'published/pagefind/pagefind.js'],
    ['/pagefind/parts.json', 'published/pagefind/parts.json'],
  ];
  for (const [address, file] of files) {
    const original = onDisk(file);
    for (const [accepted, sent] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br'], ['identity', undefined]]) {
      const response = await request.get(address, { headers: { 'Accept-Encoding': accepted, 'Accept-Language': 'ja' } });
      expect(response.status(), address).toBe(200);
      const headers = response.headers();
      expect(headers['content-encoding'], `${address} for ${accepted}`).toBe(sent);
      expect(headers.vary ?? '', address).toContain('Accept-Encoding');
      // Decoded, the bytes are the file's: what integrity checks is unchanged.
      expect(Buffer.compare(await response.body(), original), `${address} for ${accepted}`).toBe(0);
    }
  }
});

/** Every file below `dir`, as paths relative to `root`. */
function filesBelow(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(root, path) : [relative(root, path)];
  });
}

// Each file, asked for once: nginx's link checks made the Brotli module miss
// about one copy in five, depending on the bytes after the path it built.
test('every file with a Brotli copy comes as Brotli: each published page in each language, each file of the build', async ({ request }) => {
  const site = process.env.E2E_SITE_ROOT;
  const asked = [];
  const pages = join(site, 'published', 'pages');
  for (const lang of readdirSync(pages)) {
    for (const file of filesBelow(join(pages, lang)).filter((f) => f.endsWith('.html'))) {
      const route = `/${file.slice(0, -'.html'.length)}`.replace(/^\/index$/, '/');
      asked.push([route, join(pages, lang, file), lang]);
    }
  }
  for (const file of filesBelow(site)) {
    if (/^(data|published)\//.test(file) || /(^|\/)\./.test(file) || !existsSync(join(site, `${file}.br`))) continue;
    asked.push([`/${file}`, join(site, file), 'ja']);
  }
  // Not vacuous: the article's print view in each language, and the app.
  for (const lang of ['ja', 'zh', 'en']) {
    expect(asked.some(([address, , l]) => address === '/news/595305/print' && l === lang), lang).toBe(true);
  }
  expect(asked.some(([address]) => address.endsWith('_bg.wasm'))).toBe(true);
  const missed = [];
  for (const [address, file, lang] of asked) {
    const response = await request.get(address, { headers: { 'Accept-Encoding': 'br', 'Accept-Language': lang } });
    const same = Buffer.compare(await response.body(), readFileSync(file)) === 0;
    if (response.status() !== 200 || response.headers()['content-encoding'] !== 'br' || !same) {
      missed.push(`${address} (${lang}): ${response.status()} ${response.headers()['content-encoding']} ${same ? 'same bytes' : 'other bytes'}`);
    }
  }
  expect(missed).toEqual([]);
});

test('data is compressed on the way, never from a copy left beside it', async ({ request }) => {
  writeData('e2e-encoding.json', JSON.stringify({ fresh: 'x'.repeat(400) }));
  writeData('e2e-encoding.json.br', brotliCompressSync(JSON.stringify({ stale: true })));
  writeData('e2e-encoding.json.gz', Buffer.from('not gzip at all'));
  try {
    for (const accepted of ['br', 'gzip', 'gzip, deflate, br']) {
      const response = await request.get('/data/e2e-encoding.json', { headers: { 'Accept-Encoding': accepted } });
      expect(await response.json(), accepted).toEqual({ fresh: 'x'.repeat(400) });
      // nginx has gzip of its own, and no Brotli.
      expect(response.headers()['content-encoding'], accepted).toBe(accepted === 'br' ? undefined : 'gzip');
    }
  } finally {
    for (const file of ['e2e-encoding.json', 'e2e-encoding.json.br', 'e2e-encoding.json.gz']) deleteData(file);
  }
});

test('a browser gets the app compressed and runs it: the integrity of every file holds', async ({ page }) => {
  const encodings = new Map();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (/\.(wasm|js|css)$/.test(path)) encodings.set(path, response.headers()['content-encoding']);
  });
  await page.goto('/news/595305');
  await expect(page.locator('html[data-app]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleData('articles/595305.json').title);
  await page.getByRole('link', { name: label('partners_link') }).click();
  await expect(page.getByRole('group', { name: label('map_label') })).toBeVisible();
  const wasm = [...encodings].filter(([path]) => path.endsWith('.wasm'));
  expect(wasm.length).toBeGreaterThan(1);
  for (const [path, encoding] of encodings) expect(['br', 'gzip'], path).toContain(encoding);
});
