//! `/data/articles/{id}.json`: one article.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::date::IsoDate;
use crate::error::{DataError, Expected, Found, JsonKind, Problem};
use crate::id::{Id, SeenIds};
use crate::json::{decode_text, join, kind_of, quote, utf8_text};
use crate::route::is_same_site_path;

/// The data file of an article, relative to `/data/`.
pub fn article_file(id: &Id) -> String {
    format!("articles/{id}.json")
}

/// An article, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: Id,
    /// The language the article is written in (`ja`), when the file says.
    pub lang: Option<String>,
    pub title: String,
    pub published: IsoDate,
    /// How often it was read; `None` when unknown (then it is not shown).
    pub views: Option<u64>,
    pub breadcrumbs: Vec<String>,
    pub blocks: Vec<Block>,
    /// Ids of the partner cities the article is about.
    pub partners: Vec<Id>,
    /// What was skipped while reading the file (unknown block kinds, empty
    /// blocks, refused images, a partner listed twice).
    pub notices: Vec<DataError>,
}

/// One piece of the article body. Text is plain text, never HTML.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph {
        text: String,
    },
    Heading {
        text: String,
    },
    Image {
        src: String,
        alt: String,
        caption: Option<String>,
    },
    /// A block that cannot be shown as the data has it (an image from
    /// another site): the reader sees this notice in its place.
    Notice(DataError),
}

#[derive(Deserialize)]
struct ArticleFile<'a> {
    id: Id,
    #[serde(default)]
    lang: Option<String>,
    title: String,
    published: IsoDate,
    #[serde(default)]
    views: Option<u64>,
    #[serde(default)]
    breadcrumbs: Vec<String>,
    /// Each block kept as text: only the fields a block's kind uses are
    /// read, so an unknown field (of any content) is ignored.
    #[serde(borrow)]
    blocks: Vec<&'a RawValue>,
    #[serde(default)]
    partners: Vec<Id>,
}

/// Decodes the file of the article `id`. Blocks of an unknown kind are
/// skipped and noted; a known block with a missing or mistyped field is an
/// error naming it, and so is an article that is not the one its file
/// name says, or one without a title.
pub fn decode_article(id: &Id, bytes: impl AsRef<[u8]>) -> Result<Article, DataError> {
    let file = article_file(id);
    let file = file.as_str();
    let text = utf8_text(file, bytes.as_ref())?;
    let raw: ArticleFile = decode_text(file, &text)?;
    if raw.id != *id {
        return Err(DataError::new(
            file,
            "id",
            Problem::IdMismatch {
                expected: quote(id.as_str()),
                found: quote(raw.id.as_str()),
            },
        ));
    }
    if raw.title.trim().is_empty() {
        return Err(DataError::new(file, "title", Problem::Empty));
    }
    let mut notices = Vec::new();
    let mut blocks = Vec::with_capacity(raw.blocks.len());
    for (index, block) in raw.blocks.into_iter().enumerate() {
        let path = format!("blocks[{index}]");
        if let Some(block) = decode_block(file, &path, block, &mut notices)? {
            blocks.push(block);
        }
    }
    let mut seen = SeenIds::default();
    let mut partners = Vec::with_capacity(raw.partners.len());
    for (index, partner) in raw.partners.into_iter().enumerate() {
        let place = format!("partners[{index}]");
        match seen.first_use(&partner, &place) {
            Ok(()) => partners.push(partner),
            Err(duplicate) => notices.push(DataError::new(file, place, duplicate)),
        }
    }
    Ok(Article {
        id: raw.id,
        lang: raw.lang.filter(|lang| !lang.trim().is_empty()),
        title: raw.title,
        published: raw.published,
        views: raw.views,
        breadcrumbs: raw
            .breadcrumbs
            .into_iter()
            .filter(|crumb| !crumb.trim().is_empty())
            .collect(),
        blocks,
        partners,
        notices,
    })
}

fn decode_block(
    file: &str,
    path: &str,
    raw: &RawValue,
    notices: &mut Vec<DataError>,
) -> Result<Option<Block>, DataError> {
    let Ok(fields) = serde_json::from_str::<BTreeMap<String, &RawValue>>(raw.get()) else {
        let found = match serde_json::from_str::<Value>(raw.get()) {
            Ok(value) => kind_of(&value),
            // Not an object, and not even a value serde can hold (a number
            // too large): all that is left is what it starts with.
            Err(_) => JsonKind::Number,
        };
        return Err(DataError::new(
            file,
            path,
            Problem::WrongType {
                expected: Expected::Object,
                found: Found {
                    kind: found,
                    literal: None,
                },
            },
        ));
    };
    let field = Fields {
        file,
        path,
        fields: &fields,
    };
    let block = match field.required("kind")?.as_str() {
        "paragraph" => Block::Paragraph {
            text: field.required("text")?,
        },
        "heading" => Block::Heading {
            text: field.required("text")?,
        },
        "image" => {
            let src = field.required("src")?;
            let alt = field.required("alt")?;
            let caption = field.optional("caption")?;
            if !is_same_site_path(&src) {
                let notice = DataError::new(
                    file,
                    join(path, "src"),
                    Problem::NotSameSite { found: quote(&src) },
                );
                notices.push(notice.clone());
                return Ok(Some(Block::Notice(notice)));
            }
            Block::Image { src, alt, caption }
        }
        other => {
            notices.push(DataError::new(
                file,
                path,
                Problem::UnknownKind {
                    found: quote(other),
                },
            ));
            return Ok(None);
        }
    };
    // A paragraph or heading without text would be an empty element (an
    // empty heading is a trap for screen readers): left out, and noted.
    if let Block::Paragraph { text } | Block::Heading { text } = &block {
        if text.trim().is_empty() {
            notices.push(DataError::new(file, join(path, "text"), Problem::Empty));
            return Ok(None);
        }
    }
    Ok(Some(block))
}

/// String fields of one block, with errors that name them.
struct Fields<'a> {
    file: &'a str,
    path: &'a str,
    fields: &'a BTreeMap<String, &'a RawValue>,
}

impl Fields<'_> {
    fn required(&self, name: &str) -> Result<String, DataError> {
        self.optional(name)?
            .ok_or_else(|| DataError::new(self.file, join(self.path, name), Problem::Missing))
    }

    fn optional(&self, name: &str) -> Result<Option<String>, DataError> {
        let Some(raw) = self.fields.get(name) else {
            return Ok(None);
        };
        let wrong = |kind| {
            DataError::new(
                self.file,
                join(self.path, name),
                Problem::WrongType {
                    expected: Expected::Text,
                    found: Found {
                        kind,
                        literal: None,
                    },
                },
            )
        };
        match serde_json::from_str::<Value>(raw.get()) {
            Ok(Value::Null) => Ok(None),
            Ok(Value::String(text)) => Ok(Some(text)),
            Ok(other) => Err(wrong(kind_of(&other))),
            Err(_) => Err(DataError::new(
                self.file,
                join(self.path, name),
                Problem::NumberTooLarge,
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one() -> Id {
        Id::parse("1").unwrap()
    }

    fn article(blocks: &str) -> String {
        format!(
            r#"{{"id": "1", "lang": "ja", "title": "T", "published": "2021-10-14",
                "views": null, "breadcrumbs": ["A", "B"], "blocks": {blocks},
                "partners": ["sopot"], "future_field": {{"x": 1}}}}"#
        )
    }

    #[test]
    fn blocks_keep_their_order_and_kinds() {
        let a = decode_article(
            &one(),
            article(
                r#"[{"kind": "paragraph", "text": "p1"}, {"kind": "heading", "text": "h"},
                   {"kind": "image", "src": "/data/img/x.jpg", "alt": "a"}, {"kind": "paragraph", "text": "p2"}]"#,
            ),
        )
        .unwrap();
        assert_eq!(
            a.blocks,
            vec![
                Block::Paragraph { text: "p1".into() },
                Block::Heading { text: "h".into() },
                Block::Image {
                    src: "/data/img/x.jpg".into(),
                    alt: "a".into(),
                    caption: None
                },
                Block::Paragraph { text: "p2".into() },
            ]
        );
        assert_eq!(a.breadcrumbs, ["A", "B"]);
        assert_eq!(a.partners, [Id::parse("sopot").unwrap()]);
        assert!(a.notices.is_empty());
    }

    #[test]
    fn unknown_block_kinds_are_skipped_and_noted() {
        let a = decode_article(
            &one(),
            article(r#"[{"kind": "video", "url": 5}, {"kind": "paragraph", "text": "kept"}]"#),
        )
        .unwrap();
        assert_eq!(
            a.blocks,
            vec![Block::Paragraph {
                text: "kept".into()
            }]
        );
        assert_eq!(a.notices.len(), 1);
        assert_eq!(a.notices[0].path, "blocks[0]");
    }

    #[test]
    fn views_null_or_absent_is_unknown_not_zero() {
        assert_eq!(decode_article(&one(), article("[]")).unwrap().views, None);
        let absent = r#"{"id": "1", "title": "T", "published": "2021-10-14", "blocks": []}"#;
        let a = decode_article(&one(), absent).unwrap();
        assert_eq!((a.views, a.lang, a.breadcrumbs.len()), (None, None, 0));
        let counted = article("[]").replace(r#""views": null"#, r#""views": 4321"#);
        assert_eq!(decode_article(&one(), &counted).unwrap().views, Some(4321));
    }

    #[test]
    fn unknown_fields_are_ignored_whatever_they_hold() {
        let a = decode_article(
            &one(),
            article(
                r#"[{"kind": "paragraph", "text": "p", "weight": 1e400, "style": {"x": [-1e999]}},
                   {"kind": "video", "length": 1e400}]"#,
            )
            .replace(
                r#""future_field": {"x": 1}"#,
                r#""future_field": {"x": 1e400}"#,
            ),
        )
        .unwrap();
        assert_eq!(a.blocks, vec![Block::Paragraph { text: "p".into() }]);
        assert_eq!(a.notices.len(), 1, "the unknown kind only");
    }

    #[test]
    fn a_block_that_is_not_an_object_or_a_known_field_too_large_is_named() {
        for (blocks, path) in [
            ("[1e400]", "blocks[0]"),
            (r#"["text"]"#, "blocks[0]"),
            (
                r#"[{"kind": "paragraph", "text": 1e400}]"#,
                "blocks[0].text",
            ),
        ] {
            let err = decode_article(&one(), article(blocks)).unwrap_err();
            assert_eq!(err.path, path, "{blocks}");
        }
    }

    #[test]
    fn a_mistyped_block_field_names_file_and_path() {
        let err = decode_article(
            &one(),
            article(r#"[{"kind": "paragraph", "text": "ok"}, {"kind": "heading", "text": 7}]"#),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "articles/1.json: blocks[1].text: expected a string, found a number"
        );
    }

    #[test]
    fn an_image_without_alt_is_an_error() {
        let err =
            decode_article(&one(), article(r#"[{"kind": "image", "src": "/x.png"}]"#)).unwrap_err();
        assert_eq!(err.path, "blocks[0].alt");
        assert_eq!(err.problem, Problem::Missing);
    }

    #[test]
    fn a_block_without_kind_is_an_error() {
        let err = decode_article(&one(), article(r#"[{"text": "orphan"}]"#)).unwrap_err();
        assert_eq!(err.path, "blocks[0].kind");
        let err = decode_article(&one(), article(r#"["just text"]"#)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "articles/1.json: blocks[0]: expected an object, found a string"
        );
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let err = decode_article(
            &one(),
            r#"{"id": "1", "published": "2021-10-14", "blocks": []}"#,
        )
        .unwrap_err();
        assert_eq!(err.path, "title");
    }

    #[test]
    fn negative_or_fractional_views_are_refused() {
        for views in ["-1", "1.5", "\"12\""] {
            let text = article("[]").replace(r#""views": null"#, &format!(r#""views": {views}"#));
            assert_eq!(
                decode_article(&one(), &text).unwrap_err().path,
                "views",
                "{views}"
            );
        }
    }

    #[test]
    fn markup_in_text_stays_text() {
        let a = decode_article(
            &one(),
            article(r#"[{"kind": "paragraph", "text": "<script>alert(1)</script>"}]"#),
        )
        .unwrap();
        assert_eq!(
            a.blocks[0],
            Block::Paragraph {
                text: "<script>alert(1)</script>".into()
            }
        );
    }

    #[test]
    fn html_instead_of_json_is_not_json() {
        let err = decode_article(&one(), "<!doctype html><html></html>").unwrap_err();
        assert!(matches!(err.problem, Problem::NotJson { .. }), "{err}");
    }
}

#[cfg(test)]
mod validation_tests {
    use super::*;

    fn decode(id: &str, text: &str) -> Result<Article, DataError> {
        decode_article(&Id::parse(id).unwrap(), text)
    }

    fn with(fields: &str, blocks: &str) -> String {
        format!(
            r#"{{"id": "7", "title": "T", "published": "2021-10-14", "blocks": {blocks}{fields}}}"#
        )
    }

    #[test]
    fn a_partner_listed_twice_is_kept_once_and_noted() {
        let a = decode(
            "7",
            &with(r#", "partners": ["sopot", "hirakata", "Sopot"]"#, "[]"),
        )
        .unwrap();
        let ids: Vec<_> = a.partners.iter().map(Id::as_str).collect();
        assert_eq!(ids, ["sopot", "hirakata"]);
        assert_eq!(
            a.notices[0].to_string(),
            r#"articles/7.json: partners[2]: duplicate id, first used by partners[0] ("sopot")"#
        );
    }

    #[test]
    fn an_article_must_be_the_one_its_file_names() {
        let err = decode("8", &with("", "[]")).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"articles/8.json: id: expected "8", the name of the file, found "7""#
        );
    }

    #[test]
    fn an_article_needs_a_title_a_reader_can_see() {
        for title in ["", " ", "\\u3000\\n"] {
            let text = with("", "[]").replace(r#""title": "T""#, &format!(r#""title": "{title}""#));
            let err = decode("7", &text).unwrap_err();
            assert_eq!(
                (err.path.as_str(), &err.problem),
                ("title", &Problem::Empty),
                "{title:?}"
            );
        }
    }

    #[test]
    fn images_from_elsewhere_become_notices_and_are_never_requested() {
        for src in [
            "javascript:alert(1)",
            "https://evil.example/x.png",
            "//evil.example/y.png",
            "data:image/png;base64,AAAA",
            "/\\evil.example/z.png",
            "x.png",
        ] {
            let blocks = format!(
                r#"[{{"kind": "image", "src": {src:?}, "alt": "a"}}, {{"kind": "paragraph", "text": "p"}}]"#
            );
            let a = decode("7", &with("", &blocks)).unwrap();
            let Block::Notice(notice) = &a.blocks[0] else {
                panic!("{src}: {:?}", a.blocks[0]);
            };
            assert_eq!(notice.path, "blocks[0].src", "{src}");
            assert!(matches!(notice.problem, Problem::NotSameSite { .. }));
            assert_eq!(a.blocks.len(), 2);
        }
        let ok = r#"[{"kind": "image", "src": "/data/img/x.jpg", "alt": "a"}]"#;
        assert!(matches!(
            decode("7", &with("", ok)).unwrap().blocks[0],
            Block::Image { .. }
        ));
    }

    #[test]
    fn empty_paragraphs_and_headings_are_left_out_and_noted() {
        let blocks = r#"[{"kind": "heading", "text": " "}, {"kind": "paragraph", "text": "p"}]"#;
        let a = decode("7", &with("", blocks)).unwrap();
        assert_eq!(a.blocks, vec![Block::Paragraph { text: "p".into() }]);
        assert_eq!(a.notices[0].path, "blocks[0].text");
    }

    #[test]
    fn text_that_is_not_utf8_is_named_by_its_field() {
        let mut bytes = with(
            "",
            r#"[{"kind": "paragraph", "text": "ok"}, {"kind": "paragraph", "text": "X"}]"#,
        )
        .into_bytes();
        let at = bytes.iter().rposition(|&b| b == b'X').unwrap();
        bytes[at] = 0xff;
        let err = decode_article(&Id::parse("7").unwrap(), &bytes).unwrap_err();
        assert_eq!(
            (err.path.as_str(), &err.problem),
            ("blocks[1].text", &Problem::NotUtf8)
        );
    }

    #[test]
    fn an_out_of_range_view_count_is_named() {
        let err = decode("7", &with(r#", "views": 1e400"#, "[]")).unwrap_err();
        assert_eq!(
            (err.path.as_str(), &err.problem),
            ("views", &Problem::NumberTooLarge)
        );
    }
}
