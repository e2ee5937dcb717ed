//! Readings (furigana) of an article's texts: the file the publish command
//! writes beside the article, `data/articles/{id}.readings.json`, and the
//! spans the app shows as `<ruby>`.
//!
//! ```json
//! { "article": "595305",
//!   "texts": [ { "text": "長寧区は…", "ruby": [[0, 2, "ちょうねい"], [2, 3, "く"]] } ] }
//! ```
//!
//! Each entry holds a text of the article (its title, a heading, a
//! paragraph) exactly as the article has it, and its readings: start and
//! end in characters (Unicode scalar values) of the text, and the reading in
//! hiragana. A text that the article no longer has (the article was edited
//! after publishing) simply gets no readings.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::{DataError, Expected, Problem};
use crate::id::Id;
use crate::json::{decode_text, quote, utf8_text};

/// One reading over a part of a text (byte offsets into that text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RubySpan {
    pub start: usize,
    pub end: usize,
    pub reading: String,
}

/// The readings file as it is written and read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingsFile {
    pub article: Id,
    pub texts: Vec<TextReadings>,
}

/// One text and its readings, offsets in characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextReadings {
    pub text: String,
    pub ruby: Vec<(usize, usize, String)>,
}

/// The readings of an article's texts, looked up by the text itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readings {
    by_text: HashMap<String, Vec<RubySpan>>,
}

impl Readings {
    /// The readings of `text`, in order; none for a text the file does not have.
    pub fn for_text(&self, text: &str) -> &[RubySpan] {
        self.by_text.get(text).map_or(&[], Vec::as_slice)
    }

    pub fn is_empty(&self) -> bool {
        self.by_text.is_empty()
    }
}

/// What follows an article's id in its readings file's name.
pub const READINGS_FILE_SUFFIX: &str = ".readings.json";

/// The readings file's name for an article: `{id}.readings.json`, beside
/// the article's own file (an id has no `.`, so it is never an article's).
pub fn readings_file_name(id: &Id) -> String {
    format!("{id}{READINGS_FILE_SUFFIX}")
}

/// The header with which the server says, on an article's file, whether
/// its readings file is there (the deploy config sends it).
pub const READINGS_HEADER: &str = "x-reader-readings";

/// What [`READINGS_HEADER`] says: `Some(true)` for `published`,
/// `Some(false)` for `none`, `None` when it says nothing we know (a server
/// without the deploy config), and the readings must be asked for.
pub fn readings_on_server(header: Option<&str>) -> Option<bool> {
    let value = header?.trim();
    if value.eq_ignore_ascii_case("published") {
        Some(true)
    } else if value.eq_ignore_ascii_case("none") {
        Some(false)
    } else {
        None
    }
}

/// Reads an article's readings file. Machine-written, so any entry that
/// breaks the format refuses the whole file, naming the field.
pub fn decode_readings(id: &Id, bytes: impl AsRef<[u8]>) -> Result<Readings, DataError> {
    let file = format!("articles/{}", readings_file_name(id));
    let file = file.as_str();
    let text = utf8_text(file, bytes.as_ref())?;
    let raw: ReadingsFile = decode_text(file, &text)?;
    if raw.article != *id {
        return Err(DataError::new(
            file,
            "article",
            Problem::IdMismatch {
                expected: quote(id.as_str()),
                found: quote(raw.article.as_str()),
            },
        ));
    }
    let mut by_text = HashMap::with_capacity(raw.texts.len());
    for (index, entry) in raw.texts.into_iter().enumerate() {
        let spans = byte_spans(&entry).map_err(|(i, problem)| {
            DataError::new(file, format!("texts[{index}].ruby[{i}]"), problem)
        })?;
        by_text.insert(entry.text, spans);
    }
    Ok(Readings { by_text })
}

/// Character offsets to byte offsets, checking that the spans are in
/// order, inside the text, and readings in kana.
fn byte_spans(entry: &TextReadings) -> Result<Vec<RubySpan>, (usize, Problem)> {
    let mut offsets: Vec<usize> = entry.text.char_indices().map(|(i, _)| i).collect();
    offsets.push(entry.text.len());
    let mut previous_end = 0;
    let mut out = Vec::with_capacity(entry.ruby.len());
    for (i, (start, end, reading)) in entry.ruby.iter().enumerate() {
        let invalid = |found: String| {
            (
                i,
                Problem::Invalid {
                    expected: Expected::Other(
                        "[start, end, reading]: characters of the text in order, the reading in kana"
                            .to_owned(),
                    ),
                    found,
                },
            )
        };
        let in_order = previous_end <= *start && start < end && *end < offsets.len();
        if !in_order {
            return Err(invalid(format!("[{start}, {end}, …]")));
        }
        if !is_kana(reading) {
            return Err(invalid(quote(reading)));
        }
        out.push(RubySpan {
            start: offsets[*start],
            end: offsets[*end],
            reading: reading.clone(),
        });
        previous_end = *end;
    }
    Ok(out)
}

/// Hiragana or katakana only (with the long vowel mark), and not empty.
pub fn is_kana(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_server_s_word_on_readings_is_taken_only_when_it_is_one_we_know() {
        use super::readings_on_server as said;
        assert_eq!(said(Some("published")), Some(true));
        assert_eq!(said(Some(" Published ")), Some(true));
        assert_eq!(said(Some("none")), Some(false));
        assert_eq!(said(Some("NONE")), Some(false));
        for unknown in [
            None,
            Some(""),
            Some("yes"),
            Some("published, none"),
            Some("0"),
        ] {
            assert_eq!(said(unknown), None, "{unknown:?}");
        }
    }

    use super::*;

    fn id() -> Id {
        Id::parse("595305").unwrap()
    }

    #[test]
    fn spans_are_found_by_their_text_in_bytes() {
        let readings = decode_readings(
            &id(),
            r#"{"article": "595305", "texts": [
                {"text": "長寧区は", "ruby": [[0, 2, "ちょうねい"], [2, 3, "く"]]}
            ]}"#,
        )
        .unwrap();
        let spans = readings.for_text("長寧区は");
        assert_eq!(spans.len(), 2);
        assert_eq!(&"長寧区は"[spans[0].start..spans[0].end], "長寧");
        assert_eq!(spans[0].reading, "ちょうねい");
        assert_eq!(&"長寧区は"[spans[1].start..spans[1].end], "区");
        // A text the article no longer has gets nothing.
        assert!(readings.for_text("長寧区が").is_empty());
    }

    #[test]
    fn a_broken_file_is_refused_naming_the_field() {
        let cases = [
            (r#"{"article": "1", "texts": []}"#, "article"),
            (
                r#"{"article": "595305", "texts": [{"text": "ab", "ruby": [[0, 3, "え"]]}]}"#,
                "texts[0].ruby[0]",
            ),
            (
                r#"{"article": "595305", "texts": [{"text": "ab", "ruby": [[1, 1, "え"]]}]}"#,
                "texts[0].ruby[0]",
            ),
            (
                r#"{"article": "595305", "texts": [{"text": "abc", "ruby": [[1, 2, "え"], [0, 1, "い"]]}]}"#,
                "texts[0].ruby[1]",
            ),
            (
                r#"{"article": "595305", "texts": [{"text": "ab", "ruby": [[0, 1, "<b>"]]}]}"#,
                "texts[0].ruby[0]",
            ),
            (
                r#"{"article": "595305", "texts": [{"text": "ab", "ruby": [[0, 1]]}]}"#,
                "texts[0].ruby[0]",
            ),
            (r#"{"article": "595305"}"#, "texts"),
        ];
        for (json, path) in cases {
            let error = decode_readings(&id(), json).unwrap_err();
            assert_eq!(error.path, path, "{json}");
        }
    }

    #[test]
    fn kana_only() {
        assert!(is_kana("ちょうねい"));
        assert!(is_kana("ヒラカタ"));
        assert!(is_kana("ぱーてぃー"));
        assert!(!is_kana(""));
        assert!(!is_kana("長"));
        assert!(!is_kana("a"));
    }
}
