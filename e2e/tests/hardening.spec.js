// Findings of the adversarial pass, each over the class of input it belongs
// to: hostile kiosk homes, images from elsewhere, reserved ids, the
// server's own error pages, icons' caching, the kiosk operator's notice.
import http from 'node:http';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../support/test.js';
import { containing, label, labelParts } from '../support/labels.js';
import { mapPage } from '../support/pages.js';
import { article, dataPath, writeData } from '../support/site.js';

const seed = { title: null };
test.beforeAll(async ({ request }) => {
  seed.title = (await (await request.get('/data/articles/595305.json')).json()).title;
});

/** Serves `kiosk.json` with `settings` to this page only (other tests run kiosks too). */
async function kioskSettings(page, settings) {
  const body = typeof settings === 'string' ? settings : JSON.stringify(settings);
  await page.route('**/data/kiosk.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
}

// Every row must end with the kiosk still on this site, at its own home.
const HOSTILE_HOMES = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '//evil.example',
  ' //evil.example',
  'https://evil.example/',
  'HTTPS://evil.example/partners',
  'javascript:alert(1)',
  'data:text/html,<h1>kiosk</h1>',
  '/%2f/evil.example',
  '/%5c%5cevil.example',
  '/partners\u2215..\u2215evil.example',
  '/\uff0f/evil.example',
  '/news/index',
  '/partners?kiosk=0',
  '/elsewhere',
  '/page/01',
];

for (const home of HOSTILE_HOMES) {
  test(`a kiosk told to go home to ${JSON.stringify(home)} stays on this site`, async ({ page, baseURL }) => {
    await kioskSettings(page, { home, idle_seconds: 2 });
    const left = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && !frame.url().startsWith(baseURL)) left.push(frame.url());
    });
    await page.goto('/partners?kiosk=1&idle=2');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('partners_title'));
    // A visitor wanders off to an article, then leaves the kiosk alone.
    const { tableLink, panel } = mapPage(page);
    await tableLink('sopot').click();
    await panel('sopot').getByRole('link', { name: seed.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    // The idle reset goes to the kiosk's own home (the route it was started
    // on), never to the refused one.
    await expect(page).toHaveURL(`${baseURL}/partners`, { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('partners_title'));
    expect(await page.evaluate(() => document.documentElement.classList.contains('kiosk'))).toBe(true);
    expect(left).toEqual([]);
  });
}

// Entered with ?kiosk=1 on an address that is not exactly a page of the
// app: the kiosk's home is the column, whatever the address tries.
// (An address ending in a file name, like "/evil.example", is the server's
// 404 page, not the app: these end without one.)
for (const entered of [
  '/news/index',
  '/news/INDEX',
  '//evil.example/',
  '/%5c%5cevil.example/',
  '/news/595305%0a',
  '/partners/%2e%2e/evil',
  '/news/595305/print/evil.example/',
  '/page/01/',
  '/page/0/',
]) {
  test(`a kiosk started on ${JSON.stringify(entered)} goes home to the column`, async ({ page, baseURL }) => {
    await kioskSettings(page, '{}');
    const left = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && !frame.url().startsWith(baseURL)) left.push(frame.url());
    });
    await page.goto(`${baseURL}${entered}?kiosk=1&idle=2`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The column (an address the browser itself reads as the column keeps its query).
    await expect(page).toHaveURL(new RegExp(`^${baseURL}/(\\?.*)?$`), { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('長寧ニューズ');
    expect(await page.evaluate(() => document.documentElement.classList.contains('kiosk'))).toBe(true);
    expect(left).toEqual([]);
  });
}

test('the operator setting up a kiosk is told which settings were refused, in the interface language', async ({ page }) => {
  await kioskSettings(page, { home: '/\t/evil.example', idle_seconds: -5, attract: 'yes' });
  await page.goto('/partners?kiosk=1');
  const notice = (lang) => page.getByRole('alert').filter({ hasText: label('kiosk_settings_heading', lang) });
  const outOfRange = (lang) => label('problem_out_of_range', lang, { found: -5, min: 1, max: 86400 });
  const notARoute = label('problem_not_a_route', 'ja', { found: '"/\\t/evil.example"' });
  const notABoolean = label('problem_wrong_type', 'ja', {
    expected: label('expected_boolean'),
    found: label('found_text'),
  });
  await expect(notice('ja')).toBeVisible();
  await expect(notice('ja')).toContainText(`kiosk.json: home: ${notARoute}`);
  await expect(notice('ja')).toContainText(`kiosk.json: idle_seconds: ${outOfRange('ja')}`);
  await expect(notice('ja')).toContainText(`kiosk.json: attract: ${notABoolean}`);
  // Visitors never see it: not on a later page of the kiosk's session.
  await page.goto('/partners');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('partners_title'));
  await expect(notice('ja')).toHaveCount(0);

  await page.goto('/partners?kiosk=1&lang=en');
  await expect(notice('en')).toContainText(`kiosk.json: idle_seconds: ${outOfRange('en')}`);
});

for (const [what, answer] of [
  ['an HTML page', { status: 200, contentType: 'text/html', body: '<!doctype html><title>CMS</title><p>Not here' }],
  ['a server error', { status: 503, contentType: 'text/plain', body: 'down' }],
]) {
  test(`the operator is told when kiosk.json is ${what}, and the kiosk runs on its defaults`, async ({ page, baseURL }) => {
    await page.route('**/data/kiosk.json', (route) => route.fulfill(answer));
    await page.goto('/partners?kiosk=1&idle=3');
    const notice = page.getByRole('alert').filter({ hasText: label('kiosk_settings_heading') });
    // (A server error is tried three times first, with a pause between.)
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toContainText('kiosk.json');
    // Defaults: home is where it was started.
    await mapPage(page).tableLink('sopot').click();
    await expect(page).toHaveURL(`${baseURL}/partners/sopot`);
    await expect(page).toHaveURL(`${baseURL}/partners`, { timeout: 15_000 });
  });
}

test("the operator's notice goes after twenty seconds", async ({ page }) => {
  await page.clock.install();
  await kioskSettings(page, { idle_seconds: -5 });
  await page.goto('/partners?kiosk=1');
  const notice = page.getByRole('alert').filter({ hasText: label('kiosk_settings_heading') });
  await expect(notice).toBeVisible();
  await page.clock.runFor(19_000);
  await expect(notice).toBeVisible();
  await page.clock.runFor(2_000);
  await expect(notice).toHaveCount(0);
});

test('good kiosk settings bring no notice', async ({ page }) => {
  await kioskSettings(page, { home: '/partners', idle_seconds: 120, attract: false });
  await page.goto('/news/595305?kiosk=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('images from elsewhere are never requested: the reader sees a notice naming file and field', async ({ page }) => {
  const srcs = [
    'javascript:alert(1)',
    'https://evil.example/x.png',
    '//evil.example/y.png',
    'data:image/png;base64,iVBORw0KGgo=',
    '/\\evil.example/z.png',
    'http:evil.example/w.png',
    ' /data/img/x.png',
  ];
  writeData(
    'articles/e2e-images.json',
    article('e2e-images', {
      blocks: [
        { kind: 'paragraph', text: '画像の前。' },
        ...srcs.map((src, i) => ({ kind: 'image', src, alt: `画像${i}` })),
        { kind: 'paragraph', text: '画像の後。' },
      ],
    }),
  );
  const requested = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('http://127.0.0.1')) requested.push(url);
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.blockedURI));
  });
  await page.goto('/news/e2e-images');
  await expect(page.getByText('画像の後。')).toBeVisible();
  const notes = page.getByRole('note');
  await expect(notes).toHaveCount(srcs.length);
  // The problem, up to the refused address.
  const [notSameSite] = labelParts('problem_not_same_site');
  for (let i = 0; i < srcs.length; i++) {
    await expect(notes.nth(i)).toContainText(`articles/e2e-images.json: blocks[${i + 1}].src`);
    await expect(notes.nth(i)).toContainText(notSameSite);
  }
  await expect(page.getByRole('img')).toHaveCount(0);
  expect(requested).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('an image on this site is still shown', async ({ page }) => {
  writeData(
    'articles/e2e-own-image.json',
    article('e2e-own-image', { blocks: [{ kind: 'image', src: '/icons/favicon.svg', alt: 'サイトのアイコン' }] }),
  );
  await page.goto('/news/e2e-own-image');
  await expect(page.getByRole('img', { name: 'サイトのアイコン' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
});

for (const path of ['/news/index', '/news/index/print', '/news/INDEX', '/news/Index/print']) {
  test(`${path} is no article: the column's file is never read as one`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
    // Read as an article, the column's file would be a data error naming it.
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('articles/index.json')).toHaveCount(0);
    await expect(page.getByRole('link', { name: label('to_column') })).toBeVisible();
  });
}

test('an article whose id is not its file name, or whose title is empty, is a data error naming the field', async ({ page }) => {
  writeData('articles/e2e-wrong-id.json', article('e2e-other-id'));
  await page.goto('/news/e2e-wrong-id');
  await expect(page.getByRole('alert')).toContainText('articles/e2e-wrong-id.json: id:');
  writeData('articles/e2e-empty-title.json', article('e2e-empty-title', { title: '　' }));
  await page.goto('/news/e2e-empty-title');
  await expect(page.getByRole('alert')).toContainText(
    `articles/e2e-empty-title.json: title: ${label('problem_empty')}`,
  );
  await expect(page).toHaveTitle(containing(label('error_bad_data_heading')));
});

test('bytes that are not UTF-8 are a data error naming the field, never shown as �', async ({ page }) => {
  const text = JSON.stringify({
    id: 'e2e-latin1',
    title: 'Latin-1',
    published: '2024-01-01',
    breadcrumbs: ['News'],
    blocks: [{ kind: 'paragraph', text: 'Menu' }, { kind: 'paragraph', text: 'caf\u00e9' }],
  });
  // The file saved as Latin-1: é is the single byte 0xE9.
  writeData('articles/e2e-latin1.json', Buffer.from(text, 'latin1'));
  await page.goto('/news/e2e-latin1');
  await expect(page.getByRole('alert')).toContainText(
    `articles/e2e-latin1.json: blocks[1].text: ${label('problem_not_utf8')}`,
  );
  await expect(page.getByText('\ufffd')).toHaveCount(0);
});

/** A raw request, so that nothing normalises the path on the way. */
function rawGet(baseURL, path, { method = 'GET', headers = {}, body } = {}) {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

for (const [path, status, options] of [
  ['/news/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 400],
  ['/news/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 400],
  ['/news/%00', 400],
  ['/partners/%00x', 400],
  [`/news/${'x'.repeat(10_000)}`, 414],
  ['/no-such-file.js', 404],
  ['/no-such-image.png', 404],
  ['/', 413, { method: 'POST', headers: { 'content-length': String(5 * 1024 * 1024) }, body: 'x'.repeat(5 * 1024 * 1024), note: 'a body too large' }],
  ['/', 400, { headers: { 'x-long': 'y'.repeat(20_000) }, note: 'a header too large' }],
]) {
  test(`the server answers ${path.slice(0, 40)}…${options?.note ?? ''} with its own ${status} page, under the same policy`, async ({ baseURL }) => {
    const answer = await rawGet(baseURL, path, options);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toContain('text/html');
    expect(answer.body).toContain('ページを表示できません');
    expect(answer.body).toContain('href="/"');
    expect(answer.body).not.toContain('nginx');
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });
}

test('the error page is readable and has no violations of the policy', async ({ page }) => {
  const violations = [];
  page.on('console', (m) => /Content.Security.Policy|Refused/i.test(m.text()) && violations.push(m.text()));
  const response = await page.goto('/no-such-file.png');
  expect(response.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページを表示できません');
  await page.getByRole('link', { name: '記事一覧へ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('長寧ニューズ');
  expect(violations).toEqual([]);
});

test('icons are cached: hashed ones for good, the manifest\'s revalidated', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const hashed = /<link rel="icon" href="(\/[^"]+)"/.exec(html)[1];
  expect((await request.get(hashed)).headers()['cache-control']).toMatch(/max-age=\d{8,}/);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['cache-control'], icon.src).toBe('no-cache');
  }
});

test('a data file that is a link is not served, wherever it points', async ({ request }) => {
  // Publish refuses such files; the server does not follow them either.
  const outside = mkdtempSync(join(tmpdir(), 'e2e-outside-'));
  writeFileSync(join(outside, 'leak.json'), JSON.stringify(article('e2e-leak')));
  writeData('articles/e2e-real.json', article('e2e-real'));
  symlinkSync(join(outside, 'leak.json'), dataPath('articles/e2e-leak.json'));
  symlinkSync(dataPath('articles/e2e-real.json'), dataPath('articles/e2e-inside-link.json'));
  expect((await request.get('/data/articles/e2e-real.json')).status()).toBe(200);
  for (const link of ['e2e-leak', 'e2e-inside-link']) {
    const response = await request.get(`/data/articles/${link}.json`);
    expect(response.status(), link).not.toBe(200);
    expect(await response.text(), link).not.toContain(`テスト記事 e2e-`);
  }
});
