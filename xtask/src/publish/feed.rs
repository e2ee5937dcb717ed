//! The column as an Atom feed (RFC 4287), and the sitemap of every page.

use std::collections::HashMap;

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use reader_core::article::article_file;
use reader_core::column::COLUMN_FILE;
use reader_core::meta::{attr, describe_article};
use reader_core::{Article, Block, Id, IsoDate};

use super::xml_text::XmlTexts;
use super::SiteData;
use changning_reader::prerender::Page;

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

/// `feed.xml`: the column's articles, newest first (the column's order
/// among articles of one day), each with its link, date and summary (the
/// column's, else the start of its first paragraph, as the page's
/// description). Texts go in as XML allows them; `notes` says what was
/// taken out of which.
pub fn atom(data: &SiteData, origin: &str, publisher: &Sourced, notes: &mut Vec<String>) -> String {
    let mut texts = XmlTexts::new("feed.xml", notes);
    let mut column: Vec<_> = data.column.articles.iter().collect();
    column.sort_by_key(|entry| std::cmp::Reverse(entry.published));
    let by_id: HashMap<&Id, &Article> = data.articles.iter().map(|(a, _)| (&a.id, &**a)).collect();
    let entries: Vec<Entry> = column
        .into_iter()
        .map(|entry| {
            let i = entry.index;
            let article = by_id.get(&entry.id).copied();
            let summary = match article {
                Some(article) => Some(Sourced {
                    text: describe_article(article, entry.summary.as_deref()),
                    place: description_place(article, entry.summary.as_deref(), i),
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
/// chooses it: the column's summary, else its first paragraph, else its title.
fn description_place(article: &Article, summary: Option<&str>, index: usize) -> String {
    if summary.is_some_and(|s| !s.trim().is_empty()) {
        return format!("{COLUMN_FILE}: articles[{index}].summary");
    }
    let file = article_file(&article.id);
    let first = article
        .blocks
        .iter()
        .any(|block| matches!(block, Block::Paragraph { .. }));
    if first {
        format!("{file}: its first paragraph")
    } else {
        format!("{file}: title")
    }
}

/// `sitemap.xml`: every published page (the default language's address),
/// with the date of each article.
pub fn sitemap<'a>(
    pages: impl IntoIterator<Item = &'a (String, Page, Option<String>)>,
    origin: &str,
    notes: &mut Vec<String>,
) -> String {
    let mut texts = XmlTexts::new("sitemap.xml", notes);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, page, _) in pages {
        if matches!(page, Page::Article { print: true, .. }) {
            continue;
        }
        let address = texts.text(&format!("{origin}{path}"), || {
            format!("the address of {path}")
        });
        out.push_str(&format!("  <url><loc>{}</loc>", attr(&address)));
        if let Page::Article { article, .. } = page {
            out.push_str(&format!("<lastmod>{}</lastmod>", article.published));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}
