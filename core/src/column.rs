//! `/data/articles/index.json`: the news column.

use serde::Deserialize;

use crate::date::IsoDate;
use crate::error::{DataError, EntryNotice, Problem};
use crate::id::{Id, SeenIds};
use crate::json::{decode_text, quote, utf8_text};
use crate::route::article_id;

/// Where the column lives, relative to `/data/`.
pub const COLUMN_FILE: &str = "articles/index.json";

/// The news column: its title and its articles, newest first as given.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub about: ColumnAbout,
    /// Each id once: of an id listed twice, the first entry.
    pub articles: Vec<ColumnEntry>,
    /// Entries left off (an id listed before), each with the reason;
    /// shown to readers.
    pub notices: Vec<EntryNotice>,
}

#[derive(Deserialize)]
struct ColumnFile {
    column: ColumnAbout,
    articles: Vec<ColumnEntry>,
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
    /// Where the entry is in the file's `articles` (entries before it may
    /// have been left off).
    #[serde(skip)]
    pub index: usize,
}

/// Decodes the column file; the order of `articles` is kept as given. Titles
/// must not be empty, and no entry may use an id the data layout keeps. An
/// id listed before (in any case, see [`SeenIds`]) leaves its entry off,
/// named in [`Column::notices`].
pub fn decode_column(bytes: impl AsRef<[u8]>) -> Result<Column, DataError> {
    let file = COLUMN_FILE;
    let text = utf8_text(file, bytes.as_ref())?;
    let column: ColumnFile = decode_text(file, &text)?;
    if column.column.title.trim().is_empty() {
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
    let mut seen = SeenIds::default();
    let mut notices = Vec::new();
    let mut articles = Vec::with_capacity(column.articles.len());
    for (i, mut entry) in column.articles.into_iter().enumerate() {
        entry.index = i;
        match seen.first_use(&entry.id, &format!("articles[{i}]")) {
            Ok(()) => articles.push(entry),
            Err(problem) => notices.push(EntryNotice {
                id: Some(entry.id.to_string()),
                error: DataError::new(file, format!("articles[{i}].id"), problem),
                left_off: true,
            }),
        }
    }
    Ok(Column {
        about: column.column,
        articles,
        notices,
    })
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
    fn an_id_listed_again_in_any_case_is_left_off_and_named() {
        let text = SAMPLE.replace(
            r#"{"id": "1", "title": "Older", "published": "2020-01"}"#,
            r#"{"id": "1", "title": "Older", "published": "2020-01"},
               {"id": "2", "title": "Again", "published": "2020-01"},
               {"id": "x", "title": "X", "published": "2020-01"},
               {"id": "X", "title": "Case", "published": "2020-01"}"#,
        );
        let column = decode_column(&text).unwrap();
        let ids: Vec<_> = column.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["2", "1", "x"]);
        assert_eq!(column.articles[0].title, "Newer", "the first is kept");
        let places: Vec<usize> = column.articles.iter().map(|a| a.index).collect();
        assert_eq!(places, [0, 1, 3]);
        let said: Vec<String> = column.notices.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "articles/index.json: articles[2].id: duplicate id, first used by articles[0] (2)",
                r#"articles/index.json: articles[4].id: duplicate id, first used by articles[3] ("x") (X)"#,
            ]
        );
        assert!(column.notices.iter().all(|n| n.left_off));
    }

    #[test]
    fn an_unsafe_id_is_refused() {
        let text = SAMPLE.replace(r#""id": "1""#, r#""id": "../cities""#);
        assert_eq!(decode_column(&text).unwrap_err().path, "articles[1].id");
    }
}
