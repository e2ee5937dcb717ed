//! The newsroom's readings of the words the analyser reads wrong,
//! `data/readings.json` (`{"長寧": "ちょうねい"}`), and finding them in text.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::furigana::to_hiragana;
use super::ruby::is_kana;
use crate::error::{DataError, Expected, Problem};
use crate::json::{decode_text, quote, utf8_text};

pub const DICTIONARY_FILE: &str = "readings.json";

/// The newsroom's readings for words the analyser reads wrong; they always
/// win. Found in text leftmost-longest (`枚方市` over `枚方` where both
/// start) by an Aho-Corasick automaton: one pass over the text, however
/// many words share a beginning.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// Each word once (the first given), with its reading in hiragana, in
    /// the order of the automaton's patterns.
    words: Vec<(String, String)>,
    finder: Option<AhoCorasick>,
}

impl Dictionary {
    /// The dictionary of `entries`; of a word given twice, the first
    /// reading counts. Empty words are left out.
    pub fn new<I: IntoIterator<Item = (String, String)>>(entries: I) -> Self {
        let mut seen = std::collections::HashSet::new();
        let words: Vec<(String, String)> = entries
            .into_iter()
            .filter(|(word, _)| !word.is_empty())
            .filter(|(word, _)| seen.insert(word.clone()))
            .map(|(word, reading)| {
                let reading = to_hiragana(&reading);
                (word, reading)
            })
            .collect();
        let finder = (!words.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(words.iter().map(|(word, _)| word))
                    .ok()
            })
            .flatten();
        Self { words, finder }
    }

    /// Whether words were given but are too many to be searched.
    fn too_large(&self) -> bool {
        !self.words.is_empty() && self.finder.is_none()
    }

    /// The dictionary's words in `text`, leftmost-longest, without
    /// overlaps, in order: byte range, word and reading.
    /// Each word once with its reading, in the order they were given.
    pub fn entries(&self) -> &[(String, String)] {
        &self.words
    }

    pub fn words_in<'d>(
        &'d self,
        text: &str,
    ) -> impl Iterator<Item = (Range<usize>, &'d str, &'d str)> + 'd {
        let found: Vec<(Range<usize>, usize)> = match &self.finder {
            Some(finder) => finder
                .find_iter(text)
                .map(|m| (m.range(), m.pattern().as_usize()))
                .collect(),
            None => Vec::new(),
        };
        found.into_iter().filter_map(move |(range, pattern)| {
            let (word, reading) = self.words.get(pattern)?;
            Some((range, word.as_str(), reading.as_str()))
        })
    }
}

/// Reads `data/readings.json`: an object of word → reading in kana. Every
/// problem is named: an empty word, a reading not in kana, and a word given
/// twice (a JSON reader keeps only one of two equal keys, silently).
pub fn decode_dictionary(bytes: impl AsRef<[u8]>) -> Result<Dictionary, Vec<DataError>> {
    let file = DICTIONARY_FILE;
    let text = utf8_text(file, bytes.as_ref()).map_err(|e| vec![e])?;
    let Entries(entries) = decode_text(file, &text).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (index, (word, reading)) in entries.iter().enumerate() {
        if word.trim().is_empty() {
            errors.push(DataError::new(file, quote(word), Problem::Empty));
        } else if !is_kana(reading) {
            errors.push(DataError::new(
                file,
                word.clone(),
                Problem::Invalid {
                    expected: Expected::Other("a reading in hiragana or katakana".to_owned()),
                    found: quote(reading),
                },
            ));
        }
        if let Some(&earlier) = first.get(word.as_str()) {
            let said = format!(
                "given twice, as entries {} ({}) and {} ({}) of the object: each word appears once",
                earlier + 1,
                quote(&entries[earlier].1),
                index + 1,
                quote(reading)
            );
            errors.push(DataError::new(file, word.clone(), Problem::Other(said)));
        } else {
            first.insert(word, index);
        }
    }
    let dictionary = Dictionary::new(entries.iter().cloned());
    if dictionary.too_large() {
        let said = "too many words to be searched".to_owned();
        errors.push(DataError::new(file, "", Problem::Other(said)));
    }
    if errors.is_empty() {
        Ok(dictionary)
    } else {
        Err(errors)
    }
}

/// The entries of the object in file order, equal keys kept.
struct Entries(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of words and their readings")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, String>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(dictionary: &Dictionary, text: &str) -> Vec<(String, String)> {
        dictionary
            .words_in(text)
            .map(|(range, word, reading)| {
                assert_eq!(&text[range], word);
                (word.to_owned(), reading.to_owned())
            })
            .collect()
    }

    #[test]
    fn the_dictionary_file_is_checked() {
        let dictionary =
            decode_dictionary(r#"{"長寧": "ちょうねい", "枚方": "ヒラカタ"}"#).unwrap();
        assert_eq!(
            words(&dictionary, "枚方市"),
            [("枚方".to_owned(), "ひらかた".to_owned())]
        );
        let errors = decode_dictionary(r#"{"長寧": "chouney", " ": "あ"}"#).unwrap_err();
        let places: Vec<_> = errors
            .iter()
            .map(|e| (e.file.as_str(), e.path.as_str()))
            .collect();
        assert_eq!(
            places,
            [("readings.json", "長寧"), ("readings.json", "\" \"")]
        );
        let error = &decode_dictionary(r#"{"長寧": 1}"#).unwrap_err()[0];
        assert_eq!(error.path, "長寧");
        assert!(decode_dictionary("[]").is_err());
    }

    #[test]
    fn a_word_given_twice_is_named_with_both_entries() {
        let errors = decode_dictionary(
            r#"{"長寧": "ちょうねい", "枚方": "ひらかた", "長寧": "ながやす", "枚方": "まいかた"}"#,
        )
        .unwrap_err();
        let said: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                r#"readings.json: 長寧: given twice, as entries 1 ("ちょうねい") and 3 ("ながやす") of the object: each word appears once"#,
                r#"readings.json: 枚方: given twice, as entries 2 ("ひらかた") and 4 ("まいかた") of the object: each word appears once"#,
            ]
        );
    }

    #[test]
    fn the_longest_word_wins_where_two_start_together() {
        let dictionary = Dictionary::new([
            ("枚方".to_owned(), "まいかた".to_owned()),
            ("枚方市".to_owned(), "ひらかたし".to_owned()),
            ("市民".to_owned(), "しみん".to_owned()),
        ]);
        assert_eq!(
            words(&dictionary, "枚方市民と枚方"),
            [
                ("枚方市".to_owned(), "ひらかたし".to_owned()),
                ("枚方".to_owned(), "まいかた".to_owned()),
            ]
        );
    }
}
