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

/** The interface text `key` in `lang`, with `{{ name }}` filled from `values`. */
export function label(key, lang = 'ja', values = {}) {
  const text = locales[lang]?.[key];
  if (text === undefined) throw new Error(`no interface text ${key} in ${lang}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? ''));
}
