//! Identifiers of articles and partners, safe to put in a URL and a file name.

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
}
