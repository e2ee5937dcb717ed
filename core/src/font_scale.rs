//! The reader's chosen text size for articles (大 / 中 / 小).

/// Text size of the article body, as the original page's 大 / 中 / 小.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FontScale {
    Large,
    #[default]
    Medium,
    Small,
}

impl FontScale {
    /// In the order the original page showed them: 大 中 小.
    pub const ALL: [FontScale; 3] = [FontScale::Large, FontScale::Medium, FontScale::Small];

    /// The value kept in browser storage and in the `data-font-scale` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            FontScale::Large => "large",
            FontScale::Medium => "medium",
            FontScale::Small => "small",
        }
    }

    /// Reads a stored value; anything unknown (an old or tampered value) is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_storage_text() {
        for scale in FontScale::ALL {
            assert_eq!(FontScale::parse(scale.as_str()), Some(scale));
        }
    }

    #[test]
    fn unknown_stored_values_are_ignored() {
        assert_eq!(FontScale::parse("huge"), None);
        assert_eq!(FontScale::parse(""), None);
    }

    #[test]
    fn medium_is_the_default() {
        assert_eq!(FontScale::default(), FontScale::Medium);
    }
}
