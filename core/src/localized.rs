//! "Localized text": one text in several languages, picked for the reader.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// Text keyed by language tag, in the order the file gives; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalizedText(Vec<(String, String)>);

impl LocalizedText {
    pub fn new(entries: Vec<(String, String)>) -> Option<Self> {
        (!entries.is_empty()).then_some(Self(entries))
    }

    /// The text for `ui_lang`, else `ja`, else `en`, else the first given,
    /// with the language tag it is in (for the `lang` attribute).
    pub fn pick(&self, ui_lang: &str) -> (&str, &str) {
        [ui_lang, "ja", "en"]
            .iter()
            .find_map(|want| self.0.iter().find(|(tag, _)| tag == want))
            .or_else(|| self.0.first())
            .map(|(tag, text)| (text.as_str(), tag.as_str()))
            .unwrap_or(("", ""))
    }

    /// Just the text of [`pick`](Self::pick).
    pub fn text(&self, ui_lang: &str) -> &str {
        self.pick(ui_lang).0
    }

    /// Every text, in every language.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, text)| text.as_str())
    }
}

impl<'de> Deserialize<'de> for LocalizedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = LocalizedText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::json::LOCALIZED_RULE)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((tag, text)) = map.next_entry::<String, String>()? {
                    // An empty text is no text: the next language stands in.
                    if !text.trim().is_empty() {
                        entries.push((tag, text));
                    }
                }
                LocalizedText::new(entries).ok_or_else(|| {
                    serde::de::Error::invalid_length(0, &crate::json::LANGUAGES_RULE)
                })
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(json: &str) -> LocalizedText {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn picks_the_ui_language_first() {
        let t = text(r#"{"ja": "枚方市", "zh": "枚方市", "en": "Hirakata"}"#);
        assert_eq!(t.pick("en"), ("Hirakata", "en"));
        assert_eq!(t.pick("ja"), ("枚方市", "ja"));
    }

    #[test]
    fn falls_back_to_japanese_then_english_then_any() {
        assert_eq!(
            text(r#"{"en": "Sopot", "ja": "ソポト市"}"#).pick("zh"),
            ("ソポト市", "ja")
        );
        assert_eq!(
            text(r#"{"fr": "Papeete", "en": "Papeete EN"}"#).pick("zh"),
            ("Papeete EN", "en")
        );
        assert_eq!(
            text(r#"{"pl": "Sopot", "de": "Zoppot"}"#).pick("ja"),
            ("Sopot", "pl")
        );
    }

    #[test]
    fn an_empty_object_is_refused() {
        let err = serde_json::from_str::<LocalizedText>("{}").unwrap_err();
        assert!(
            err.to_string().contains(crate::json::LANGUAGES_RULE),
            "{err}"
        );
    }

    #[test]
    fn empty_texts_give_way_to_other_languages() {
        assert_eq!(
            text(r#"{"ja": " ", "en": "Sopot"}"#).pick("ja"),
            ("Sopot", "en")
        );
        assert!(serde_json::from_str::<LocalizedText>(r#"{"ja": ""}"#).is_err());
    }

    #[test]
    fn a_non_string_entry_is_refused() {
        assert!(serde_json::from_str::<LocalizedText>(r#"{"ja": 1}"#).is_err());
        assert!(serde_json::from_str::<LocalizedText>(r#""Sopot""#).is_err());
    }
}
