// What a reader sees for each row of the data contract's bad-data table.
import { test, expect } from '../support/test.js';
import { label, labelParts } from '../support/labels.js';
import { article, writeData } from '../support/site.js';

test('a missing article file shows "not found" with a way to the column', async ({ page, request }) => {
  // The server really answers 404 for a missing data file.
  expect((await request.get('/data/articles/e2e-missing.json')).status()).toBe(404);
  await page.goto('/news/e2e-missing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
  await page.getByRole('link', { name: label('to_column') }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('an id that cannot be a file name is not found, and nothing is fetched', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => r.url().includes('/data/articles/') && fetched.push(r.url()));
  await page.goto('/news/..%2Fcities');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('article_not_found'));
  expect(fetched.filter((u) => !u.endsWith('index.json'))).toEqual([]);
});

test('malformed JSON names the file', async ({ page }) => {
  writeData('articles/e2e-malformed.json', '{"id": "e2e-malformed", "title": ');
  await page.goto('/news/e2e-malformed');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText(label('error_bad_data_heading'));
  // The file verbatim, the problem in the reader's language (up to its line and column).
  const [notJson] = labelParts('problem_not_json');
  await expect(alert).toContainText(`articles/e2e-malformed.json: ${notJson}`);
});

test('a mistyped field names the file and the field path, in the reader\'s language', async ({ page }) => {
  const bad = article('e2e-mistyped');
  bad.blocks[1].text = 42;
  writeData('articles/e2e-mistyped.json', bad);
  const said = (lang) =>
    'articles/e2e-mistyped.json: blocks[1].text: ' +
    label('problem_wrong_type', lang, { expected: label('expected_text', lang), found: label('found_number', lang) });
  await page.goto('/news/e2e-mistyped');
  await expect(page.getByRole('alert')).toContainText(said('ja'));
  for (const lang of ['en', 'zh']) {
    await page.goto(`/news/e2e-mistyped?lang=${lang}`);
    await expect(page.getByRole('alert')).toContainText(said(lang));
  }
});

test('a missing required field names the field', async ({ page }) => {
  const bad = article('e2e-untitled');
  delete bad.title;
  writeData('articles/e2e-untitled.json', bad);
  await page.goto('/news/e2e-untitled');
  await expect(page.getByRole('alert')).toContainText(`articles/e2e-untitled.json: title: ${label('problem_missing')}`);
});

test('a web page where JSON was expected is reported, not decoded', async ({ page }) => {
  writeData('articles/e2e-html.json', '<!doctype html><html><body>index</body></html>');
  await page.goto('/news/e2e-html');
  await expect(page.getByRole('alert')).toContainText('articles/e2e-html.json');
  await expect(page.getByRole('alert')).toContainText(label('problem_html'));
});

test('a server error offers a retry that loads the article', async ({ page }) => {
  writeData('articles/e2e-retry.json', article('e2e-retry'));
  // The app tries three times by itself (with backoff) before it asks the reader.
  let calls = 0;
  await page.route('**/data/articles/e2e-retry.json', (route) => {
    calls += 1;
    return calls <= 3 ? route.fulfill({ status: 503, body: 'busy' }) : route.continue();
  });
  await page.goto('/news/e2e-retry');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('articles/e2e-retry.json');
  await expect(alert).toContainText('503');
  expect(calls).toBe(3);
  await alert.getByRole('button', { name: label('retry') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-retry');
});

test('a passing server hiccup is retried without bothering the reader', async ({ page }) => {
  writeData('articles/e2e-hiccup.json', article('e2e-hiccup'));
  let calls = 0;
  await page.route('**/data/articles/e2e-hiccup.json', (route) => {
    calls += 1;
    return calls === 1 ? route.fulfill({ status: 502, body: '' }) : route.continue();
  });
  await page.goto('/news/e2e-hiccup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-hiccup');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an unreachable server offers a retry', async ({ page }) => {
  writeData('articles/e2e-offline.json', article('e2e-offline'));
  let calls = 0;
  await page.route('**/data/articles/e2e-offline.json', (route) => {
    calls += 1;
    return calls <= 3 ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto('/news/e2e-offline');
  // The message after the file's name.
  const [, unreachable] = labelParts('error_unreachable');
  await expect(page.getByRole('alert')).toContainText(unreachable);
  await page.getByRole('button', { name: label('retry') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-offline');
});

test('markup in text is shown as text and never runs', async ({ page }) => {
  const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">';
  writeData('articles/e2e-markup.json', article('e2e-markup', {
    title: '<b>見出し</b>',
    blocks: [{ kind: 'paragraph', text: hostile }],
  }));
  await page.goto('/news/e2e-markup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<b>見出し</b>');
  await expect(page.getByText(hostile)).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('a block of an unknown kind is skipped and the rest shows', async ({ page }) => {
  writeData('articles/e2e-future.json', article('e2e-future', {
    blocks: [
      { kind: 'paragraph', text: '前の段落' },
      { kind: 'video', src: '/data/v.mp4', text: { ja: 42 } },
      { kind: 'paragraph', text: '後の段落' },
    ],
    future_field: { anything: true },
  }));
  await page.goto('/news/e2e-future');
  await expect(page.getByRole('article').locator('p:visible')).toHaveText(['前の段落', '後の段落']);
});

test('a server that never answers gets a timeout message and a retry', async ({ page }) => {
  test.setTimeout(60_000);
  writeData('articles/e2e-slow.json', article('e2e-slow'));
  // The first request hangs for good; the retry is answered.
  let hang = true;
  await page.route('**/data/articles/e2e-slow.json', (route) => (hang ? new Promise(() => {}) : route.continue()));
  await page.goto('/news/e2e-slow');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('articles/e2e-slow.json', { timeout: 30_000 });
  const [, timedOut] = labelParts('error_timed_out');
  await expect(alert).toContainText(timedOut);
  hang = false;
  await alert.getByRole('button', { name: label('retry') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-slow');
});
