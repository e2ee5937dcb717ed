// Small page objects: where a reader finds things on the map and on an
// article, by role and accessible name, in any interface language.
import { label } from './labels.js';
import { sampleData } from './site.js';

const cities = sampleData('cities.json');

/** A partner's name in `lang`, as the app picks it (the language, else ja, en). */
export function partnerName(id, lang = 'ja') {
  const partner = cities.partners.find((p) => p.id === id);
  if (!partner) throw new Error(`no sample partner ${id}`);
  return partner.names[lang] ?? partner.names.ja ?? partner.names.en;
}

export function mapPage(page, lang = 'ja') {
  const map = page.getByRole('group', { name: label('map_label', lang) });
  const table = page.getByRole('table', { name: label('partners_title', lang) });
  return {
    map,
    marker: (id) => map.getByRole('link', { name: partnerName(id, lang), exact: true }),
    // The one in view: while the app renders beside a published page, its
    // copy waits, hidden, until the two are swapped.
    canvas: page.locator('.partner-map__canvas').filter({ visible: true }),
    /** Home's star, for the eye only (no role): the one in view. */
    home: page.locator('.map-home').filter({ visible: true }),
    table,
    row: (id) =>
      table.getByRole('row').filter({ has: page.getByRole('link', { name: partnerName(id, lang), exact: true }) }),
    /** The partner's name in the table, a link that selects it. */
    tableLink: (id) => table.getByRole('link', { name: partnerName(id, lang), exact: true }),
    panel: (id) => page.getByRole('region', { name: partnerName(id, lang) }),
    /** The notice naming partner entries left off the map for errors in the data. */
    notice: page.getByRole('region', { name: label('notice_heading', lang) }),
    year: page.getByRole('slider', { name: label('timeline', lang) }),
    play: page.getByRole('button', { name: label('timeline_play', lang) }),
    zoomIn: map.getByRole('button', { name: label('zoom_in', lang) }),
    relation: page.getByRole('combobox', { name: label('filter_relation', lang) }),
  };
}

export function articlePage(page, lang = 'ja') {
  const sizes = page.getByRole('group', { name: label('font_size', lang) });
  return {
    title: page.getByRole('heading', { level: 1 }),
    sizes,
    size: (key) => sizes.getByRole('button', { name: label(key, lang), exact: true }),
    print: page.getByRole('button', { name: label('print', lang) }),
    close: page.getByRole('button', { name: label('close', lang) }),
    printView: page.getByRole('link', { name: label('print_view', lang) }),
    backToTop: page.getByRole('link', { name: label('back_to_top', lang) }),
    /** The header's link to the partner map. */
    mapLink: page.getByRole('link', { name: label('partners_link', lang) }),
    body: page.locator('.article-body'),
    /** The partners the article is about, each a link to the map. */
    partnersList: page.getByRole('region', { name: label('in_this_article', lang) }),
  };
}

/** An accessible name as text that may carry furigana: Chromium names a link
 *  over 「ソベルト<ruby>市<rt>し</rt></ruby>」 "ソベルト市" (the reading is hidden
 *  from assistive technology), Playwright's own computation "ソベルト 市". */
export function textName(text) {
  const escaped = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('\\s*')}$`);
}
