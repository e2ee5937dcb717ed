//! What a published page says about itself in its `<head>`: its title, a
//! description, its canonical address and the other languages, Open Graph
//! and Twitter card tags for link previews, and JSON-LD for search engines.
//! Pure text: `cargo xtask publish` puts it into the app's `index.html`.

use serde_json::json;

use crate::article::{Article, Block};
use crate::date::IsoDate;

/// The interface languages a page is published in, the first the default.
pub const LANGUAGES: [&str; 3] = ["ja", "zh", "en"];

/// How long a description may be, in characters.
const DESCRIPTION_CHARS: usize = 120;

/// A page's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    /// The document title.
    pub title: String,
    pub description: String,
    /// The site's public origin, without a trailing slash.
    pub origin: String,
    /// The page's path (`/news/595305`).
    pub path: String,
    /// The interface language of this copy of the page.
    pub lang: String,
    /// The site's name (the column's title).
    pub site_name: String,
    /// Who publishes the site (the district).
    pub publisher: String,
    pub kind: PageKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PageKind {
    /// An article: a `NewsArticle` in JSON-LD, `og:type` article.
    Article {
        headline: String,
        published: IsoDate,
        /// The language the article is written in.
        article_lang: String,
    },
    /// Any other page: `og:type` website.
    Website,
}

impl PageMeta {
    /// The address of this page in `lang`: the default language's copy at
    /// the plain path, the others with `?lang=`.
    pub fn url_in(&self, lang: &str) -> String {
        if lang == LANGUAGES[0] {
            format!("{}{}", self.origin, self.path)
        } else {
            format!("{}{}?lang={lang}", self.origin, self.path)
        }
    }

    /// This copy's own address.
    pub fn canonical(&self) -> String {
        self.url_in(&self.lang)
    }

    /// The tags for `<head>`, escaped; the `<title>` is set separately.
    pub fn head_tags(&self) -> String {
        let mut out = String::new();
        let mut tag = |line: String| {
            out.push_str("    ");
            out.push_str(&line);
            out.push('\n');
        };
        let canonical = self.canonical();
        tag(meta_name("description", &self.description));
        tag(format!(
            r#"<link rel="canonical" href="{}">"#,
            attr(&canonical)
        ));
        for lang in LANGUAGES {
            tag(format!(
                r#"<link rel="alternate" hreflang="{lang}" href="{}">"#,
                attr(&self.url_in(lang))
            ));
        }
        tag(format!(
            r#"<link rel="alternate" hreflang="x-default" href="{}">"#,
            attr(&self.url_in(LANGUAGES[0]))
        ));
        tag(format!(
            r#"<link rel="alternate" type="application/atom+xml" title="{}" href="{}/feed.xml">"#,
            attr(&self.site_name),
            attr(&self.origin)
        ));
        let og_type = match self.kind {
            PageKind::Article { .. } => "article",
            PageKind::Website => "website",
        };
        tag(meta_property("og:type", og_type));
        tag(meta_property("og:title", &self.title));
        tag(meta_property("og:description", &self.description));
        tag(meta_property("og:url", &canonical));
        tag(meta_property("og:site_name", &self.site_name));
        // What a preview shows is in the article's language (its title and
        // opening, Japanese whichever copy); the other pages' text is the
        // copy's own, and they exist in the other languages too.
        match &self.kind {
            PageKind::Article { article_lang, .. } => {
                tag(meta_property("og:locale", og_locale(article_lang)));
            }
            PageKind::Website => {
                tag(meta_property("og:locale", og_locale(&self.lang)));
                for lang in LANGUAGES.iter().filter(|l| **l != self.lang) {
                    tag(meta_property("og:locale:alternate", og_locale(lang)));
                }
            }
        }
        if let PageKind::Article { published, .. } = &self.kind {
            tag(meta_property(
                "article:published_time",
                &published.to_string(),
            ));
        }
        tag(meta_name("twitter:card", "summary"));
        tag(meta_name("twitter:title", &self.title));
        tag(meta_name("twitter:description", &self.description));
        if let Some(json_ld) = self.json_ld() {
            tag(format!(
                r#"<script type="application/ld+json">{json_ld}</script>"#
            ));
        }
        out
    }

    /// JSON-LD for an article, safe inside `<script>`: a `NewsArticle`.
    pub fn json_ld(&self) -> Option<String> {
        let PageKind::Article {
            headline,
            published,
            article_lang,
        } = &self.kind
        else {
            return None;
        };
        let value = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": headline,
            "description": self.description,
            "datePublished": published.to_string(),
            "inLanguage": article_lang,
            "url": self.canonical(),
            "mainEntityOfPage": { "@type": "WebPage", "@id": self.canonical() },
            "isPartOf": { "@type": "WebSite", "name": self.site_name, "url": format!("{}/", self.origin) },
            "publisher": { "@type": "GovernmentOrganization", "name": self.publisher },
        });
        // `<` never appears raw, so no text can close the script element.
        Some(value.to_string().replace('<', "\\u003c"))
    }
}

/// A description of an article: its summary from the column, else the
/// start of its first paragraph, cut at a sentence or at the length limit.
pub fn describe_article(article: &Article, summary: Option<&str>) -> String {
    if let Some(summary) = summary.map(str::trim).filter(|s| !s.is_empty()) {
        return shorten(summary);
    }
    let first = article.blocks.iter().find_map(|block| match block {
        Block::Paragraph { text } => Some(text.as_str()),
        _ => None,
    });
    shorten(first.unwrap_or(&article.title))
}

/// Whitespace collapsed, and at most [`DESCRIPTION_CHARS`] characters:
/// up to the last sentence end that fits, else cut with "…".
pub fn shorten(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text;
    }
    let head: String = text.chars().take(DESCRIPTION_CHARS).collect();
    match head.rfind(['。', '！', '？', '.', '!', '?']) {
        Some(end) if end > head.len() / 2 => {
            let end = end + head[end..].chars().next().map_or(0, char::len_utf8);
            head[..end].to_owned()
        }
        _ => {
            let cut: String = head.chars().take(DESCRIPTION_CHARS - 1).collect();
            format!("{cut}…")
        }
    }
}

/// Text for an HTML attribute value in double quotes (or element text).
pub fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn meta_name(name: &str, content: &str) -> String {
    format!(r#"<meta name="{name}" content="{}">"#, attr(content))
}

fn meta_property(property: &str, content: &str) -> String {
    format!(
        r#"<meta property="{property}" content="{}">"#,
        attr(content)
    )
}

fn og_locale(lang: &str) -> &'static str {
    match lang {
        "zh" => "zh_CN",
        "en" => "en_US",
        _ => "ja_JP",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::Id;

    fn article(blocks: Vec<Block>) -> Article {
        Article {
            id: Id::parse("1").unwrap(),
            lang: Some("ja".into()),
            title: "題".into(),
            published: IsoDate::parse("2021-10-14").unwrap(),
            views: None,
            breadcrumbs: vec![],
            blocks,
            partners: vec![],
            notices: vec![],
        }
    }

    fn meta(kind: PageKind) -> PageMeta {
        PageMeta {
            title: "長寧の\"努力\" <b>".into(),
            description: "説明".into(),
            origin: "https://news.example".into(),
            path: "/news/1".into(),
            lang: "ja".into(),
            site_name: "長寧ニューズ".into(),
            publisher: "上海市長寧区".into(),
            kind,
        }
    }

    #[test]
    fn the_description_is_the_summary_else_the_first_paragraph() {
        let a = article(vec![
            Block::Heading {
                text: "見出し".into(),
            },
            Block::Paragraph {
                text: "最初の段落。\n 二文目。".into(),
            },
        ]);
        assert_eq!(describe_article(&a, Some("要約")), "要約");
        assert_eq!(describe_article(&a, Some("  ")), "最初の段落。 二文目。");
        assert_eq!(describe_article(&article(vec![]), None), "題");
    }

    #[test]
    fn long_descriptions_end_at_a_sentence_or_with_an_ellipsis() {
        let sentences = "長寧区は交流を続けている。".repeat(20);
        let d = shorten(&sentences);
        assert!(
            d.ends_with('。') && d.chars().count() <= DESCRIPTION_CHARS,
            "{d}"
        );
        let run_on = "あ".repeat(300);
        let d = shorten(&run_on);
        assert_eq!(d.chars().count(), DESCRIPTION_CHARS);
        assert!(d.ends_with('…'));
    }

    #[test]
    fn head_tags_are_escaped_and_complete() {
        let published = IsoDate::parse("2021-10-14").unwrap();
        let m = meta(PageKind::Article {
            headline: "長寧の\"努力\" <b>".into(),
            published,
            article_lang: "ja".into(),
        });
        let tags = m.head_tags();
        for needle in [
            r#"<meta name="description" content="説明">"#,
            r#"<link rel="canonical" href="https://news.example/news/1">"#,
            r#"hreflang="en" href="https://news.example/news/1?lang=en""#,
            r#"<meta property="og:type" content="article">"#,
            r#"<meta property="og:title" content="長寧の&quot;努力&quot; &lt;b&gt;">"#,
            r#"<meta property="og:locale" content="ja_JP">"#,
            r#"<meta property="og:site_name" content="長寧ニューズ">"#,
            r#"<meta property="article:published_time" content="2021-10-14">"#,
            r#"<meta name="twitter:card" content="summary">"#,
            r#"<meta name="twitter:title" content="長寧の&quot;努力&quot; &lt;b&gt;">"#,
            r#"<meta name="twitter:description" content="説明">"#,
            r#"<meta property="og:description" content="説明">"#,
            r#"<meta property="og:url" content="https://news.example/news/1">"#,
            r#"type="application/atom+xml""#,
        ] {
            assert!(tags.contains(needle), "{needle}\n{tags}");
        }
        assert!(!tags.contains("<b>"));
    }

    #[test]
    fn an_article_previews_in_its_own_language_in_every_copy() {
        for lang in ["ja", "zh", "en"] {
            let mut m = meta(PageKind::Article {
                headline: "見出し".into(),
                published: IsoDate::parse("2021-10-14").unwrap(),
                article_lang: "ja".into(),
            });
            m.lang = lang.into();
            let tags = m.head_tags();
            assert!(
                tags.contains(r#"<meta property="og:locale" content="ja_JP">"#),
                "{lang}: {tags}"
            );
            assert!(!tags.contains("og:locale:alternate"), "{lang}");
        }
    }

    #[test]
    fn json_ld_is_a_news_article_that_cannot_close_its_script() {
        let m = meta(PageKind::Article {
            headline: "</script><script>alert(1)</script>".into(),
            published: IsoDate::parse("2021-10-14").unwrap(),
            article_lang: "ja".into(),
        });
        let ld = m.json_ld().unwrap();
        assert!(!ld.contains('<'), "{ld}");
        let value: serde_json::Value = serde_json::from_str(&ld).unwrap();
        assert_eq!(value["@type"], "NewsArticle");
        assert_eq!(value["headline"], "</script><script>alert(1)</script>");
        assert_eq!(value["datePublished"], "2021-10-14");
        assert_eq!(value["inLanguage"], "ja");
        assert_eq!(value["publisher"]["name"], "上海市長寧区");
        assert_eq!(
            value["mainEntityOfPage"]["@id"],
            "https://news.example/news/1"
        );
        assert_eq!(meta(PageKind::Website).json_ld(), None);
    }

    #[test]
    fn each_language_copy_is_its_own_canonical() {
        let mut m = meta(PageKind::Website);
        m.lang = "zh".into();
        assert_eq!(m.canonical(), "https://news.example/news/1?lang=zh");
        assert!(m
            .head_tags()
            .contains(r#"<meta property="og:locale" content="zh_CN">"#));
    }
}
