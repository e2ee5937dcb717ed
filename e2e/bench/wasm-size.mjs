// Where the wasm's bytes go (run by `cargo xtask size`): twiggy's list of
// every function and data segment of the module as wasm-bindgen leaves it
// (before wasm-opt), summed by crate and by feature, printed as Markdown.
// Custom sections (names, producers) are left out: they never ship.
//
// A function counts for the crate its name starts with; for a trait method
// on a generic type (`<T as tachys::…>::…`), the trait's crate. A feature is
// found by the module paths in the name, the app's features first. Rust's
// symbol names carry no generic arguments, so framework code instantiated
// for the map's views counts as framework: the app's features are lower
// bounds of what leaving them out of a download would save.
import { readFileSync } from 'node:fs';

const [csvPath] = process.argv.slice(2);
if (!csvPath) throw new Error('usage: node bench/wasm-size.mjs TWIGGY_TOP.csv');

/** twiggy's CSV: Name,ShallowSize,… with names quoted when they hold commas. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    let name;
    let rest;
    if (line.startsWith('"')) {
      let i = 1;
      name = '';
      for (; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          name += '"';
          i++;
        } else if (line[i] === '"') break;
        else name += line[i];
      }
      rest = line.slice(i + 2);
    } else {
      const comma = line.indexOf(',');
      name = line.slice(0, comma);
      rest = line.slice(comma + 1);
    }
    rows.push({ name, size: Number(rest.split(',')[0]) });
  }
  return rows;
}

const CRATE = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/;

function crateOf(name) {
  if (name.startsWith('data segment')) return 'data segments (strings, tables)';
  if (/^(elem|type|table|global|import|export|code)\b/.test(name)) return 'wasm tables, imports, exports';
  const bare = name.replace(/^<+(?:&mut |&|dyn )?/, '');
  const own = CRATE.exec(bare);
  if (own) return own[1];
  const trait = / as ([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  if (trait) return trait[1];
  return 'core (primitive types)';
}

const CORE = '(?:\\[[0-9a-f]+\\])?::';
const FEATURES = [
  ['map', new RegExp(`changning_reader${CORE}map::|reader_core${CORE}(?:map|world|cities|partners)::`)],
  ['print and QR code', new RegExp(`changning_reader${CORE}print::|qrcode|reader_core${CORE}print::`)],
  ['kiosk', new RegExp(`changning_reader${CORE}kiosk|reader_core${CORE}kiosk::`)],
  [
    'reading aids',
    new RegExp(
      `changning_reader${CORE}(?:reading_aids|pages::furigana|article::(?:read_aloud|furigana|colour_theme|inline_text))|reader_core${CORE}(?:reading|colour_theme)::`,
    ),
  ],
  ['interface languages (leptos_i18n, ICU)', /leptos_i18n|icu_|changning_reader(?:\[[0-9a-f]+\])?::i18n|tinystr|zerovec|writeable|litemap|yoke|zerotrie/],
  ['data decoding (serde, path-naming errors)', /serde|reader_core(?:\[[0-9a-f]+\])?::(?:json|article|column|error|load)::/],
  ['the rest of the app (article, column, shell, pages)', /changning_reader|reader_core/],
  ['framework (Leptos, reactive_graph, tachys, router, leptos-use)', /reactive_graph|tachys|leptos|any_spawner|throw_error|or_poisoned|hydration_context|slotmap|send_wrapper|futures|async_lock|event_listener/],
  ['browser bindings (web-sys, js-sys, wasm-bindgen, gloo)', /web_sys|js_sys|wasm_bindgen|gloo/],
  ['Rust standard library (fmt, alloc, str, floats, allocator)', /core|alloc|std|dlmalloc|compiler_builtins|hashbrown|__rustc|<char>|<str>|<f64>|<f32>|<u\d+>|<i\d+>|<usize>|<bool>/],
];

const rows = parseCsv(readFileSync(csvPath, 'utf8')).filter(
  (r) => !r.name.startsWith('custom section') && !r.name.includes('subsection'),
);
const total = rows.reduce((sum, r) => sum + r.size, 0);
const byCrate = new Map();
const byFeature = new Map();
const add = (map, key, size) => map.set(key, (map.get(key) ?? 0) + size);
for (const { name, size } of rows) {
  add(byCrate, crateOf(name), size);
  const feature = FEATURES.find(([, pattern]) => pattern.test(name));
  add(byFeature, feature ? feature[0] : 'unattributed (data segments, tables)', size);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const share = (n) => `${((100 * n) / total).toFixed(1)} %`;
const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);

console.log(`Code and data of the module before wasm-opt: ${kib(total)} (${rows.length} items).`);
console.log();
console.log('| crate | size | share |');
console.log('|---|---|---|');
const crates = sorted(byCrate);
const SHOWN = 15;
for (const [crate, size] of crates.slice(0, SHOWN)) console.log(`| ${crate} | ${kib(size)} | ${share(size)} |`);
const others = crates.slice(SHOWN).reduce((sum, [, size]) => sum + size, 0);
console.log(`| ${crates.length - SHOWN} other crates | ${kib(others)} | ${share(others)} |`);
console.log();
console.log('| feature | size | share |');
console.log('|---|---|---|');
for (const [feature, size] of sorted(byFeature)) console.log(`| ${feature} | ${kib(size)} | ${share(size)} |`);
