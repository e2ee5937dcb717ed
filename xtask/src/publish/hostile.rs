//! Hostile publish inputs, generated: columns that list ids twice (in
//! another case too) among odd titles, readings dictionaries of repeated
//! and twice-given words, texts of any character for the feed, and origin
//! strings of every kind. `cargo xtask fuzz` runs them (and only them, by
//! the name `hostile`) with HOSTILE_SCALE=10 for ten times as many cases.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use proptest::prelude::*;
use reader_core::column::{ColumnAbout, ColumnEntry};
use reader_core::{Article, Block, Column, Id, IsoDate};
use serde_json::json;

use super::feed::{self, Sourced};
use super::origin::check_origin;
use super::outputs::{Planned, PlannedPage};
use super::site_data::{ArticleOutline, SiteData};
use super::xml_text::xml_allows;

/// `cases(base)`: `base` cases, times `HOSTILE_SCALE`, as core's own.
#[path = "../../../core/tests/common/mod.rs"]
pub(super) mod common;

use common::cases;

/// Any text, weighted toward what XML and MeCab trip over: control
/// characters, Word's line break, U+FFFE/U+FFFF, noncharacters, the code
/// points beside the surrogates, markup.
fn odd_text() -> impl Strategy<Value = String> {
    let odd = prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec![
            '\u{0}', '\u{1}', '\u{8}', '\u{B}', '\u{C}', '\u{1F}', '\u{7F}', '\u{85}', '\r', '\n',
            '\t', '\u{D7FF}', '\u{E000}', '\u{FDD0}', '\u{FFFD}', '\u{FFFE}', '\u{FFFF}',
            '\u{1FFFE}', '\u{10FFFF}', '<', '&', ']', '>', '"', '長', ' ',
        ]),
    ];
    prop::collection::vec(odd, 0..24).prop_map(|chars| chars.into_iter().collect())
}

/// A site in a fresh directory with `files` (path below the site, text).
fn site_with(name: &str, files: &[(String, String)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("publish-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(path, text);
    }
    dir
}

fn article_json(id: &str, title: &str) -> String {
    json!({"id": id, "title": title, "published": "2024-01-02",
           "blocks": [{"kind": "paragraph", "text": "長寧区の記事。"}]})
    .to_string()
}

proptest! {
    #![proptest_config(cases(48))]

    /// A column of ids drawn from a few, in either case, with odd titles:
    /// every id listed before (the same but for case too) is named with
    /// its entry and the entry that first used it, and nothing else is.
    #[test]
    fn hostile_columns_name_every_id_listed_twice(
        entries in prop::collection::vec(
            (prop::sample::select(vec!["a", "A", "b", "B", "x-1", "X-1", "595305"]), odd_text()),
            1..8,
        ),
    ) {
        let titles: Vec<String> = entries.iter().map(|(_, t)| format!("記事{t}")).collect();
        let column = json!({
            "column": {"id": "1", "title": "長寧ニューズ"},
            "articles": entries.iter().zip(&titles).map(|((id, _), title)| {
                json!({"id": id, "title": title, "published": "2024-01-02"})
            }).collect::<Vec<_>>(),
        });
        let mut files = vec![("data/articles/index.json".to_owned(), column.to_string())];
        for (id, _) in &entries {
            files.push((format!("data/articles/{id}.json"), article_json(id, "記事")));
        }
        let site = site_with("column", &files);
        let result = SiteData::load(&site);
        let _ = std::fs::remove_dir_all(&site);
        let mut first: HashMap<String, usize> = HashMap::new();
        let mut expected = Vec::new();
        for (i, (id, _)) in entries.iter().enumerate() {
            match first.get(&id.to_ascii_lowercase()) {
                Some(&j) => {
                    let quoted = if *entries[j].0 == **id { String::new() } else { format!(" (\"{}\")", entries[j].0) };
                    expected.push(format!(
                        "articles/index.json: articles[{i}].id: duplicate id, first used by articles[{j}]{quoted} ({id})"
                    ));
                }
                None => {
                    first.insert(id.to_ascii_lowercase(), i);
                }
            }
        }
        // An id left off the column whose file is there is that file's
        // problem too: it would be published as an article of its own.
        let kept: BTreeSet<&str> = first.values().map(|&j| entries[j].0).collect();
        let files: BTreeSet<&str> = entries.iter().map(|(id, _)| *id).collect();
        for id in files.difference(&kept) {
            let j = first[&id.to_ascii_lowercase()];
            expected.push(format!(
                "articles/{id}.json: id: duplicate id, first used by articles/index.json: articles[{j}] (\"{}\")",
                entries[j].0
            ));
        }
        match result {
            Ok(_) => prop_assert!(expected.is_empty(), "{:?}", expected),
            Err(errors) => prop_assert_eq!(errors, expected),
        }
    }

    /// A readings dictionary of words repeated and given twice, over an
    /// article made of them: every word given twice named; else readings for
    /// the whole text, however long the words.
    #[test]
    fn hostile_readings_dictionaries_are_named_or_read_in_one_pass(
        unit in "[長寧漢][あい]?", longest in 1usize..200, twice in prop::collection::vec(1usize..200, 0..3),
    ) {
        let mut entries: Vec<String> = (1..=longest)
            .map(|n| format!("\"{}\": \"あ\"", unit.repeat(n)))
            .collect();
        let repeated: Vec<usize> = twice.iter().copied().filter(|&n| n <= longest).collect();
        entries.extend(repeated.iter().map(|n| format!("\"{}\": \"い\"", unit.repeat(*n))));
        let text = unit.repeat(longest * 20);
        let article = json!({"id": "1", "title": "長寧", "published": "2024-01-02",
                             "blocks": [{"kind": "paragraph", "text": text}]});
        let column = json!({"column": {"id": "1", "title": "長寧ニューズ"},
                            "articles": [{"id": "1", "title": "長寧", "published": "2024-01-02"}]});
        let site = site_with("readings", &[
            ("data/articles/index.json".to_owned(), column.to_string()),
            ("data/articles/1.json".to_owned(), article.to_string()),
            ("data/readings.json".to_owned(), format!("{{{}}}", entries.join(","))),
        ]);
        let result = SiteData::load(&site);
        let _ = std::fs::remove_dir_all(&site);
        match result {
            Err(errors) => {
                prop_assert!(!repeated.is_empty(), "{:?}", errors);
                prop_assert_eq!(errors.len(), repeated.len());
                prop_assert!(errors.iter().all(|e| e.starts_with("readings.json: ") && e.contains("given twice")));
            }
            Ok(data) => {
                prop_assert!(repeated.is_empty());
                let dictionary = data.dictionary.unwrap_or_default();
                let words = dictionary.words_in(&text).count();
                prop_assert_eq!(words, 20);
            }
        }
    }

    /// Titles, summaries, the column's title and the publisher of any
    /// characters: the feed is well-formed XML that feed readers read, with
    /// each text as XML allows it.
    #[test]
    fn hostile_texts_make_a_well_formed_feed(
        texts in prop::collection::vec((odd_text(), prop::option::of(odd_text()), odd_text()), 1..4),
        column_title in odd_text(), publisher in odd_text(),
    ) {
        let data = site_data(&texts, &column_title);
        let mut notes = Vec::new();
        let publisher = Sourced { text: publisher, place: "cities.json: home.names.ja".to_owned() };
        let xml = feed::atom(&data, "https://news.example", &publisher, &mut notes);
        let doc = roxmltree::Document::parse(&xml).map_err(|e| TestCaseError::fail(format!("{e}: {xml:?}")))?;
        feed_rs::parser::parse(xml.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}: {xml:?}")))?;
        let titles: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("title") && n.parent().is_some_and(|p| p.has_tag_name("entry")))
            .map(|n| n.text().unwrap_or("").to_owned())
            .collect();
        // Line ends as XML parsers give them back (roxmltree not always).
        let lines = |text: String| text.replace("\r\n", "\n").replace('\r', "\n");
        let mut expected: Vec<String> = texts.iter().map(|(title, _, _)| lines(as_xml_reads(title))).collect();
        let mut titles: Vec<String> = titles.into_iter().map(lines).collect();
        expected.sort();
        titles.sort();
        prop_assert_eq!(titles, expected);
        let filtered = texts.iter().filter(|(t, _, _)| !t.chars().all(xml_allows)).count();
        let noted = notes.iter().filter(|n| n.contains("].title:")).count();
        prop_assert_eq!(noted, filtered);
    }

    /// Origin strings of every kind: refused, or an origin that every
    /// published address is well-formed XML with, and that is its own
    /// origin again.
    #[test]
    fn hostile_origins_are_refused_or_normalised(raw in origin_text()) {
        let Ok(origin) = check_origin(&raw) else {
            return Ok(());
        };
        prop_assert!(!raw.chars().any(|c| c.is_whitespace() || c.is_control()), "{:?}", raw);
        prop_assert!(!raw.contains('@'));
        prop_assert!(origin.starts_with("http://") || origin.starts_with("https://"));
        prop_assert!(!origin.ends_with('/'));
        prop_assert!(origin.is_ascii());
        prop_assert_eq!(check_origin(&origin), Ok(origin.clone()));
        let url = url::Url::parse(&origin).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(url.origin().ascii_serialization(), origin.clone());
        let data = site_data(&[("記事".to_owned(), None, "本文".to_owned())], "長寧ニューズ");
        let pages: Vec<PlannedPage> = data
            .articles
            .iter()
            .map(|a| {
                let page = Planned::Article { article: a.clone(), print: false };
                PlannedPage { href: page.route().href(), page }
            })
            .collect();
        let mut notes = Vec::new();
        for (_, sitemap) in feed::sitemaps(&pages, &data.column, &origin, &mut notes) {
            prop_assert!(roxmltree::Document::parse(&sitemap).is_ok(), "{}", sitemap);
        }
        prop_assert!(notes.is_empty(), "{:?}", notes);
    }

    /// Origins made of good parts, and then one part made bad.
    #[test]
    fn hostile_origins_of_good_parts_are_kept_and_of_a_bad_part_refused(
        (good, expected) in good_origin(), bad in bad_part(), at in any::<prop::sample::Index>(),
    ) {
        prop_assert_eq!(check_origin(&good), Ok(expected));
        let (kind, part) = bad;
        let spoiled = match kind {
            Spoil::Insert => {
                let cut = at.index(good.len() + 1);
                let cut = (0..=cut).rev().find(|&i| good.is_char_boundary(i)).unwrap_or(0);
                format!("{}{part}{}", &good[..cut], &good[cut..])
            }
            Spoil::Append => format!("{good}{part}"),
            Spoil::UserInfo => good.replacen("://", &format!("://{part}@"), 1),
        };
        prop_assert!(check_origin(&spoiled).is_err(), "{:?}", spoiled);
    }
}

/// Text as an XML parser gives it back: what XML does not allow taken out
/// (vertical tab and form feed as spaces).
fn as_xml_reads(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter_map(|c| match c {
            '\u{B}' | '\u{C}' => Some(' '),
            c if xml_allows(c) => Some(c),
            _ => None,
        })
        .collect();
    kept
}

/// A column of one article per `(title, summary, first paragraph)`.
fn site_data(texts: &[(String, Option<String>, String)], column_title: &str) -> SiteData {
    let date = IsoDate::parse("2024-01-02").expect("a date");
    let mut column = Column {
        about: ColumnAbout {
            id: "1".to_owned(),
            title: column_title.to_owned(),
        },
        articles: Vec::new(),
        notices: Vec::new(),
    };
    let mut articles = Vec::new();
    for (i, (title, summary, paragraph)) in texts.iter().enumerate() {
        let Some(id) = Id::parse(&format!("a{i}")) else {
            continue;
        };
        column.articles.push(ColumnEntry {
            id: id.clone(),
            title: title.clone(),
            published: date,
            summary: summary.clone(),
            index: i,
        });
        let article = Article {
            id,
            lang: Some("ja".to_owned()),
            title: title.clone(),
            published: date,
            views: None,
            breadcrumbs: Vec::new(),
            blocks: vec![Block::Paragraph {
                text: paragraph.clone(),
            }],
            partners: Vec::new(),
            notices: Vec::new(),
        };
        let outline = ArticleOutline::of(&article, summary.as_deref(), "", None);
        articles.push(Arc::new(outline));
    }
    SiteData {
        site: PathBuf::new(),
        column: Arc::new(column),
        articles,
        cities: None,
        matcher: None,
        world: None,
        dictionary: None,
        warnings: Vec::new(),
    }
}

/// Strings near origins: schemes, hosts, ports, `@`, brackets, slashes,
/// spaces and control characters, in any order.
fn origin_text() -> impl Strategy<Value = String> {
    let part = prop::sample::select(vec![
        "http://",
        "https://",
        "HTTPS://",
        "ftp://",
        "javascript:",
        "//",
        "http:",
        "a",
        "news",
        ".",
        "example",
        "長寧",
        "xn--",
        "-",
        "[::1]",
        "[",
        "]",
        "::",
        "1",
        "127.0.0.1",
        ":",
        ":0",
        ":80",
        ":443",
        ":65535",
        ":65536",
        ":99999",
        "@",
        "user:pass@",
        "/",
        "\\",
        "?",
        "#",
        "%2e",
        "%20",
        " ",
        "\t",
        "\n",
        "\r",
        "\u{0}",
        "\u{85}",
        "\u{3000}",
        "\u{200B}",
    ]);
    prop::collection::vec(part, 0..8).prop_map(|parts| parts.concat())
}

/// A good origin and what it becomes: a scheme, a host (a name of letters
/// in any case, an IPv4 or IPv6 address, a name in kanji) and maybe a port.
fn good_origin() -> impl Strategy<Value = (String, String)> {
    let host = prop_oneof![
        "[a-zA-Z][a-zA-Z0-9-]{0,8}(\\.[a-zA-Z]{2,6}){0,2}"
            .prop_map(|h| (h.clone(), h.to_ascii_lowercase())),
        (0u8..=255, 0u8..=255)
            .prop_map(|(a, b)| (format!("10.{a}.{b}.1"), format!("10.{a}.{b}.1"))),
        (1u16..0xffff).prop_map(|x| (format!("[2001:db8::{x:x}]"), format!("[2001:db8::{x:x}]"))),
        Just(("長寧.example".to_owned(), "xn--tdt925k.example".to_owned())),
    ];
    let scheme = prop::sample::select(vec!["http", "https"]);
    let port = prop::option::of(1u16..=65535);
    let slash = any::<bool>();
    (scheme, host, port, slash).prop_map(|(scheme, (host, kept), port, slash)| {
        let default = if scheme == "http" { 80 } else { 443 };
        let given = format!(
            "{scheme}://{host}{}{}",
            port.map(|p| format!(":{p}")).unwrap_or_default(),
            if slash { "/" } else { "" }
        );
        let kept = format!(
            "{scheme}://{kept}{}",
            port.filter(|&p| p != default)
                .map(|p| format!(":{p}"))
                .unwrap_or_default()
        );
        (given, kept)
    })
}

#[derive(Debug, Clone, Copy)]
enum Spoil {
    Insert,
    Append,
    UserInfo,
}

/// What makes a good origin bad: a space or control character anywhere, a
/// path, query, fragment or port out of range after it, a user before it.
fn bad_part() -> impl Strategy<Value = (Spoil, String)> {
    prop_oneof![
        prop::sample::select(vec![
            " ", "\t", "\n", "\r", "\u{0}", "\u{B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{3000}"
        ])
        .prop_map(|c| (Spoil::Insert, c.to_owned())),
        prop::sample::select(vec![
            "/path",
            "//",
            "?",
            "?q=1",
            "#",
            "#top",
            "/index.html",
            "\\"
        ])
        .prop_map(|p| (Spoil::Append, p.to_owned())),
        "[a-z]{0,5}(:[a-z]{0,5})?".prop_map(|u| (Spoil::UserInfo, u)),
    ]
}
