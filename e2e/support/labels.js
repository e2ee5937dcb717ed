// Interface labels as the app says them: read from locales/*.json, the
// app's own strings, so that tests find controls by their accessible names
// without repeating today's words.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const locales = Object.fromEntries(
  ['ja', 'zh', 'en'].map((lang) => [lang, JSON.parse(readFileSync(join(root, 'locales', `${lang}.json`), 'utf8'))]),
);

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function template(key, lang) {
  const text = locales[lang]?.[key];
  if (text === undefined) throw new Error(`no interface text ${key} in ${lang}`);
  return text;
}

/** The interface text `key` in `lang`, with `{{ name }}` filled from `values`. */
export function label(key, lang = 'ja', values = {}) {
  return template(key, lang).replace(PLACEHOLDER, (_, name) => String(values[name] ?? ''));
}

/** The fixed parts of the interface text `key` in `lang`: the text before,
 *  between and after its `{{ name }}` placeholders, for a text whose values vary. */
export function labelParts(key, lang = 'ja') {
  return template(key, lang).split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
}

/** A RegExp that finds `text` anywhere, as it is (its special characters escaped). */
export function containing(text) {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
