// Reading aids beside the text size: 背景色 (colour themes), 読み上げ (read
// aloud, with a recording stand-in for speech) and ふりがな (readings over
// kanji, computed at publish time).
import { test, expect } from '../support/test.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { label } from '../support/labels.js';
import { articlePage, partnerName } from '../support/pages.js';
import { article, sampleData, writeData } from '../support/site.js';
import { failSentence, finishSentence, installSpeech, lateEnd, said, speechEvents, voicesUsed } from '../support/speech.js';

const seed = sampleData('articles/595305.json');

/** The sentences of a text as the seed article has them (no full stop inside brackets). */
const sentences = (text) =>
  text
    .match(/[^。！？!?]+(?:[。！？!?」』）]+|$)/g)
    .map((s) => s.trim())
    .filter(Boolean);

/** What reading aloud says, in order: the title, then headings and paragraphs. */
const spokenOrder = [
  ...sentences(seed.title),
  ...seed.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'heading').flatMap((b) => sentences(b.text)),
];

/** The contrast of an element's text with the background behind it (WCAG). */
function contrastOf(locator) {
  return locator.evaluate((el) => {
    const rgb = (css) => css.match(/[\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
      const c = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
    };
    let background = el;
    while (background && rgb(getComputedStyle(background).backgroundColor)[3] === 0) background = background.parentElement;
    const bg = background ? rgb(getComputedStyle(background).backgroundColor) : [255, 255, 255];
    const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(bg)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

/** The colour behind the page's text: the body's, else the root's, else the canvas (white). */
/** The names of the page's links as Chromium gives them to screen readers
 *  (Playwright's own name computation puts spaces around <ruby>). */
async function linkNames(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((node) => node.role?.value === 'link').map((node) => node.name?.value ?? '');
}

const pageBackground = (page) =>
  page.evaluate(() => {
    for (const el of [document.body, document.documentElement]) {
      const colour = getComputedStyle(el).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
    }
    return 'rgb(255, 255, 255)';
  });

function themes(page, lang = 'ja') {
  const group = page.getByRole('group', { name: label('colour_theme', lang) });
  return {
    group,
    button: (key) => group.getByRole('button', { name: label(key, lang), exact: true }),
  };
}

/** How much of the first printed page is near white (0 to 1). */
async function whiteOfPrintedPage(page) {
  const dir = mkdtempSync(join(tmpdir(), 'theme-print-'));
  const pdf = join(dir, 'page.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  execFileSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')]);
  const ppm = readFileSync(join(dir, 'page.ppm'));
  // P6 header: magic, width, height, max value, each followed by whitespace.
  let offset = 0;
  for (let fields = 0; fields < 4; offset++) if (/\s/.test(String.fromCharCode(ppm[offset]))) fields++;
  let white = 0;
  let pixels = 0;
  for (let i = offset; i + 2 < ppm.length; i += 3, pixels++) if (ppm[i] > 230 && ppm[i + 1] > 230 && ppm[i + 2] > 230) white++;
  return white / pixels;
}

test.describe('背景色', () => {
  for (const key of ['theme_black', 'theme_blue']) {
    test(`${label(key)}: the whole page changes, body text has AAA contrast, it is remembered, paper stays white`, async ({ page }) => {
      await page.goto('/news/595305');
      const { group, button } = themes(page);
      await expect(group.getByRole('button')).toHaveCount(3);
      for (const other of ['theme_white', 'theme_black', 'theme_blue']) await expect(button(other)).toBeVisible();
      await expect(button('theme_white')).toHaveAttribute('aria-pressed', 'true');
      const white = await pageBackground(page);
      await button(key).click();
      await expect(button(key)).toHaveAttribute('aria-pressed', 'true');
      await expect(button('theme_white')).toHaveAttribute('aria-pressed', 'false');
      const themed = await pageBackground(page);
      expect(themed).not.toBe(white);
      const paragraph = page.locator('.article-body__paragraph').first();
      expect(await contrastOf(paragraph)).toBeGreaterThanOrEqual(7);
      expect(await contrastOf(page.getByRole('heading', { level: 1 }))).toBeGreaterThanOrEqual(7);
      // The header and a link follow the theme too.
      expect(await contrastOf(page.getByRole('banner').getByRole('link').first())).toBeGreaterThanOrEqual(4.5);
      expect(await contrastOf(page.getByRole('link', { name: partnerName('hirakata') }).first())).toBeGreaterThanOrEqual(4.5);
      // Remembered, and the whole site: the map page too.
      await page.reload();
      await expect(button(key)).toHaveAttribute('aria-pressed', 'true');
      expect(await pageBackground(page)).toBe(themed);
      await page.goto('/partners');
      expect(await pageBackground(page)).toBe(themed);
      // On paper: black on white, whatever the theme on screen.
      await page.goto('/news/595305');
      expect(await whiteOfPrintedPage(page)).toBeGreaterThan(0.8);
      await page.emulateMedia({ media: 'print' });
      expect(await pageBackground(page)).toBe('rgb(255, 255, 255)');
      expect(await paragraph.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    });
  }

  test('白 is chosen over a system that prefers dark, which otherwise gets 黒', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/news/595305');
    const { button } = themes(page);
    await expect(button('theme_black')).toHaveAttribute('aria-pressed', 'true');
    await button('theme_white').click();
    await expect(button('theme_white')).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(button('theme_white')).toHaveAttribute('aria-pressed', 'true');
    expect(await pageBackground(page)).toBe('rgb(255, 255, 255)');
  });

  test('with forced colours the choice is out of the way', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto('/news/595305');
    await expect(articlePage(page).sizes).toBeVisible();
    await expect(themes(page).group).toBeHidden();
  });
});

test.describe('読み上げ', () => {
  test('reads the title, then the text sentence by sentence in Japanese, highlighting and showing each', async ({ page }) => {
    // The system's default voice speaks English; a Japanese one is chosen.
    await installSpeech(page, {
      voices: [
        { lang: 'en-US', name: 'English default', default: true },
        { lang: 'ja-JP', name: 'Japanese voice', default: false },
      ],
    });
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto('/news/595305');
    const read = page.getByRole('button', { name: label('read_aloud'), exact: true });
    await read.click();
    const highlighted = page.locator('.sentence--reading');
    for (let i = 0; i < 6; i++) {
      await expect.poll(() => said(page)).toHaveLength(i + 1);
      const last = (await said(page))[i];
      expect(last).toEqual({ text: spokenOrder[i], lang: 'ja-JP' });
      await expect(highlighted).toHaveCount(1);
      await expect(highlighted).toHaveText(spokenOrder[i]);
      await expect(highlighted).toBeInViewport();
      await finishSentence(page);
    }
    await expect(page.getByRole('status').filter({ hasText: label('read_aloud_reading') })).toBeVisible();
    expect(new Set(await voicesUsed(page))).toEqual(new Set(['Japanese voice']));
    // Further down, the sentence read is scrolled into view.
    const before = await page.evaluate(() => window.scrollY);
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: label('read_aloud_next') }).click();
    await expect(highlighted).toHaveCount(1);
    await expect(highlighted).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
  });

  test('pause, resume and stop do what they say; focus stays on the control', async ({ page }) => {
    await installSpeech(page);
    await page.goto('/news/595305');
    const group = page.getByRole('group', { name: label('read_aloud') });
    await group.getByRole('button', { name: label('read_aloud'), exact: true }).click();
    await expect.poll(() => said(page)).toHaveLength(1);
    const pause = group.getByRole('button', { name: label('read_aloud_pause') });
    await pause.click();
    expect(await speechEvents(page)).toContain('pause');
    const resume = group.getByRole('button', { name: label('read_aloud_resume') });
    await expect(resume).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: label('read_aloud_paused') })).toBeVisible();
    await resume.click();
    expect((await speechEvents(page)).at(-1)).toBe('resume');
    await expect(pause).toBeFocused();
    await group.getByRole('button', { name: label('read_aloud_stop'), exact: true }).click();
    expect((await speechEvents(page)).at(-1)).toBe('cancel');
    await expect(page.locator('.sentence--reading')).toHaveCount(0);
    const start = group.getByRole('button', { name: label('read_aloud'), exact: true });
    await expect(start).toBeFocused();
    // Stopped means stopped: not even a late "end" of the cancelled
    // sentence makes it say the next one.
    expect(await lateEnd(page)).toBe(spokenOrder[0]);
    expect(await said(page)).toHaveLength(1);
    await expect(page.locator('.sentence--reading')).toHaveCount(0);
  });

  test('reads from the paragraph the reader chose, and moves to one chosen while reading', async ({ page }) => {
    await installSpeech(page);
    await page.goto('/news/595305');
    const paragraphs = seed.blocks.filter((b) => b.kind === 'paragraph');
    // Selecting text in the fourth paragraph, then 読み上げ.
    await page.getByText(sentences(paragraphs[3].text)[0]).click({ clickCount: 3 });
    await page.getByRole('button', { name: label('read_aloud'), exact: true }).click();
    await expect.poll(async () => (await said(page))[0]?.text).toBe(sentences(paragraphs[3].text)[0]);
    // While reading, choosing the second paragraph reads from there.
    await page.getByText(sentences(paragraphs[1].text)[0]).click();
    await expect.poll(async () => (await said(page)).at(-1).text).toBe(sentences(paragraphs[1].text)[0]);
    await expect(page.locator('.sentence--reading')).toHaveText(sentences(paragraphs[1].text)[0]);
    // 次の段落 / 前の段落 move a paragraph (or heading) on and back.
    await page.getByRole('button', { name: label('read_aloud_next') }).click();
    await expect.poll(async () => (await said(page)).at(-1).text).toBe(sentences(seed.blocks[2].text)[0]);
    await page.getByRole('button', { name: label('read_aloud_previous') }).click();
    await expect.poll(async () => (await said(page)).at(-1).text).toBe(sentences(paragraphs[1].text)[0]);
  });

  test('text size and colours still work while reading; a partner link leaves the page and stops it', async ({ page }) => {
    await installSpeech(page);
    await page.goto('/news/595305');
    await page.getByRole('button', { name: label('read_aloud'), exact: true }).click();
    await expect.poll(() => said(page)).toHaveLength(1);
    const started = await speechEvents(page);
    const { size } = articlePage(page);
    await size('font_large').click();
    await expect(size('font_large')).toHaveAttribute('aria-pressed', 'true');
    await themes(page).button('theme_blue').click();
    await expect(themes(page).button('theme_blue')).toHaveAttribute('aria-pressed', 'true');
    expect(await speechEvents(page)).toEqual(started);
    await expect(page.locator('.sentence--reading')).toHaveText(spokenOrder[0]);
    await finishSentence(page);
    await expect.poll(() => said(page)).toHaveLength(2);
    // The partner names are still links; following one stops reading.
    await page.getByRole('link', { name: partnerName('hirakata') }).first().click();
    await expect(page).toHaveURL(/\/partners\/hirakata$/);
    expect((await speechEvents(page)).at(-1)).toBe('cancel');
    expect(await lateEnd(page)).toBe(spokenOrder[1]);
    expect(await said(page)).toHaveLength(2);
  });

  test('without speech, or without a voice for the article, the control says why', async ({ browser, baseURL }) => {
    for (const [options, key] of [
      [{ supported: false }, 'read_aloud_no_speech'],
      [{ voices: [{ lang: 'en-US', name: 'English only', default: true }] }, 'read_aloud_no_voice'],
    ]) {
      const context = await browser.newContext({ baseURL, locale: 'ja-JP', serviceWorkers: 'block' });
      const page = await context.newPage();
      await installSpeech(page, options);
      await page.goto('/news/595305');
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
      await page.getByRole('button', { name: label('read_aloud'), exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: label(key) })).toBeVisible();
      await expect(page.locator('.sentence--reading')).toHaveCount(0);
      await context.close();
    }
  });

  for (const [fault, options] of [
    ['speak throws', { throws: 'speak' }],
    ['getVoices throws', { throws: 'getVoices' }],
    ['speak works, then an error event', {}],
  ]) {
    test(`a speech service that fails (${fault}) ends reading with a message; the controls are idle, then work again`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, locale: 'ja-JP', serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // It fails once; the reader tries again and it works.
      await installSpeech(page, { ...options, times: 1 });
      await page.goto('/news/595305');
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
      const group = page.getByRole('group', { name: label('read_aloud') });
      const start = group.getByRole('button', { name: label('read_aloud'), exact: true });
      const failed = page.getByRole('status').filter({ hasText: label('read_aloud_failed') });
      await start.click();
      if (!options.throws) {
        await expect.poll(() => said(page)).toHaveLength(1);
        expect(await failSentence(page)).toBe(spokenOrder[0]);
      }
      await expect(failed).toBeVisible();
      // Idle: 読み上げ alone, nothing highlighted, nothing said after the failure.
      await expect(group.getByRole('button')).toHaveText([label('read_aloud')]);
      await expect(page.locator('.sentence--reading')).toHaveCount(0);
      const saidBefore = (await said(page)).length;
      // Again: it reads; pause, resume and stop do what they say.
      await start.click();
      await expect.poll(async () => (await said(page)).length).toBe(saidBefore + 1);
      await expect(failed).toHaveCount(0);
      await group.getByRole('button', { name: label('read_aloud_pause') }).click();
      await group.getByRole('button', { name: label('read_aloud_resume') }).click();
      await group.getByRole('button', { name: label('read_aloud_stop'), exact: true }).click();
      expect((await speechEvents(page)).slice(-3)).toEqual(['pause', 'resume', 'cancel']);
      await expect(group.getByRole('button')).toHaveText([label('read_aloud')]);
      await expect(page.locator('.sentence--reading')).toHaveCount(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('a speech service whose speak always throws: each try says so and leaves the controls idle; nothing breaks', async ({ page }) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await installSpeech(page, { throws: 'speak' });
    await page.goto('/news/595305');
    const group = page.getByRole('group', { name: label('read_aloud') });
    const start = group.getByRole('button', { name: label('read_aloud'), exact: true });
    for (let i = 0; i < 3; i++) {
      await start.click();
      await expect(page.getByRole('status').filter({ hasText: label('read_aloud_failed') })).toBeVisible();
      await expect(group.getByRole('button')).toHaveText([label('read_aloud')]);
    }
    // The rest of the page goes on working.
    await articlePage(page).size('font_large').click();
    await expect(articlePage(page).size('font_large')).toHaveAttribute('aria-pressed', 'true');
    expect(await said(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('ふりがな', () => {
  test('shows readings over kanji, remembered; partner links still work; off leaves the text as before', async ({ page }) => {
    const readingsFetched = [];
    page.on('request', (r) => r.url().endsWith('.readings.json') && readingsFetched.push(`${r.method()} ${r.url()}`));
    await page.goto('/news/595305');
    const body = page.locator('.article-body');
    const title = page.getByRole('heading', { level: 1 });
    const before = await body.innerHTML();
    const titleBefore = await title.innerHTML();
    const names = await linkNames(page);
    const toggle = page.getByRole('button', { name: label('furigana') });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('ruby')).toHaveCount(0);
    // The readings are fetched only once the reader asks for them.
    expect(readingsFetched).toEqual([]);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // The newsroom's dictionary wins over the analyser (長 ちょう + 寧 やすし).
    await expect(page.locator('ruby', { hasText: /^長寧/ }).first().locator('rt')).toHaveText('ちょうねい');
    await expect(page.locator('ruby', { hasText: /^枚方/ }).first().locator('rt')).toHaveText('ひらかた');
    expect(readingsFetched).toHaveLength(1);
    await expect(page.locator('ruby', { hasText: /^努力/ }).first().locator('rt')).toHaveText('どりょく');
    // Okurigana stay outside the ruby (広<rt>ひろ</rt>がり): no ruby's text
    // ends in kana, and 広 is followed by its kana outside it.
    const bases = await page.locator('main ruby').evaluateAll((rubies) =>
      rubies.map((r) => [...r.childNodes].filter((n) => n.nodeName !== 'RT').map((n) => n.textContent).join('')),
    );
    expect(bases.filter((b) => /[ぁ-ゖ]$/.test(b))).toEqual([]);
    const hiro = page.locator('main ruby').filter({ hasText: /^広/ }).first();
    await expect(hiro.locator('rt')).toHaveText('ひろ');
    expect(await hiro.evaluate((r) => r.nextSibling && r.nextSibling.textContent.startsWith('がり'))).toBe(true);
    // Numbers and kana are not annotated.
    await expect(page.locator('ruby').filter({ hasText: /^[0-9０-９]/ })).toHaveCount(0);
    await expect(page.locator('ruby').filter({ hasText: /^[ぁ-んァ-ヶー]+/ })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 }).locator('ruby').first()).toBeVisible();
    // Readings are for the eye: every link keeps its accessible name.
    expect(names).toContain('ソベルト市');
    expect(await linkNames(page)).toEqual(names);
    await page.reload();
    await expect(page.getByRole('button', { name: label('furigana') })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('ruby').first()).toBeVisible();
    // A partner name with readings is still a link to the map.
    const hirakata = page.locator('a.partner-link', { has: page.locator('ruby') }).filter({ hasText: '枚方' });
    await hirakata.click();
    await expect(page).toHaveURL(/\/partners\/hirakata$/);
    await page.goBack();
    await page.getByRole('button', { name: label('furigana') }).click();
    await expect(page.locator('ruby')).toHaveCount(0);
    expect(await body.innerHTML()).toBe(before);
    expect(await title.innerHTML()).toBe(titleBefore);
  });

  test('the printed page has the readings while they are on', async ({ page }) => {
    await page.goto('/news/595305');
    await page.getByRole('button', { name: label('furigana') }).click();
    await expect(page.locator('ruby').first()).toBeVisible();
    const dir = mkdtempSync(join(tmpdir(), 'furigana-print-'));
    const pdf = join(dir, 'page.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).toString();
    expect(text).toContain('ちょうねい');
  });

  test('an article not published yet asks for no readings, even with furigana on: the reader is told they are not there yet, and nothing 404s', async ({ page }) => {
    const readingsAsked = [];
    const consoleErrors = [];
    page.on('request', (r) => r.url().endsWith('.readings.json') && readingsAsked.push(r.method()));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    writeData('articles/e2e-no-readings.json', article('e2e-no-readings', { title: '長寧の記事' }));
    await page.goto('/news/e2e-no-readings');
    await expect(articlePage(page).sizes).toBeVisible();
    await expect(page.getByRole('button', { name: label('read_aloud'), exact: true })).toBeVisible();
    // Offered: the article is in Japanese.
    const toggle = page.getByRole('button', { name: label('furigana') });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page.getByRole('status').filter({ hasText: label('furigana_not_yet') })).toBeVisible();
    // Remembered: the next view opens with furigana on.
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: label('furigana_not_yet') })).toBeVisible();
    expect(readingsAsked).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('長寧の記事');
    await expect(page.locator('ruby')).toHaveCount(0);
    // Off again: the message goes with it.
    await toggle.click();
    await expect(page.getByRole('status').filter({ hasText: label('furigana_not_yet') })).toHaveCount(0);
  });

  test('whether readings are published comes with the article: asked for when they are, and when a server does not say', async ({ page, request }) => {
    writeData('articles/e2e-own-readings.json', article('e2e-own-readings', { title: '長寧の記事' }));
    writeData('articles/e2e-own-readings.readings.json', { article: 'e2e-own-readings', texts: [{ text: '長寧の記事', ruby: [[0, 2, 'ちょうねい']] }] });
    const said = async (path) => (await request.get(path)).headers()['x-reader-readings'];
    expect(await said('/data/articles/595305.json')).toBe('published');
    expect(await said('/data/articles/e2e-own-readings.json')).toBe('published');
    writeData('articles/e2e-no-readings-2.json', article('e2e-no-readings-2', { title: '長寧の記事' }));
    expect(await said('/data/articles/e2e-no-readings-2.json')).toBe('none');
    for (const other of ['/data/articles/index.json', '/data/cities.json', '/data/articles/595305.readings.json']) {
      expect(await said(other), other).toBe(undefined);
    }
    // A newsroom's own readings file is the server's word too.
    await page.goto('/news/e2e-own-readings');
    await page.getByRole('button', { name: label('furigana') }).click();
    await expect(page.locator('h1 rt')).toHaveText('ちょうねい');
    // A server that does not say: the readings are asked for, and their
    // absence is the same message.
    await page.route('**/data/articles/e2e-no-readings-2.json', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['x-reader-readings'];
      await route.fulfill({ response, headers });
    });
    const asked = page.waitForRequest((r) => r.url().endsWith('/data/articles/e2e-no-readings-2.readings.json'));
    await page.goto('/news/e2e-no-readings-2');
    await asked;
    await expect(page.getByRole('status').filter({ hasText: label('furigana_not_yet') })).toBeVisible();
  });

  test('furigana are offered for articles in Japanese only, whatever the region or case of their lang', async ({ page }) => {
    for (const [id, lang, offered] of [
      ['e2e-lang-none', undefined, true],
      ['e2e-lang-ja-jp', 'JA-jp', true],
      ['e2e-lang-zh', 'zh-CN', false],
      ['e2e-lang-en', 'en', false],
    ]) {
      const data = article(id, { title: `記事 ${id}` });
      if (lang === undefined) delete data.lang;
      else data.lang = lang;
      writeData(`articles/${id}.json`, data);
      await page.goto(`/news/${id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`記事 ${id}`);
      await expect(page.getByRole('button', { name: label('furigana') }), `${lang}`).toHaveCount(offered ? 1 : 0);
    }
  });

  test('broken readings say so', async ({ page }) => {
    writeData('articles/e2e-bad-readings.json', article('e2e-bad-readings'));
    writeData('articles/e2e-bad-readings.readings.json', { article: 'e2e-bad-readings', texts: [{ text: 'x', ruby: [[0, 5, 'え']] }] });
    await page.goto('/news/e2e-bad-readings');
    await page.getByRole('button', { name: label('furigana') }).click();
    await expect(page.getByRole('status').filter({ hasText: label('furigana_failed') })).toContainText(
      'articles/e2e-bad-readings.readings.json',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('テスト記事 e2e-bad-readings');
  });
});

test('a kiosk reset returns colours, furigana and reading aloud to their defaults', async ({ page }) => {
  await installSpeech(page);
  await page.clock.install();
  await page.goto('/news/595305?kiosk=1&idle=4');
  const { button } = themes(page);
  await button('theme_black').click();
  await expect(button('theme_black')).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: label('furigana') }).click();
  await expect(page.locator('ruby').first()).toBeVisible();
  await page.getByRole('button', { name: label('read_aloud'), exact: true }).click();
  await expect(page.locator('.sentence--reading')).toHaveCount(1);
  // Someone listening is there, though they touch nothing: no reset.
  await page.clock.runFor(4_600);
  await expect(page.locator('.sentence--reading')).toHaveCount(1);
  await expect(button('theme_black')).toHaveAttribute('aria-pressed', 'true');
  // Paused and left alone, the kiosk resets, and the reading stops.
  await page.getByRole('button', { name: label('read_aloud_pause'), exact: true }).click();
  const cancelsBefore = (await speechEvents(page)).filter((e) => e === 'cancel').length;
  await page.clock.runFor(4_600);
  await expect(button('theme_white')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('ruby')).toHaveCount(0);
  await expect(page.locator('.sentence--reading')).toHaveCount(0);
  const events = await speechEvents(page);
  expect(events.filter((e) => e === 'cancel').length).toBeGreaterThan(cancelsBefore);
  expect(events.at(-1)).toBe('cancel');
});
