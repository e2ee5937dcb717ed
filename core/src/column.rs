//! `/data/articles/index.json`: the news column.

use serde::Deserialize;

use crate::date::IsoDate;
use crate::error::{DataError, Problem};
use crate::id::Id;
use crate::json::{decode_text, quote, utf8_text};
use crate::route::article_id;

/// Where the column lives, relative to `/data/`.
pub const COLUMN_FILE: &str = "articles/index.json";

/// The news column: its title and its articles, newest first as given.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Column {
    #[serde(rename = "column")]
    pub about: ColumnAbout,
    pub articles: Vec<ColumnEntry>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ColumnAbout {
    pub id: String,
    pub title: String,
}

/// One article as the column lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ColumnEntry {
    pub id: Id,
    pub title: String,
    pub published: IsoDate,
    #[serde(default)]
    pub summary: Option<String>,
}

/// Decodes the column file; the order of `articles` is kept as given. Titles
/// must not be empty, and no entry may use an id the data layout keeps.
pub fn decode_column(bytes: impl AsRef<[u8]>) -> Result<Column, DataError> {
    let file = COLUMN_FILE;
    let text = utf8_text(file, bytes.as_ref())?;
    let column: Column = decode_text(file, &text)?;
    if column.about.title.trim().is_empty() {
        return Err(DataError::new(file, "column.title", Problem::Empty));
    }
    for (i, entry) in column.articles.iter().enumerate() {
        if article_id(entry.id.as_str()).is_none() {
            let found = quote(entry.id.as_str());
            return Err(DataError::new(
                file,
                format!("articles[{i}].id"),
                Problem::Reserved { found },
            ));
        }
        if entry.title.trim().is_empty() {
            return Err(DataError::new(
                file,
                format!("articles[{i}].title"),
                Problem::Empty,
            ));
        }
    }
    Ok(column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
      "column": {"id": "1725", "title": "長寧ニューズ", "editor": "ignored"},
      "articles": [
        {"id": "2", "title": "Newer", "published": "2021-10-14", "summary": "S"},
        {"id": "1", "title": "Older", "published": "2020-01"}
      ]
    }"#;

    #[test]
    fn keeps_the_given_order_and_optional_summary() {
        let column = decode_column(SAMPLE).unwrap();
        assert_eq!(column.about.title, "長寧ニューズ");
        let ids: Vec<_> = column.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["2", "1"]);
        assert_eq!(column.articles[0].summary.as_deref(), Some("S"));
        assert_eq!(column.articles[1].summary, None);
    }

    #[test]
    fn a_bad_date_names_the_entry() {
        let text = SAMPLE.replace("2020-01", "last year");
        let err = decode_column(&text).unwrap_err();
        assert_eq!(err.file, "articles/index.json");
        assert_eq!(err.path, "articles[1].published");
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn a_missing_title_names_the_field() {
        let text = SAMPLE.replace(r#""title": "Older", "#, "");
        let err = decode_column(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "articles/index.json: articles[1].title: is missing"
        );
    }

    #[test]
    fn the_reserved_id_and_empty_titles_are_refused() {
        let text = SAMPLE.replace(r#""id": "1""#, r#""id": "index""#);
        assert_eq!(decode_column(&text).unwrap_err().path, "articles[1].id");
        let text = SAMPLE.replace(r#""title": "Older""#, r#""title": "  ""#);
        assert_eq!(decode_column(&text).unwrap_err().path, "articles[1].title");
        let text = SAMPLE.replace("長寧ニューズ", "");
        assert_eq!(decode_column(&text).unwrap_err().path, "column.title");
    }

    #[test]
    fn an_unsafe_id_is_refused() {
        let text = SAMPLE.replace(r#""id": "1""#, r#""id": "../cities""#);
        assert_eq!(decode_column(&text).unwrap_err().path, "articles[1].id");
    }
}
