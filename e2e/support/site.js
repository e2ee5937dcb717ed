// Test data: written by the tests into the site nginx serves, so the app
// meets real files, real 404s and real headers. Each test uses its own ids.
import { expect } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const siteRoot = process.env.E2E_SITE_ROOT;
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes `/data/{path}` (a string or bytes as they are, anything else as JSON). */
export function writeData(path, content) {
  const file = join(siteRoot, 'data', path);
  mkdirSync(dirname(file), { recursive: true });
  const raw = typeof content === 'string' || Buffer.isBuffer(content);
  writeFileSync(file, raw ? content : JSON.stringify(content, null, 2));
}

/** Where `/data/{path}` is on disk in the served site. */
export function dataPath(path) {
  return join(siteRoot, 'data', path);
}

/** Deletes `/data/{path}` from the served site, as a newsroom pulling a file would. */
export function deleteData(path) {
  rmSync(join(siteRoot, 'data', path), { force: true });
}

/** Waits until the server answers `/data/{path}` with `status`: at once
 *  from nginx, which reads the folder as it is; once its copy of the
 *  folder is reloaded from the edge's runtime, where a changed folder is a
 *  new deploy (`cargo xtask e2e --edge`). */
export async function dataServedAs(request, path, status) {
  await expect.poll(async () => (await request.get(`/data/${path}`)).status(), { message: `/data/${path}` }).toBe(status);
}

/** Writes `/{path}` at the site's root, next to the build's own assets. */
export function writeSiteFile(path, content) {
  const file = join(siteRoot, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** A file of the sample data in public/data, parsed. */
export function sampleData(path) {
  return JSON.parse(readFileSync(join(repoRoot, 'public', 'data', path), 'utf8'));
}

/** The interface-language rule's table (core/src/language/): an
 *  Accept-Language value and the language the reader gets with it. */
export function languageRuleTable() {
  return JSON.parse(readFileSync(join(repoRoot, 'core', 'src', 'language', 'accept_language.json'), 'utf8'));
}

/** A valid article following the data contract, with `overrides` applied. */
export function article(id, overrides = {}) {
  return {
    id,
    lang: 'ja',
    title: `テスト記事 ${id}`,
    published: '2024-02-29',
    views: null,
    breadcrumbs: ['テスト', 'テスト欄'],
    blocks: [
      { kind: 'paragraph', text: `${id} の第一段落。` },
      { kind: 'heading', text: `${id} の見出し` },
      { kind: 'paragraph', text: `${id} の第二段落。` },
    ],
    partners: [],
    ...overrides,
  };
}

/** The computed font size of an element, in CSS px. */
export function fontSize(locator) {
  return locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}
