//! Text from data as XML 1.0 allows it, for the feed and the sitemap. JSON
//! can carry any character (`\u0000`, `\u000b` from Word's line break,
//! `\uffff`); XML only those of its `Char` production, and a feed with any
//! other is not well-formed: readers refuse all of it.

/// Whether XML 1.0 allows `c` (`Char`: #x9 | #xA | #xD | [#x20-#xD7FF] |
/// [#xE000-#xFFFD] | [#x10000-#x10FFFF]).
pub fn xml_allows(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The texts that went into one XML file, with what was taken out of them.
pub struct XmlTexts<'n> {
    /// The file they go into (`feed.xml`).
    file: &'static str,
    notes: &'n mut Vec<String>,
}

impl<'n> XmlTexts<'n> {
    pub fn new(file: &'static str, notes: &'n mut Vec<String>) -> Self {
        Self { file, notes }
    }

    /// `text` with every character XML does not allow taken out: a
    /// vertical tab or form feed (line breaks in word processors) becomes a
    /// space, any other is dropped. When any was, a note names the text's
    /// place (`articles/index.json: articles[2].title`) and the characters.
    pub fn text(&mut self, text: &str, place: impl FnOnce() -> String) -> String {
        if text.chars().all(xml_allows) {
            return text.to_owned();
        }
        let mut taken: Vec<char> = Vec::new();
        let kept: String = text
            .chars()
            .filter_map(|c| {
                if xml_allows(c) {
                    return Some(c);
                }
                if !taken.contains(&c) {
                    taken.push(c);
                }
                matches!(c, '\u{B}' | '\u{C}').then_some(' ')
            })
            .collect();
        let taken: Vec<String> = taken
            .iter()
            .map(|&c| format!("U+{:04X}", u32::from(c)))
            .collect();
        self.notes.push(format!(
            "{}: {} taken out for {} (XML does not allow them; U+000B and U+000C become spaces)",
            place(),
            taken.join(", "),
            self.file
        ));
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_xml_does_not_allow_is_taken_out_and_named() {
        let mut notes = Vec::new();
        let mut texts = XmlTexts::new("feed.xml", &mut notes);
        let place = || "articles/index.json: articles[0].title".to_owned();
        assert_eq!(texts.text("長寧\u{B}区\u{0}は\u{FFFF}", place), "長寧 区は");
        assert_eq!(
            texts.text("tab\tand\r\nline 𝄞", place),
            "tab\tand\r\nline 𝄞"
        );
        assert_eq!(texts.text("\u{FFFE}\u{1}\u{C}", place), " ");
        assert_eq!(
            notes,
            [
                "articles/index.json: articles[0].title: U+000B, U+0000, U+FFFF taken out for feed.xml (XML does not allow them; U+000B and U+000C become spaces)",
                "articles/index.json: articles[0].title: U+FFFE, U+0001, U+000C taken out for feed.xml (XML does not allow them; U+000B and U+000C become spaces)",
            ]
        );
    }

    #[test]
    fn the_allowed_characters_are_the_char_production() {
        for c in ['\u{8}', '\u{B}', '\u{C}', '\u{1F}', '\u{FFFE}', '\u{FFFF}'] {
            assert!(!xml_allows(c), "{c:?}");
        }
        for c in [
            '\t',
            '\n',
            '\r',
            ' ',
            '\u{D7FF}',
            '\u{E000}',
            '\u{FDD0}',
            '\u{FFFD}',
            '\u{10000}',
            '\u{10FFFF}',
        ] {
            assert!(xml_allows(c), "{c:?}");
        }
    }
}
