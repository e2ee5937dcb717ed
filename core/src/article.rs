//! `/data/articles/{id}.json`: one article.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::date::IsoDate;
use crate::error::DataError;
use crate::id::Id;
use crate::json::{decode_text, join, kind_of};

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
    /// What was skipped while reading the file (unknown block kinds).
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
}

#[derive(Deserialize)]
struct ArticleFile {
    id: Id,
    #[serde(default)]
    lang: Option<String>,
    title: String,
    published: IsoDate,
    #[serde(default)]
    views: Option<u64>,
    #[serde(default)]
    breadcrumbs: Vec<String>,
    blocks: Vec<Value>,
    #[serde(default)]
    partners: Vec<Id>,
}

/// Decodes an article file. Blocks of an unknown kind are skipped and noted;
/// a known block with a missing or mistyped field is an error naming it.
pub fn decode_article(file: &str, text: &str) -> Result<Article, DataError> {
    let raw: ArticleFile = decode_text(file, text)?;
    let mut notices = Vec::new();
    let mut blocks = Vec::with_capacity(raw.blocks.len());
    for (index, value) in raw.blocks.into_iter().enumerate() {
        let path = format!("blocks[{index}]");
        if let Some(block) = decode_block(file, &path, value, &mut notices)? {
            blocks.push(block);
        }
    }
    Ok(Article {
        id: raw.id,
        lang: raw.lang.filter(|lang| !lang.trim().is_empty()),
        title: raw.title,
        published: raw.published,
        views: raw.views,
        breadcrumbs: raw.breadcrumbs,
        blocks,
        partners: raw.partners,
        notices,
    })
}

fn decode_block(
    file: &str,
    path: &str,
    value: Value,
    notices: &mut Vec<DataError>,
) -> Result<Option<Block>, DataError> {
    let Value::Object(fields) = value else {
        let found = kind_of(&value);
        return Err(DataError::new(
            file,
            path,
            format!("expected an object, found {found}"),
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
        "image" => Block::Image {
            src: field.required("src")?,
            alt: field.required("alt")?,
            caption: field.optional("caption")?,
        },
        other => {
            notices.push(DataError::new(
                file,
                path,
                format!("unknown kind {other:?}, skipped"),
            ));
            return Ok(None);
        }
    };
    Ok(Some(block))
}

/// String fields of one block, with errors that name them.
struct Fields<'a> {
    file: &'a str,
    path: &'a str,
    fields: &'a Map<String, Value>,
}

impl Fields<'_> {
    fn required(&self, name: &str) -> Result<String, DataError> {
        self.optional(name)?
            .ok_or_else(|| DataError::new(self.file, join(self.path, name), "is missing"))
    }

    fn optional(&self, name: &str) -> Result<Option<String>, DataError> {
        match self.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(other) => Err(DataError::new(
                self.file,
                join(self.path, name),
                format!("expected a string, found {}", kind_of(other)),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "articles/1.json";

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
            FILE,
            &article(
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
            FILE,
            &article(r#"[{"kind": "video", "url": 5}, {"kind": "paragraph", "text": "kept"}]"#),
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
        assert_eq!(decode_article(FILE, &article("[]")).unwrap().views, None);
        let absent = r#"{"id": "1", "title": "T", "published": "2021-10-14", "blocks": []}"#;
        let a = decode_article(FILE, absent).unwrap();
        assert_eq!((a.views, a.lang, a.breadcrumbs.len()), (None, None, 0));
        let counted = article("[]").replace(r#""views": null"#, r#""views": 4321"#);
        assert_eq!(decode_article(FILE, &counted).unwrap().views, Some(4321));
    }

    #[test]
    fn a_mistyped_block_field_names_file_and_path() {
        let err = decode_article(
            FILE,
            &article(r#"[{"kind": "paragraph", "text": "ok"}, {"kind": "heading", "text": 7}]"#),
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
            decode_article(FILE, &article(r#"[{"kind": "image", "src": "/x.png"}]"#)).unwrap_err();
        assert_eq!(err.path, "blocks[0].alt");
        assert_eq!(err.problem, "is missing");
    }

    #[test]
    fn a_block_without_kind_is_an_error() {
        let err = decode_article(FILE, &article(r#"[{"text": "orphan"}]"#)).unwrap_err();
        assert_eq!(err.path, "blocks[0].kind");
        let err = decode_article(FILE, &article(r#"["just text"]"#)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "articles/1.json: blocks[0]: expected an object, found a string"
        );
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let err = decode_article(
            FILE,
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
                decode_article(FILE, &text).unwrap_err().path,
                "views",
                "{views}"
            );
        }
    }

    #[test]
    fn markup_in_text_stays_text() {
        let a = decode_article(
            FILE,
            &article(r#"[{"kind": "paragraph", "text": "<script>alert(1)</script>"}]"#),
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
        let err = decode_article(FILE, "<!doctype html><html></html>").unwrap_err();
        assert!(err.problem.starts_with("not valid JSON"), "{}", err.problem);
    }
}
