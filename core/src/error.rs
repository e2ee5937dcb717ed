//! The error a reader (and the editor behind them) sees for bad data.
//!
//! A [`DataError`] names the file and the field path verbatim and says what
//! is wrong as a [`Problem`]: a value, not a sentence, so the app can say it
//! in the reader's language. `Display` gives the English sentence, for the
//! console and the publish command.

use std::fmt;

/// What is wrong with one data file, said so that an editor can find it:
/// the file, the path of the field inside it, and the problem.
///
/// Displayed as `cities.json: partners[3].lat: expected a number, found string "north"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file as the newsroom knows it, relative to `/data/`.
    pub file: String,
    /// The field path inside the file (`partners[3].lat`); empty when the
    /// whole file is at fault (not JSON at all).
    pub path: String,
    pub problem: Problem,
}

impl DataError {
    pub fn new(file: &str, path: impl Into<String>, problem: Problem) -> Self {
        Self {
            file: file.to_owned(),
            path: path.into(),
            problem,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.problem)
        }
    }
}

impl std::error::Error for DataError {}

/// An entry of a list that was left off (a partner, an entry of the
/// column), or one of its fields that was not used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryNotice {
    /// The entry's id, when it had a readable one.
    pub id: Option<String>,
    pub error: DataError,
    /// `true` when the whole entry was left off; `false` when only the
    /// field named in `error` was (a partner's unreadable `since`).
    pub left_off: bool,
}

impl fmt::Display for EntryNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} ({id})", self.error),
            None => write!(f, "{}", self.error),
        }
    }
}

/// What is wrong with a value. Values quoted from the data (`found`) are
/// kept verbatim, already quoted as JSON shows them (`"north"`, `5`);
/// everything else is said by whoever shows the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON at all (or not well-formed) at this line and column.
    NotJson { line: usize, column: usize },
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// A web page came where JSON was expected (a misconfigured server).
    Html,
    /// Nested deeper than any data file needs.
    TooDeep,
    /// A number too large to be read.
    NumberTooLarge,
    /// A required field is absent.
    Missing,
    /// A value of the wrong JSON type.
    WrongType { expected: Expected, found: Found },
    /// A value of the right type that does not follow its rule.
    Invalid { expected: Expected, found: String },
    /// A number outside its allowed range.
    OutOfRange {
        min: String,
        max: String,
        found: String,
    },
    /// A word that is not one of the allowed ones.
    Unknown {
        found: String,
        allowed: Vec<&'static str>,
    },
    /// An id used before (the same, or the same but for ASCII case), at
    /// the path given (`partners[0]`, with that id quoted when its case
    /// differs: `partners[0] ("Hirakata")`).
    Duplicate { first: String },
    /// A text the reader must see is empty.
    Empty,
    /// An article whose `id` is not its file's name.
    IdMismatch { expected: String, found: String },
    /// An id the data layout keeps for itself (`index`).
    Reserved { found: String },
    /// A block of a kind this app does not know; it is skipped.
    UnknownKind { found: String },
    /// An image that is not a path on this site; it is never requested.
    NotSameSite { found: String },
    /// Not one of the app's routes.
    NotARoute { found: String },
    /// The column lists an article whose file is missing.
    ArticleMissing,
    /// Anything else, in the decoder's own (English) words.
    Other(String),
}

/// What a value should have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    WholeNumber,
    /// A whole number, 0 or more.
    Count,
    Boolean,
    List,
    Object,
    /// An object of texts keyed by language, with at least one.
    LocalizedText,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    Date,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    DateOrYear,
    /// 1 to 100 ASCII letters, digits, `-` or `_`.
    Id,
    /// Anything else, in serde's words.
    Other(String),
}

/// What a value of the wrong type was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: JsonKind,
    /// The value itself as the data has it (`"north"`, `5`), when short.
    pub literal: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Boolean,
    Number,
    Text,
    List,
    Object,
    Other,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotJson { line, column } => {
                write!(f, "not valid JSON (at line {line}, column {column})")
            }
            Problem::NotUtf8 => f.write_str("not valid UTF-8 text"),
            Problem::Html => {
                f.write_str("the server sent a web page (HTML) where JSON was expected")
            }
            Problem::TooDeep => f.write_str("nested too deeply to be read"),
            Problem::NumberTooLarge => f.write_str("a number too large to be read"),
            Problem::Missing => f.write_str("is missing"),
            Problem::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            Problem::Invalid { expected, found } => write!(f, "expected {expected}, found {found}"),
            Problem::OutOfRange { min, max, found } => {
                write!(f, "{found} is outside {min} to {max}")
            }
            Problem::Unknown { found, allowed } => write!(
                f,
                "unknown value {found}, expected one of {}",
                allowed.join(", ")
            ),
            Problem::Duplicate { first } => write!(f, "duplicate id, first used by {first}"),
            Problem::Empty => f.write_str("is empty"),
            Problem::IdMismatch { expected, found } => write!(
                f,
                "expected {expected}, the name of the file, found {found}"
            ),
            Problem::Reserved { found } => {
                write!(f, "{found} is kept for the column file, not an article id")
            }
            Problem::UnknownKind { found } => write!(f, "unknown kind {found}, skipped"),
            Problem::NotSameSite { found } => write!(
                f,
                "expected a path on this site such as \"/data/img/x.jpg\", found {found}; not shown"
            ),
            Problem::NotARoute { found } => write!(
                f,
                "expected a page of the app such as \"/partners\", found {found}"
            ),
            Problem::ArticleMissing => f.write_str("its article file is missing"),
            Problem::Other(text) => f.write_str(text),
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Text => "a string",
            Expected::Number => "a number",
            Expected::WholeNumber => "a whole number",
            Expected::Count => "a whole number, 0 or more",
            Expected::Boolean => "true or false",
            Expected::List => "a list",
            Expected::Object => "an object",
            Expected::LocalizedText => {
                "an object of texts keyed by language, such as {\"ja\": \"…\"}"
            }
            Expected::Date => "a date as YYYY-MM-DD or YYYY-MM",
            Expected::DateOrYear => "a date as YYYY-MM-DD, YYYY-MM or YYYY",
            Expected::Id => "an id of 1 to 100 letters, digits, '-' or '_'",
            Expected::Other(text) => text,
        })
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.literal, self.kind) {
            (Some(literal), kind) => write!(f, "{} {literal}", kind.noun()),
            (None, JsonKind::Null) => f.write_str("null"),
            (None, kind) => write!(f, "{}", kind.with_article()),
        }
    }
}

impl JsonKind {
    fn noun(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "boolean",
            JsonKind::Number => "number",
            JsonKind::Text => "string",
            JsonKind::List => "list",
            JsonKind::Object => "object",
            JsonKind::Other => "value",
        }
    }

    fn with_article(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::Text => "a string",
            JsonKind::List => "a list",
            JsonKind::Object => "an object",
            JsonKind::Other => "another value",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_file_path_problem() {
        let e = DataError::new(
            "cities.json",
            "partners[3].lat",
            Problem::WrongType {
                expected: Expected::Number,
                found: Found {
                    kind: JsonKind::Text,
                    literal: Some("\"north\"".into()),
                },
            },
        );
        assert_eq!(
            e.to_string(),
            r#"cities.json: partners[3].lat: expected a number, found string "north""#
        );
        let whole = DataError::new("cities.json", "", Problem::NotUtf8);
        assert_eq!(whole.to_string(), "cities.json: not valid UTF-8 text");
    }
}
