//! Identifiers of articles and partners, safe to put in a URL and a file name.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An article or partner id: 1 to 100 ASCII letters, digits, `-` or `_`.
///
/// Ids become file names (`/data/articles/{id}.json`) and URL segments, so
/// anything else (a `/`, `..`, spaces) is refused rather than escaped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(String);

impl Id {
    pub fn parse(text: &str) -> Option<Self> {
        let ok = (1..=100).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Id::parse(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&text),
                &crate::json::ID_RULE,
            )
        })
    }
}

/// The ids of one list seen so far, each with where it was first used, to
/// find an id listed twice. Ids equal but for ASCII case count as the same:
/// they name the same file or page on a case-insensitive host
/// (`Hirakata.html` and `hirakata.html`).
#[derive(Debug, Clone, Default)]
pub struct SeenIds {
    /// By the id in lower case: the id as first given, and where.
    first: HashMap<String, (Id, String)>,
}

impl SeenIds {
    /// Notes `id` as used at `place` (`articles[3]`); when it was used
    /// before, it is not noted again and the answer is the problem naming
    /// the first use.
    pub fn first_use(&mut self, id: &Id, place: &str) -> Result<(), crate::error::Problem> {
        let key = id.as_str().to_ascii_lowercase();
        match self.first.get(&key) {
            Some((first_id, first_place)) => Err(crate::error::Problem::Duplicate {
                first: if first_id == id {
                    first_place.clone()
                } else {
                    format!("{first_place} (\"{first_id}\")")
                },
            }),
            None => {
                self.first.insert(key, (id.clone(), place.to_owned()));
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_ids() {
        for text in ["595305", "minsk-sovetsky", "a_b"] {
            assert_eq!(
                Id::parse(text).map(|id| id.to_string()),
                Some(text.to_owned())
            );
        }
    }

    #[test]
    fn refuses_what_could_escape_a_path_or_url() {
        for text in ["", "../cities", "a/b", "a b", "ü", "a?b", &"x".repeat(101)] {
            assert_eq!(Id::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn an_id_seen_before_in_any_case_names_its_first_use() {
        let id = |text: &str| Id::parse(text).unwrap();
        let mut seen = SeenIds::default();
        assert!(seen.first_use(&id("Hirakata"), "partners[0]").is_ok());
        assert!(seen.first_use(&id("sopot"), "partners[1]").is_ok());
        let first = |problem| match problem {
            crate::error::Problem::Duplicate { first } => first,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            first(seen.first_use(&id("Hirakata"), "partners[2]").unwrap_err()),
            "partners[0]"
        );
        assert_eq!(
            first(seen.first_use(&id("HIRAKATA"), "partners[3]").unwrap_err()),
            "partners[0] (\"Hirakata\")"
        );
    }
}
