//! Making an article's readings at publish time: a morphological analyser
//! (MeCab, run by `cargo xtask publish`) splits each text into words with
//! their readings, the newsroom's dictionary (`data/readings.json`) names
//! the proper nouns it gets wrong, and this module decides what is shown
//! above which characters.
//!
//! Only words with kanji get a reading, and only over their kanji: the kana
//! of a word (okurigana, as in 取り組み) stay outside the ruby. Numbers,
//! kana and Latin letters are never annotated.

use std::collections::HashMap;

use super::ruby::{is_kana, ReadingsFile, TextReadings};
use crate::article::{Article, Block};
use crate::error::{DataError, Expected, Problem};
use crate::json::{decode_text, quote, utf8_text};
use crate::language::same_language;

/// A word as the analyser found it, with its reading (katakana or
/// hiragana) when it knows one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub surface: String,
    pub reading: Option<String>,
}

/// The newsroom's readings for words the analyser reads wrong
/// (`{"長寧": "ちょうねい"}`); they always win.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dictionary {
    /// By first character, longest word first.
    words: HashMap<char, Vec<(String, String)>>,
}

pub const DICTIONARY_FILE: &str = "readings.json";

impl Dictionary {
    pub fn new<I: IntoIterator<Item = (String, String)>>(entries: I) -> Self {
        let mut words: HashMap<char, Vec<(String, String)>> = HashMap::new();
        for (word, reading) in entries {
            if let Some(first) = word.chars().next() {
                words
                    .entry(first)
                    .or_default()
                    .push((word, to_hiragana(&reading)));
            }
        }
        for list in words.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Self { words }
    }

    /// The longest word starting at byte `at` of `text`, with its reading.
    fn longest_at<'d>(&'d self, text: &str, at: usize) -> Option<(&'d str, &'d str)> {
        let first = text[at..].chars().next()?;
        self.words
            .get(&first)?
            .iter()
            .find(|(word, _)| text[at..].starts_with(word.as_str()))
            .map(|(word, reading)| (word.as_str(), reading.as_str()))
    }
}

/// Reads `data/readings.json`: an object of word → reading in kana.
pub fn decode_dictionary(bytes: impl AsRef<[u8]>) -> Result<Dictionary, DataError> {
    let text = utf8_text(DICTIONARY_FILE, bytes.as_ref())?;
    let raw: std::collections::BTreeMap<String, String> = decode_text(DICTIONARY_FILE, &text)?;
    for (word, reading) in &raw {
        if word.trim().is_empty() {
            return Err(DataError::new(DICTIONARY_FILE, quote(word), Problem::Empty));
        }
        if !is_kana(reading) {
            return Err(DataError::new(
                DICTIONARY_FILE,
                word.clone(),
                Problem::Invalid {
                    expected: Expected::Other("a reading in hiragana or katakana".to_owned()),
                    found: quote(reading),
                },
            ));
        }
    }
    Ok(Dictionary::new(raw))
}

/// Readings over `text`: `(start, end, reading)` in characters. The
/// dictionary's words are taken first (leftmost, longest); the text
/// between them goes to `analyse`, piece by piece.
pub fn annotate(
    text: &str,
    dictionary: &Dictionary,
    analyse: &mut dyn FnMut(&str) -> Vec<Token>,
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut chars_before = 0; // characters before byte `piece_start`
    let mut piece_start = 0;
    let mut at = 0;
    let mut annotate_piece = |out: &mut Vec<_>, start: usize, end: usize, chars_before: usize| {
        if start < end {
            out.extend(
                analysed(&text[start..end], analyse)
                    .into_iter()
                    .map(|(s, e, r)| (chars_before + s, chars_before + e, r)),
            );
        }
    };
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        match dictionary.longest_at(text, at) {
            Some((word, reading)) => {
                annotate_piece(&mut out, piece_start, at, chars_before);
                chars_before += text[piece_start..at].chars().count();
                let length = word.chars().count();
                // The newsroom's reading, over the word's kanji only (its
                // okurigana stay outside, as for the analyser's words).
                out.extend(
                    align(word, reading)
                        .into_iter()
                        .map(|(s, e, r)| (chars_before + s, chars_before + e, r)),
                );
                chars_before += length;
                at += word.len();
                piece_start = at;
            }
            None => at += c.len_utf8(),
        }
    }
    annotate_piece(&mut out, piece_start, text.len(), chars_before);
    out
}

/// Readings of one piece of text from the analyser's words, in characters
/// of the piece. Words are found in the text in order (the analyser drops
/// spaces); a word it cannot place ends the annotation of the piece.
fn analysed(
    piece: &str,
    analyse: &mut dyn FnMut(&str) -> Vec<Token>,
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut at = 0; // bytes
    for token in analyse(piece) {
        let Some(offset) = piece[at..].find(&token.surface) else {
            break;
        };
        let start = at + offset;
        at = start + token.surface.len();
        let Some(reading) = token.reading.as_deref().filter(|r| is_kana(r)) else {
            continue;
        };
        let chars_before = piece[..start].chars().count();
        for (s, e, r) in align(&token.surface, &to_hiragana(reading)) {
            out.push((chars_before + s, chars_before + e, r));
        }
    }
    out
}

/// Which characters of a word get which part of its reading: each run of
/// kanji gets the part of the reading between the word's kana, which are
/// matched in the reading (`取り組み`, `とりくみ` → 取 と, 組 く). A word
/// whose kana cannot be matched gets its whole reading over the whole word,
/// and a word without kanji nothing. Offsets in characters of the word.
pub fn align(surface: &str, reading: &str) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = surface.chars().collect();
    if !chars.iter().any(|&c| is_kanji(c)) {
        return Vec::new();
    }
    // The word as runs: kanji (to be read) or other characters (to match).
    let mut runs: Vec<(bool, usize, usize)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match runs.last_mut() {
            Some((kanji, _, end)) if *kanji == is_kanji(c) => *end = i + 1,
            _ => runs.push((is_kanji(c), i, i + 1)),
        }
    }
    let reading: Vec<char> = reading.chars().collect();
    let literal = |start: usize, end: usize| -> Vec<char> {
        chars[start..end]
            .iter()
            .map(|&c| hiragana_char(c))
            .collect()
    };
    let mut found = Vec::new();
    if match_runs(&runs, 0, &reading, 0, &literal, &mut found) {
        return found
            .into_iter()
            .filter(|(_, _, r): &(usize, usize, String)| !r.is_empty())
            .collect();
    }
    let whole: String = reading.iter().collect();
    if whole == literal(0, chars.len()).into_iter().collect::<String>() {
        return Vec::new();
    }
    vec![(0, chars.len(), whole)]
}

/// Backtracking match of the word's runs against the reading: kanji runs
/// take one or more characters (the shortest that lets the rest match).
fn match_runs(
    runs: &[(bool, usize, usize)],
    run: usize,
    reading: &[char],
    at: usize,
    literal: &dyn Fn(usize, usize) -> Vec<char>,
    found: &mut Vec<(usize, usize, String)>,
) -> bool {
    let Some(&(kanji, start, end)) = runs.get(run) else {
        return at == reading.len();
    };
    if !kanji {
        let text = literal(start, end);
        return reading[at..].starts_with(&text)
            && match_runs(runs, run + 1, reading, at + text.len(), literal, found);
    }
    for take in 1..=reading.len().saturating_sub(at) {
        found.push((start, end, reading[at..at + take].iter().collect()));
        if match_runs(runs, run + 1, reading, at + take, literal, found) {
            return true;
        }
        found.pop();
    }
    false
}

/// Kanji, including the iteration mark 々 and 〆.
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}' | '々' | '〆')
}

/// Katakana to hiragana; anything else unchanged.
pub fn to_hiragana(text: &str) -> String {
    text.chars().map(hiragana_char).collect()
}

fn hiragana_char(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Whether an article is offered furigana: it is written in Japanese (its
/// `lang` is `ja`, `ja-JP`…, or it does not say). Its readings file is
/// published beside it, and asked for only when a reader turns them on.
pub fn offers_furigana(article: &Article) -> bool {
    article
        .lang
        .as_deref()
        .is_none_or(|lang| same_language(lang.trim(), "ja"))
}

/// The readings file of an article: its title, headings, paragraphs and
/// captions, each with the readings `annotate` finds (texts without any
/// are left out).
pub fn readings_for_article(
    article: &Article,
    dictionary: &Dictionary,
    analyse: &mut dyn FnMut(&str) -> Vec<Token>,
) -> ReadingsFile {
    let mut texts: Vec<&str> = vec![article.title.as_str()];
    for block in &article.blocks {
        match block {
            Block::Paragraph { text } | Block::Heading { text } => texts.push(text),
            Block::Image {
                caption: Some(caption),
                ..
            } => texts.push(caption),
            _ => {}
        }
    }
    let mut seen = std::collections::HashSet::new();
    let texts = texts
        .into_iter()
        .filter(|text| seen.insert(*text))
        .map(|text| TextReadings {
            text: text.to_owned(),
            ruby: annotate(text, dictionary, analyse),
        })
        .filter(|entry| !entry.ruby.is_empty())
        .collect();
    ReadingsFile {
        article: article.id.clone(),
        texts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(surface: &str, reading: &str) -> Token {
        Token {
            surface: surface.to_owned(),
            reading: (!reading.is_empty()).then(|| reading.to_owned()),
        }
    }

    /// An analyser that knows a few words, as MeCab with IPADIC reads them.
    fn fake_mecab(piece: &str) -> Vec<Token> {
        let known = [
            ("長", "チョウ"),
            ("寧", "ヤスシ"),
            ("区", "ク"),
            ("は", "ハ"),
            ("枚方", "ヒラカタ"),
            ("市", "シ"),
            ("と", "ト"),
            ("取り組み", "トリクミ"),
            ("を", "ヲ"),
            ("34", ""),
            ("年", "ネン"),
            ("前", "マエ"),
            ("カスジャカ", "カスジャカ"),
            ("行い", "オコナイ"),
            ("Win", ""),
        ];
        let mut out = Vec::new();
        let mut rest = piece;
        while !rest.is_empty() {
            rest = rest.trim_start();
            match known.iter().find(|(w, _)| rest.starts_with(w)) {
                Some((w, r)) => {
                    out.push(token(w, r));
                    rest = &rest[w.len()..];
                }
                None => {
                    let c = rest.chars().next().unwrap();
                    out.push(token(&c.to_string(), ""));
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        out
    }

    fn marked(text: &str, spans: &[(usize, usize, String)]) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut at = 0;
        for (s, e, r) in spans {
            out.extend(&chars[at..*s]);
            out.extend(&chars[*s..*e]);
            out.push_str(&format!("({r})"));
            at = *e;
        }
        out.extend(&chars[at..]);
        out
    }

    #[test]
    fn okurigana_stay_outside_the_ruby() {
        assert_eq!(
            marked("取り組み", &align("取り組み", "とりくみ")),
            "取(と)り組(く)み"
        );
        assert_eq!(marked("行い", &align("行い", "おこない")), "行(おこな)い");
        assert_eq!(
            marked("お知らせ", &align("お知らせ", "おしらせ")),
            "お知(し)らせ"
        );
        assert_eq!(
            marked("長寧", &align("長寧", "ちょうねい")),
            "長寧(ちょうねい)"
        );
    }

    #[test]
    fn numbers_kana_and_latin_are_untouched() {
        assert!(align("34", "さんじゅうよん").is_empty());
        assert!(align("カスジャカ", "かすじゃか").is_empty());
        assert!(align("Win", "うぃん").is_empty());
        assert_eq!(
            marked(
                "34年前にWinを",
                &annotate("34年前にWinを", &Dictionary::default(), &mut fake_mecab)
            ),
            "34年(ねん)前(まえ)にWinを"
        );
    }

    #[test]
    fn kana_that_do_not_match_give_the_whole_word_its_reading() {
        assert_eq!(
            marked("日和る", &align("日和る", "ひよった")),
            "日和る(ひよった)"
        );
    }

    #[test]
    fn the_newsroom_dictionary_wins() {
        let text = "長寧区は枚方市と";
        let plain = annotate(text, &Dictionary::default(), &mut fake_mecab);
        assert_eq!(
            marked(text, &plain),
            "長(ちょう)寧(やすし)区(く)は枚方(ひらかた)市(し)と"
        );
        let dictionary = Dictionary::new([
            ("長寧".to_owned(), "ちょうねい".to_owned()),
            ("枚方市".to_owned(), "ひらかたし".to_owned()),
            ("枚方".to_owned(), "まいかた".to_owned()),
        ]);
        let fixed = annotate(text, &dictionary, &mut fake_mecab);
        // Longest first: 枚方市 rather than 枚方.
        assert_eq!(
            marked(text, &fixed),
            "長寧(ちょうねい)区(く)は枚方市(ひらかたし)と"
        );
    }

    #[test]
    fn the_dictionarys_words_keep_their_okurigana_outside_too() {
        let dictionary = Dictionary::new([
            ("取り組み".to_owned(), "とりくみ".to_owned()),
            ("お台場".to_owned(), "おだいば".to_owned()),
        ]);
        let text = "取り組みはお台場で";
        assert_eq!(
            marked(text, &annotate(text, &dictionary, &mut |_| Vec::new())),
            "取(と)り組(く)みはお台場(だいば)で"
        );
    }

    #[test]
    fn katakana_readings_from_the_dictionary_become_hiragana() {
        let dictionary = Dictionary::new([("長寧".to_owned(), "チョウネイ".to_owned())]);
        assert_eq!(
            marked("長寧", &annotate("長寧", &dictionary, &mut |_| Vec::new())),
            "長寧(ちょうねい)"
        );
    }

    #[test]
    fn the_dictionary_file_is_checked() {
        let dictionary =
            decode_dictionary(r#"{"長寧": "ちょうねい", "枚方": "ひらかた"}"#).unwrap();
        assert_eq!(
            dictionary.longest_at("枚方市", 0),
            Some(("枚方", "ひらかた"))
        );
        let error = decode_dictionary(r#"{"長寧": "chouney"}"#).unwrap_err();
        assert_eq!(
            (error.file.as_str(), error.path.as_str()),
            ("readings.json", "長寧")
        );
        let error = decode_dictionary(r#"{"長寧": 1}"#).unwrap_err();
        assert_eq!(error.path, "長寧");
        assert!(decode_dictionary("[]").is_err());
    }

    #[test]
    fn an_analyser_that_loses_its_place_stops_annotating_that_piece() {
        let mut lost = |_: &str| vec![token("前", "マエ"), token("無い", "ナイ")];
        assert_eq!(
            marked("前に", &annotate("前に", &Dictionary::default(), &mut lost)),
            "前(まえ)に"
        );
    }

    #[test]
    fn furigana_are_offered_for_articles_in_japanese() {
        let article = |lang: &str| {
            let id = crate::Id::parse("1").unwrap();
            let lang = if lang.is_empty() {
                String::new()
            } else {
                format!(r#""lang": "{lang}","#)
            };
            let json = format!(
                r#"{{"id": "1", {lang} "title": "T", "published": "2021-10-14",
                    "views": null, "breadcrumbs": [], "partners": [],
                    "blocks": [{{"kind": "paragraph", "text": "x"}}]}}"#
            );
            crate::decode_article(&id, json).unwrap()
        };
        for lang in ["", "ja", "ja-JP", "JA", "ja_JP", " ja "] {
            assert!(offers_furigana(&article(lang)), "{lang:?}");
        }
        for lang in ["zh", "zh-CN", "en", "jav", "fr-JP"] {
            assert!(!offers_furigana(&article(lang)), "{lang:?}");
        }
    }
}
