//! Decoding JSON with field paths in the errors, and text that is not UTF-8.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::error::{DataError, Expected, Found, JsonKind, Problem};

/// The file's bytes as text. Bytes that are not UTF-8 are an error naming
/// the field they are in (found by decoding a copy with the bad bytes
/// replaced), not `�` characters shown to the reader.
pub(crate) fn utf8_text<'a>(file: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, DataError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => {
            let (text, bad) = lossy_text(bytes);
            let at = bad.first().copied().unwrap_or(0);
            Err(DataError::new(file, path_at(&text, at), Problem::NotUtf8))
        }
    }
}

/// The bytes as text with each invalid sequence replaced by `�`, and the
/// byte offsets (in the returned text) of those replacements.
pub(crate) fn lossy_text(bytes: &[u8]) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(bytes.len());
    let mut bad = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            bad.push(text.len());
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    (text, bad)
}

/// The field path of the innermost value of the JSON `text` that contains
/// the byte `offset` (`blocks[2].text`), as far as the text can be read.
pub(crate) fn path_at(text: &str, offset: usize) -> String {
    let base = text.as_ptr() as usize;
    let mut path = String::new();
    let mut value = text;
    loop {
        let children: Vec<(String, &str)> = match value.trim_start().as_bytes().first() {
            Some(b'{') => match serde_json::from_str::<BTreeMap<String, &RawValue>>(value) {
                Ok(fields) => fields
                    .into_iter()
                    .map(|(key, raw)| (key, raw.get()))
                    .collect(),
                Err(_) => break,
            },
            Some(b'[') => match serde_json::from_str::<Vec<&RawValue>>(value) {
                Ok(items) => items
                    .into_iter()
                    .enumerate()
                    .map(|(i, raw)| (format!("[{i}]"), raw.get()))
                    .collect(),
                Err(_) => break,
            },
            _ => break,
        };
        let inside = children.into_iter().find(|(_, raw)| {
            let start = raw.as_ptr() as usize - base;
            (start..start + raw.len()).contains(&offset)
        });
        match inside {
            Some((segment, raw)) => {
                path = join(&path, &segment);
                value = raw;
            }
            None => break,
        }
    }
    path
}

/// Decodes `text` as `T`, reporting the field path of the first problem.
pub(crate) fn decode_text<'de, T: Deserialize<'de>>(
    file: &str,
    text: &'de str,
) -> Result<T, DataError> {
    decode_part(file, "", text)
}

/// Decodes the JSON `text` of one part of a file (a list entry) as `T`;
/// `prefix` is that part's path in its file, such as `partners[3]`.
pub(crate) fn decode_part<'de, T: Deserialize<'de>>(
    file: &str,
    prefix: &str,
    text: &'de str,
) -> Result<T, DataError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let value: T =
        serde_path_to_error::deserialize(&mut *de).map_err(|e| from_path_error(file, prefix, e))?;
    de.end()
        .map_err(|e| DataError::new(file, prefix, syntax_problem(&e)))?;
    Ok(value)
}

/// Joins a path prefix and a field or index segment.
pub(crate) fn join(prefix: &str, segment: &str) -> String {
    if segment.is_empty() {
        return prefix.to_owned();
    }
    match (prefix.is_empty(), segment.starts_with('[')) {
        (true, _) => segment.to_owned(),
        (false, true) => format!("{prefix}{segment}"),
        (false, false) => format!("{prefix}.{segment}"),
    }
}

/// A text from the data as messages quote it: in JSON's quotes, cut short.
pub(crate) fn quote(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        format!("{text:?}")
    } else {
        let cut: String = text.chars().take(LIMIT).collect();
        format!("{:?}", cut + "…")
    }
}

fn from_path_error(
    file: &str,
    prefix: &str,
    e: serde_path_to_error::Error<serde_json::Error>,
) -> DataError {
    let mut path = e.path().to_string();
    if path == "." {
        path.clear();
    }
    let inner = e.inner();
    if inner.is_syntax() || inner.is_eof() {
        let problem = syntax_problem(inner);
        // A number too large or a value too deep is a problem of that
        // value; anything else means the text is not JSON at all.
        let at = match problem {
            Problem::NumberTooLarge | Problem::TooDeep => join(prefix, &path),
            _ => prefix.to_owned(),
        };
        return DataError::new(file, at, problem);
    }
    let message = strip_location(&inner.to_string());
    let (field, problem) = problem_from_message(&message);
    if let Some(field) = field {
        path = join(&path, &field);
    }
    DataError::new(file, join(prefix, &path), problem)
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    let message = e.to_string();
    if message.starts_with("number out of range") {
        Problem::NumberTooLarge
    } else if message.starts_with("recursion limit exceeded") {
        Problem::TooDeep
    } else {
        Problem::NotJson {
            line: e.line(),
            column: e.column(),
        }
    }
}

fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Reads serde's message into a [`Problem`] (and, for a missing field, the
/// field's name, which serde reports at its parent).
fn problem_from_message(message: &str) -> (Option<String>, Problem) {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return (Some(field.to_owned()), Problem::Missing);
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return (
            None,
            Problem::WrongType {
                expected: expected_from(expected),
                found: found_from(found),
            },
        );
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid value: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        let found = found_from(found);
        return (
            None,
            Problem::Invalid {
                expected: expected_from(expected),
                found: found.literal.unwrap_or_default(),
            },
        );
    }
    if let Some((_, expected)) = message
        .strip_prefix("invalid length ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        if expected.starts_with(LANGUAGES_RULE) {
            return (
                None,
                Problem::Invalid {
                    expected: Expected::LocalizedText,
                    found: "{}".to_owned(),
                },
            );
        }
    }
    (None, Problem::Other(message.to_owned()))
}

/// What the decoders say they expect, as serde words it (see
/// [`crate::id`], [`crate::date`] and [`crate::localized`]).
pub(crate) const ID_RULE: &str = "an id";
pub(crate) const DATE_RULE: &str = "a date";
pub(crate) const DATE_OR_YEAR_RULE: &str = "a date or a year";
pub(crate) const LANGUAGES_RULE: &str = "at least one language";
pub(crate) const LOCALIZED_RULE: &str = "an object of texts keyed by language";

fn expected_from(expected: &str) -> Expected {
    match expected {
        "f64" | "f32" => Expected::Number,
        "u64" | "u32" | "u16" | "u8" | "usize" => Expected::Count,
        "i64" | "i32" | "i16" | "i8" | "isize" => Expected::WholeNumber,
        "a string" | "a borrowed string" => Expected::Text,
        "a boolean" => Expected::Boolean,
        "a sequence" => Expected::List,
        "a map" => Expected::Object,
        ID_RULE => Expected::Id,
        DATE_RULE => Expected::Date,
        DATE_OR_YEAR_RULE => Expected::DateOrYear,
        _ if expected.starts_with("struct ") => Expected::Object,
        _ if expected.starts_with(LOCALIZED_RULE) => Expected::LocalizedText,
        other => Expected::Other(other.to_owned()),
    }
}

fn found_from(found: &str) -> Found {
    let between_ticks = |rest: &str| rest.trim_matches('`').to_owned();
    let (kind, literal) = if let Some(rest) = found.strip_prefix("string ") {
        (JsonKind::Text, Some(shorten(rest)))
    } else if let Some(rest) = found.strip_prefix("integer ") {
        (JsonKind::Number, Some(between_ticks(rest)))
    } else if let Some(rest) = found.strip_prefix("floating point ") {
        (JsonKind::Number, Some(between_ticks(rest)))
    } else if let Some(rest) = found.strip_prefix("boolean ") {
        (JsonKind::Boolean, Some(between_ticks(rest)))
    } else {
        let kind = match found {
            "null" | "unit value" => JsonKind::Null,
            "sequence" => JsonKind::List,
            "map" => JsonKind::Object,
            _ => JsonKind::Other,
        };
        (kind, None)
    };
    Found { kind, literal }
}

/// A quoted string from serde's message, cut short like [`quote`].
fn shorten(quoted: &str) -> String {
    const LIMIT: usize = 62;
    if quoted.chars().count() <= LIMIT {
        quoted.to_owned()
    } else {
        let cut: String = quoted.chars().take(LIMIT - 1).collect();
        format!("{cut}…\"")
    }
}

/// The JSON type of a value, for messages.
pub(crate) fn kind_of(value: &Value) -> JsonKind {
    match value {
        Value::Null => JsonKind::Null,
        Value::Bool(_) => JsonKind::Boolean,
        Value::Number(_) => JsonKind::Number,
        Value::String(_) => JsonKind::Text,
        Value::Array(_) => JsonKind::List,
        Value::Object(_) => JsonKind::Object,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Point {
        lat: f64,
        tags: Vec<String>,
    }

    #[test]
    fn wrong_type_names_the_field_and_the_expected_type() {
        let err = decode_text::<Point>("p.json", r#"{"lat": "north", "tags": []}"#).unwrap_err();
        assert_eq!(err.path, "lat");
        assert_eq!(
            err.problem.to_string(),
            r#"expected a number, found string "north""#
        );
        let err = decode_text::<Point>("p.json", r#"{"lat": 1, "tags": {}}"#).unwrap_err();
        assert_eq!(err.problem.to_string(), "expected a list, found an object");
    }

    #[test]
    fn missing_field_is_named_in_the_path() {
        let err = decode_text::<Point>("p.json", r#"{"tags": []}"#).unwrap_err();
        assert_eq!(err.to_string(), "p.json: lat: is missing");
    }

    #[test]
    fn nested_list_index_appears_in_the_path() {
        let err = decode_text::<Point>("p.json", r#"{"lat": 1, "tags": ["a", 2]}"#).unwrap_err();
        assert_eq!(err.path, "tags[1]");
    }

    #[test]
    fn not_json_says_so_with_a_location() {
        let err = decode_text::<Point>("p.json", "<!doctype html>").unwrap_err();
        assert_eq!(err.path, "");
        assert_eq!(err.problem, Problem::NotJson { line: 1, column: 1 });
    }

    #[test]
    fn trailing_garbage_is_not_json() {
        let err = decode_text::<Point>("p.json", r#"{"lat": 1, "tags": []} x"#).unwrap_err();
        assert!(matches!(err.problem, Problem::NotJson { .. }), "{err}");
    }

    #[test]
    fn a_number_too_large_is_named_where_it_is() {
        let err = decode_text::<Point>("p.json", r#"{"lat": 1e400, "tags": []}"#).unwrap_err();
        assert_eq!(
            (err.path.as_str(), &err.problem),
            ("lat", &Problem::NumberTooLarge)
        );
    }

    #[test]
    fn prefix_is_joined_to_the_path() {
        let err = decode_part::<Point>("c.json", "partners[3]", r#"{"tags": []}"#).unwrap_err();
        assert_eq!(err.path, "partners[3].lat");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_named_by_their_field() {
        let mut bytes = br#"{"title": "ok", "blocks": [{"text": "a"}, {"text": "b"#.to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(br#"c"}]}"#);
        let err = utf8_text("articles/1.json", &bytes).unwrap_err();
        assert_eq!(err.path, "blocks[1].text");
        assert_eq!(err.problem, Problem::NotUtf8);
        assert!(utf8_text("a.json", "長寧".as_bytes()).is_ok());
        // Not JSON either: the whole file.
        assert_eq!(utf8_text("a.json", &[b'x', 0xc0]).unwrap_err().path, "");
    }

    #[test]
    fn long_values_are_cut_short_in_messages() {
        let long = "x".repeat(200);
        let err = decode_text::<Point>("p.json", &format!(r#"{{"lat": "{long}", "tags": []}}"#))
            .unwrap_err();
        assert!(err.to_string().len() < 140, "{err}");
        assert!(quote(&long).ends_with("…\""));
    }
}
