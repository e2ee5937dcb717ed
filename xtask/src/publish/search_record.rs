//! What the site search is given for one article: a small HTML document
//! that Pagefind reads (`search_index.rs`), made from the data, not from the
//! published page (whose header, breadcrumbs and footer would be found by
//! every query).
//!
//! Besides the article's title and text, the record carries what none of
//! them says but a reader types: the names of the partner cities it is
//! about in every language the data gives, with their aliases (so Hirakata,
//! 枚方市 and 枚方 find the same article from any interface), and the readings
//! in kana that publish found for its words (so ひらかた finds 枚方). Those
//! are a section of their own ([`ALSO_ANCHOR`]), weighted below the text,
//! whose excerpt the app never shows: a result's excerpt comes from the
//! text section ([`TEXT_ANCHOR`]) or, when only the names matched, the
//! article's lead ([`LEAD_META`]).

use std::collections::BTreeSet;

use reader_core::cities::Partner;
use reader_core::meta::attr;
use reader_core::route::AppRoute;
use reader_core::{Article, Block};

/// The id of the section holding the article's text; the app takes a
/// result's excerpt from the sub-result of this anchor.
pub const TEXT_ANCHOR: &str = "text";
/// The id of the section holding partner names and readings.
pub const ALSO_ANCHOR: &str = "also";
/// The meta field holding the article's first words, shown when the text
/// itself has no excerpt for a query (it matched a name or a reading).
pub const LEAD_META: &str = "lead";
/// How many characters of the first paragraph the lead keeps.
pub const LEAD_CHARS: usize = 100;
/// The filter of a result by the year it was published.
pub const YEAR_FILTER: &str = "year";
/// The filter of a result by a partner city it is about (the partner's id).
pub const PARTNER_FILTER: &str = "partner";
/// How much a match in the names and readings counts beside one in the text.
const ALSO_WEIGHT: &str = "0.5";

/// One article as the search index is given it.
pub struct SearchSource<'a> {
    pub article: &'a Article,
    /// The partner cities the article is about: those its data names and
    /// those its text names (`reader_core::linking::partners_named`).
    pub partners: Vec<&'a Partner>,
    /// The readings in kana publish found for its words, in text order.
    pub readings: Vec<String>,
}

impl SearchSource<'_> {
    /// The address of the article, as the app links it.
    pub fn url(&self) -> String {
        AppRoute::Article(self.article.id.clone()).href()
    }

    /// The record as HTML for Pagefind: meta and filters in the head, the
    /// title, the text section and the names-and-readings section.
    pub fn html(&self, lang: &str) -> String {
        let article = self.article;
        let date = article.published.to_string();
        let mut head = String::new();
        head.push_str(&meta_tag("data-pagefind-meta", "title", &article.title));
        head.push_str(&meta_tag("data-pagefind-meta", "date", &date));
        head.push_str(&meta_tag("data-pagefind-meta", LEAD_META, &lead(article)));
        head.push_str(&meta_tag("data-pagefind-sort", "date", &date));
        head.push_str(&meta_tag(
            "data-pagefind-filter",
            YEAR_FILTER,
            &article.published.year.to_string(),
        ));
        for partner in &self.partners {
            head.push_str(&meta_tag(
                "data-pagefind-filter",
                PARTNER_FILTER,
                partner.id.as_str(),
            ));
        }
        let mut text = String::new();
        for block in &article.blocks {
            match block {
                Block::Paragraph { text: t } => push_element(&mut text, "p", t),
                Block::Heading { text: t } => push_element(&mut text, "h2", t),
                Block::Image { alt, caption, .. } => {
                    for t in std::iter::once(alt).chain(caption) {
                        push_element(&mut text, "p", t);
                    }
                }
                Block::Notice(_) => {}
            }
        }
        let also = self.also();
        let also = if also.is_empty() {
            String::new()
        } else {
            format!(
                r#"<div id="{ALSO_ANCHOR}" data-pagefind-title="{ALSO_ANCHOR}" data-pagefind-weight="{ALSO_WEIGHT}">{also}</div>"#
            )
        };
        format!(
            r#"<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title>{head}</head><body><h1>{title}</h1><div id="{TEXT_ANCHOR}" data-pagefind-title="{TEXT_ANCHOR}">{text}</div>{also}</body></html>"#,
            lang = attr(lang),
            title = attr(&article.title),
        )
    }

    /// The names of its partners in every language, their aliases, and
    /// its readings: each once, in the order first met.
    fn also(&self) -> String {
        let mut seen = BTreeSet::new();
        let mut out = String::new();
        let names = self
            .partners
            .iter()
            .flat_map(|p| p.names.all().chain(p.aliases.iter().map(String::as_str)));
        for word in names.chain(self.readings.iter().map(String::as_str)) {
            let word = word.trim();
            if !word.is_empty() && seen.insert(word) {
                push_element(&mut out, "p", word);
            }
        }
        out
    }
}

/// The article's first words: its first paragraph (else its first heading)
/// with its white space as single spaces, cut at [`LEAD_CHARS`].
pub fn lead(article: &Article) -> String {
    let first = |paragraph: bool| {
        article.blocks.iter().find_map(|b| match b {
            Block::Paragraph { text } if paragraph => Some(text),
            Block::Heading { text } if !paragraph => Some(text),
            _ => None,
        })
    };
    let Some(text) = first(true).or_else(|| first(false)) else {
        return String::new();
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = words.join(" ");
    if text.chars().count() <= LEAD_CHARS {
        return text;
    }
    let cut: String = text.chars().take(LEAD_CHARS).collect();
    format!("{}…", cut.trim_end())
}

fn meta_tag(attribute: &str, key: &str, value: &str) -> String {
    format!(
        r#"<meta {attribute}="{key}[content]" content="{}">"#,
        attr(value)
    )
}

fn push_element(out: &mut String, tag: &str, text: &str) {
    out.push_str(&format!("<{tag}>{}</{tag}>", attr(text)));
}

#[cfg(test)]
#[path = "search_record_tests.rs"]
mod tests;
