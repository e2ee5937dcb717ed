// Printing: the print view and the browser's own print of an article give the
// same paper document, checked in the PDF Chromium makes.
import { test, expect } from '../support/test.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containing, label } from '../support/labels.js';
import { articlePage, partnerName } from '../support/pages.js';
import { article, sampleData, writeData } from '../support/site.js';

const seed = sampleData('articles/595305.json');
const squash = (s) => s.replace(/\s+/g, '');

/** Prints the page to an A4 PDF (the page's own @page rules) and reads it back. */
async function printToPdf(page) {
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  const pdf = join(dir, 'page.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())[1]);
  const pageText = (n) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-']).toString();
  return { dir, pdf, text, pages, pageText };
}

function decodeQr(dir, pdf) {
  execFileSync('pdftoppm', ['-r', '150', '-png', pdf, join(dir, 'page')]);
  const images = readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => join(dir, f));
  // zbarimg exits with 4 when some page has no code; what it found is on stdout.
  return spawnSync('zbarimg', ['-q', '--raw', ...images], { encoding: 'utf8' }).stdout.trim();
}

async function expectDocument(page, url) {
  const { dir, pdf, text, pages } = await printToPdf(page);
  const flat = squash(text);
  expect(flat).toContain(squash(seed.title));
  for (const block of seed.blocks) expect(flat).toContain(squash(block.text));
  expect(flat).toContain(squash(url));
  expect(flat).toContain('2021年10月14日');
  // The partners the article is about, as a table.
  for (const id of seed.partners) expect(flat).toContain(squash(partnerName(id)));
  for (const control of ['font_size', 'close', 'print_view', 'back_to_top', 'back_to_article', 'close_selection']) {
    expect(text).not.toContain(label(control));
  }
  expect(pages).toBeLessThanOrEqual(3);
  expect(decodeQr(dir, pdf)).toBe(url);
}

test('the print view prints the article as a document with a QR code back online', async ({ page, baseURL }) => {
  await page.goto('/news/595305/print');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  // On screen: a print button and a way back, the partners table and the footer.
  await expect(articlePage(page).print).toBeVisible();
  await expect(page.getByRole('link', { name: label('back_to_article') })).toHaveAttribute('href', '/news/595305');
  await expect(page.getByRole('img', { name: containing(label('qr_label')) })).toBeVisible();
  await expect(page.getByText(`${baseURL}/news/595305`)).toBeVisible();
  await expect(page.getByRole('img', { name: label('map_label') })).toBeVisible();
  await expectDocument(page, `${baseURL}/news/595305`);
});

test('the still map is centred on home as the interactive one: Papeete east of it, Sopot west', async ({ page }) => {
  await page.goto('/news/595305/print');
  const map = page.getByRole('img', { name: label('map_label') });
  await expect(map).toBeVisible();
  const centre = async (locator) => {
    const box = await locator.boundingBox();
    return box.x + box.width / 2;
  };
  const home = await centre(map.locator('.static-map__home'));
  const marker = (id) => map.locator('.static-map__marker').filter({ hasText: partnerName(id) });
  // Centred on Greenwich, Papeete (149° W) would sit at the far west.
  expect(await centre(marker('papeete'))).toBeGreaterThan(home);
  expect(await centre(marker('sopot'))).toBeLessThan(home);
  expect(await centre(marker('hirakata'))).toBeGreaterThan(home);
});

test("the browser's print of the article page gives the same document", async ({ page, baseURL }) => {
  await page.goto('/news/595305');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  // The still map's world is loaded before printing.
  await expect(page.locator('.static-map__country').first()).toBeAttached();
  await expectDocument(page, `${baseURL}/news/595305`);
});

test('the article links to its print view', async ({ page }) => {
  await page.goto('/news/595305');
  await articlePage(page).printView.click();
  await expect(page).toHaveURL(/\/news\/595305\/print$/);
  await page.getByRole('link', { name: label('back_to_article') }).click();
  await expect(page).toHaveURL(/\/news\/595305$/);
});

test('a 2,000-block article prints every paragraph, without blank pages', async ({ page }) => {
  test.setTimeout(120_000);
  const blocks = [];
  for (let i = 0; i < 2000; i++) {
    blocks.push(
      i % 25 === 0
        ? { kind: 'heading', text: `第${i / 25 + 1}節の見出し` }
        : { kind: 'paragraph', text: `段落${i}。長い記事でも紙に欠けなく印刷されることを確かめるための文です。` },
    );
  }
  writeData('articles/e2e-long.json', article('e2e-long', { blocks }));
  await page.goto('/news/e2e-long/print');
  await expect(page.getByText('段落1999。', { exact: false })).toBeVisible();
  const { text, pages, pageText } = await printToPdf(page);
  const flat = squash(text);
  for (const block of blocks) expect(flat).toContain(squash(block.text));
  expect(pages).toBeGreaterThan(10);
  for (let n = 1; n <= pages; n++) {
    // Every page holds article text, not just its page number.
    expect(squash(pageText(n)).replace(/\d+\/\d+/g, '').length).toBeGreaterThan(20);
  }
});
