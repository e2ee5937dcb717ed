// The news column at `/`.
import { test, expect } from '../support/test.js';
import { label } from '../support/labels.js';

const column = {
  column: { id: 'e2e', title: 'テストのコラム' },
  articles: [
    { id: 'c3', title: '三番目に新しい記事ではなく最新', published: '2024-03-01', summary: '最新の要約' },
    { id: 'c1', title: '古い記事', published: '2019-07' },
    { id: 'c2', title: '中ほどの記事', published: '2021-10-14', summary: '中ほどの要約' },
  ],
};

test('the column lists titles, dates and summaries in the order given', async ({ page }) => {
  // A column the test makes, served in place of index.json.
  await page.route('**/data/articles/index.json', (route) => route.fulfill({ json: column }));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('テストのコラム');
  await expect(page).toHaveTitle('テストのコラム');
  const titles = page.getByRole('heading', { level: 2 });
  await expect(titles).toHaveText(column.articles.map((a) => a.title));
  await expect(page.getByRole('listitem').nth(0)).toContainText('2024年3月1日');
  await expect(page.getByRole('listitem').nth(0)).toContainText('最新の要約');
  await expect(page.getByRole('listitem').nth(1)).toContainText('2019年7月');
  await expect(page.getByRole('link', { name: '古い記事' })).toHaveAttribute('href', '/news/c1');
  // The header names the column from the data, not from the app.
  await expect(page.getByRole('banner')).toContainText('テストのコラム');
});

test('a column that lists an article twice (in any case) shows it once and says which entries it left off', async ({ page }) => {
  const twice = structuredClone(column);
  twice.articles.push(
    { id: 'c1', title: '古い記事の再掲', published: '2019-07' },
    { id: 'C2', title: '中ほどの記事の大文字', published: '2021-10-14' },
  );
  await page.route('**/data/articles/index.json', (route) => route.fulfill({ json: twice }));
  await page.goto('/');
  // Each article once, the first of its entries kept.
  const entries = page.getByRole('listitem').getByRole('heading', { level: 2 });
  await expect(entries).toHaveText(column.articles.map((a) => a.title));
  const notice = page.getByRole('region', { name: label('column_notice_heading') });
  const duplicate = (first) => label('problem_duplicate', 'ja', { first });
  await expect(notice).toContainText(`articles/index.json: articles[3].id: ${duplicate('articles[1]')} (c1)`);
  await expect(notice).toContainText(`articles/index.json: articles[4].id: ${duplicate('articles[2] ("c2")')} (C2)`);
  await page.goto('/?lang=en');
  await expect(page.getByRole('region', { name: label('column_notice_heading', 'en') })).toContainText(
    `articles[3].id: ${label('problem_duplicate', 'en', { first: 'articles[1]' })}`,
  );
});

test('an unknown address says so and leads back to the column', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('page_not_found'));
  await page.getByRole('link', { name: label('to_column') }).click();
  await expect(page).toHaveURL(/\/$/);
});

// A column of 65 articles (the test's own, served in place of index.json):
// three pages of 30, 30 and 5, `n1` the newest.
const long = {
  column: { id: 'e2e', title: 'テストのコラム' },
  articles: Array.from({ length: 65 }, (_, i) => ({
    id: `n${i + 1}`,
    title: `記事 ${i + 1} 番`,
    published: '2024-03-01',
  })),
};
const titles = (from, to) => long.articles.slice(from, to).map((a) => a.title);

test('a long column is read a page of 30 at a time, from newest to oldest, by its navigation', async ({ page, baseURL }) => {
  await page.route('**/data/articles/index.json', (route) => route.fulfill({ json: long }));
  await page.goto('/');
  const entries = page.getByRole('listitem').getByRole('heading', { level: 2 });
  await expect(entries).toHaveText(titles(0, 30));
  const pages = page.getByRole('navigation', { name: label('column_pages') });
  await expect(pages.getByRole('link', { name: label('column_page_number', 'ja', { page: 1 }), exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(pages.getByRole('link', { name: label('column_previous') })).toHaveCount(0);
  const next = pages.getByRole('link', { name: label('column_next') });
  await expect(next).toHaveAttribute('rel', 'next');
  await next.click();
  await expect(page).toHaveURL(`${baseURL}/page/2`);
  await expect(entries).toHaveText(titles(30, 60));
  await expect(page).toHaveTitle(label('column_page_title', 'ja', { title: 'テストのコラム', page: 2 }));
  await pages.getByRole('link', { name: label('column_page_number', 'ja', { page: 3 }), exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/page/3`);
  await expect(entries).toHaveText(titles(60, 65));
  await expect(pages.getByRole('link', { name: label('column_next') })).toHaveCount(0);
  await expect(pages.getByRole('link', { name: label('column_previous') })).toHaveAttribute('rel', 'prev');
  await pages.getByRole('link', { name: label('column_previous') }).click();
  await expect(page).toHaveURL(`${baseURL}/page/2`);
  await expect(entries).toHaveText(titles(30, 60));
});

test('a page past the column\'s end is not found, in every language', async ({ page }) => {
  await page.route('**/data/articles/index.json', (route) => route.fulfill({ json: long }));
  for (const lang of ['ja', 'zh', 'en']) {
    await page.goto(`/page/4?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label('page_not_found', lang));
    await page.goto(`/page/3?lang=${lang}`);
    await expect(page.getByRole('navigation', { name: label('column_pages', lang) })).toBeVisible();
  }
});

test('a column of one page has no page navigation', async ({ page }) => {
  await page.route('**/data/articles/index.json', (route) => route.fulfill({ json: { ...long, articles: long.articles.slice(0, 30) } }));
  await page.goto('/');
  await expect(page.getByRole('listitem').getByRole('heading', { level: 2 })).toHaveCount(30);
  await expect(page.getByRole('navigation', { name: label('column_pages') })).toHaveCount(0);
});
