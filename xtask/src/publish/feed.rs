//! The column's newest articles as an Atom feed (RFC 4287), and the
//! sitemaps of every page: an index and files of at most 50,000 addresses.

use std::collections::HashMap;
use std::path::PathBuf;

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use reader_core::article::article_file;
use reader_core::column::COLUMN_FILE;
use reader_core::meta::attr;
use reader_core::pagination::Pages;
use reader_core::{Column, Id, IsoDate};

use super::outputs::{Planned, PlannedPage};
use super::site_data::{ArticleOutline, DescribedBy};
use super::xml_text::XmlTexts;
use super::SiteData;

/// How many articles the feed holds: the newest.
pub const FEED_ENTRIES: usize = 50;

/// How many addresses one sitemap file may list (sitemaps.org's limit).
pub const SITEMAP_LIMIT: usize = 50_000;

/// A text for the feed and where it comes from (`cities.json: home.names.ja`).
pub struct Sourced {
    pub text: String,
    pub place: String,
}

/// Midnight in Shanghai on `date` (the first of the month when only the
/// month is known): Atom wants a time, the data has days.
fn moment(date: IsoDate) -> FixedDateTime {
    let text = format!(
        "{:04}-{:02}-{:02}T00:00:00+08:00",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1)
    );
    text.parse().unwrap_or_default()
}

/// `feed.xml`: the column's [`FEED_ENTRIES`] newest articles, newest
/// first (the column's order among articles of one day), each with its link, date and summary (the
/// column's, else the start of its first paragraph, as the page's
/// description). Texts go in as XML allows them; `notes` says what was
/// taken out of which.
pub fn atom(data: &SiteData, origin: &str, publisher: &Sourced, notes: &mut Vec<String>) -> String {
    let mut texts = XmlTexts::new("feed.xml", notes);
    let mut column: Vec<_> = data.column.articles.iter().collect();
    column.sort_by_key(|entry| std::cmp::Reverse(entry.published));
    let by_id: HashMap<&Id, &ArticleOutline> =
        data.articles.iter().map(|a| (&a.id, &**a)).collect();
    let entries: Vec<Entry> = column
        .into_iter()
        .take(FEED_ENTRIES)
        .map(|entry| {
            let i = entry.index;
            let article = by_id.get(&entry.id).copied();
            let summary = match article {
                Some(article) => Some(Sourced {
                    text: article.description.clone(),
                    place: description_place(article, i),
                }),
                None => entry.summary.clone().map(|text| Sourced {
                    text,
                    place: format!("{COLUMN_FILE}: articles[{i}].summary"),
                }),
            };
            let url = format!("{origin}/news/{}", entry.id);
            let mut e = Entry::default();
            e.set_id(url.clone());
            let title = texts.text(&entry.title, || {
                format!("{COLUMN_FILE}: articles[{i}].title")
            });
            e.set_title(Text::plain(title));
            e.set_updated(moment(entry.published));
            e.set_published(Some(moment(entry.published)));
            let mut link = Link::default();
            link.set_href(url);
            link.set_rel("alternate");
            link.set_mime_type(Some("text/html".to_owned()));
            e.set_links(vec![link]);
            e.set_summary(summary.map(|s| Text::plain(texts.text(&s.text, || s.place))));
            e
        })
        .collect();
    let updated = data
        .column
        .articles
        .iter()
        .map(|e| e.published)
        .max()
        .map(moment)
        .unwrap_or_default();
    let mut feed = Feed::default();
    feed.set_id(format!("{origin}/"));
    let title = texts.text(&data.column.about.title, || {
        format!("{COLUMN_FILE}: column.title")
    });
    feed.set_title(Text::plain(title));
    feed.set_updated(updated);
    feed.set_lang(Some("ja".to_owned()));
    let mut author = Person::default();
    author.set_name(texts.text(&publisher.text, || publisher.place.clone()));
    feed.set_authors(vec![author]);
    let mut this = Link::default();
    this.set_href(format!("{origin}/feed.xml"));
    this.set_rel("self");
    this.set_mime_type(Some("application/atom+xml".to_owned()));
    let mut site = Link::default();
    site.set_href(format!("{origin}/"));
    site.set_rel("alternate");
    site.set_mime_type(Some("text/html".to_owned()));
    feed.set_links(vec![this, site]);
    feed.set_entries(entries);
    feed.to_string()
}

/// Where an article's description comes from, as `describe_article`
/// chose it: the column's summary, else its first paragraph, else its title.
fn description_place(article: &ArticleOutline, index: usize) -> String {
    let file = article_file(&article.id);
    match article.described_by {
        DescribedBy::Summary => format!("{COLUMN_FILE}: articles[{index}].summary"),
        DescribedBy::FirstParagraph => format!("{file}: its first paragraph"),
        DescribedBy::Title => format!("{file}: title"),
    }
}

/// One address of a sitemap, with the day its content last changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub loc: String,
    pub lastmod: Option<IsoDate>,
}

/// The sitemaps of every published page (the default language's address,
/// print views and the search page left out): `sitemap.xml`, an index of `sitemap-1.xml`, …,
/// each of at most [`SITEMAP_LIMIT`] addresses. An article's `lastmod` is
/// its date, a column page's the newest date it lists; the map's pages
/// have none.
pub fn sitemaps<'a>(
    pages: impl IntoIterator<Item = &'a PlannedPage>,
    column: &Column,
    origin: &str,
    notes: &mut Vec<String>,
) -> Vec<(PathBuf, String)> {
    let mut texts = XmlTexts::new("sitemap.xml", notes);
    let located: Vec<Located> = pages
        .into_iter()
        .filter(|page| {
            !matches!(
                page.page,
                Planned::Article { print: true, .. } | Planned::Search
            )
        })
        .map(|PlannedPage { href: path, page }| Located {
            loc: texts.text(&format!("{origin}{path}"), || {
                format!("the address of {path}")
            }),
            lastmod: last_changed(page, column),
        })
        .collect();
    split_sitemaps(&located, origin, SITEMAP_LIMIT)
}

/// The day a page's content last changed, as far as the data says.
fn last_changed(page: &Planned, column: &Column) -> Option<IsoDate> {
    match page {
        Planned::Column { page } => {
            let shown = Pages::column(column.articles.len()).items_on(*page)?;
            column.articles[shown].iter().map(|e| e.published).max()
        }
        _ => page.published(),
    }
}

/// The sitemap index and its files for `located`, `limit` addresses a file
/// (at least one file, so the index is never empty).
pub fn split_sitemaps(located: &[Located], origin: &str, limit: usize) -> Vec<(PathBuf, String)> {
    let chunks: Vec<&[Located]> = if located.is_empty() {
        vec![&[]]
    } else {
        located.chunks(limit.max(1)).collect()
    };
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut files = Vec::with_capacity(chunks.len() + 1);
    for (i, chunk) in chunks.iter().enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        index.push_str(&format!("  <sitemap><loc>{}/{name}</loc>", attr(origin)));
        push_lastmod(&mut index, chunk.iter().filter_map(|l| l.lastmod).max());
        index.push_str("</sitemap>\n");
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for url in *chunk {
            out.push_str(&format!("  <url><loc>{}</loc>", attr(&url.loc)));
            push_lastmod(&mut out, url.lastmod);
            out.push_str("</url>\n");
        }
        out.push_str("</urlset>\n");
        files.push((PathBuf::from(name), out));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, (PathBuf::from("sitemap.xml"), index));
    files
}

fn push_lastmod(out: &mut String, date: Option<IsoDate>) {
    if let Some(date) = date {
        out.push_str(&format!("<lastmod>{date}</lastmod>"));
    }
}

#[cfg(test)]
mod tests;
