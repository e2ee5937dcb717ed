//! Making an article's readings at publish time: a morphological analyser
//! (MeCab, run by `cargo xtask publish`) splits each text into words with
//! their readings, the newsroom's dictionary (`data/readings.json`) names
//! the proper nouns it gets wrong, and this module decides what is shown
//! above which characters.
//!
//! Only words with kanji get a reading, and only over their kanji: the kana
//! of a word (okurigana, as in 取り組み) stay outside the ruby. Numbers,
//! kana and Latin letters are never annotated.

use super::dictionary::Dictionary;
use super::ruby::{is_kana, ReadingsFile, TextReadings};
use crate::article::{Article, Block};
use crate::language::same_language;

/// A word as the analyser found it, with its reading (katakana or
/// hiragana) when it knows one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub surface: String,
    pub reading: Option<String>,
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
    let mut annotate_piece = |out: &mut Vec<_>, start: usize, end: usize, chars_before: usize| {
        if start < end {
            out.extend(
                analysed(&text[start..end], analyse)
                    .into_iter()
                    .map(|(s, e, r)| (chars_before + s, chars_before + e, r)),
            );
        }
    };
    for (range, word, reading) in dictionary.words_in(text) {
        annotate_piece(&mut out, piece_start, range.start, chars_before);
        chars_before += text[piece_start..range.start].chars().count();
        // The newsroom's reading, over the word's kanji only (its
        // okurigana stay outside, as for the analyser's words).
        out.extend(
            align(word, reading)
                .into_iter()
                .map(|(s, e, r)| (chars_before + s, chars_before + e, r)),
        );
        chars_before += word.chars().count();
        piece_start = range.end;
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
    let mut chars_at = 0; // characters before `at`
    for token in analyse(piece) {
        let Some(offset) = piece[at..].find(&token.surface) else {
            break;
        };
        let start = at + offset;
        let chars_before = chars_at + piece[at..start].chars().count();
        at = start + token.surface.len();
        chars_at = chars_before + token.surface.chars().count();
        let Some(reading) = token.reading.as_deref().filter(|r| is_kana(r)) else {
            continue;
        };
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
    // The word as runs: kanji (to be read) or other characters (to match),
    // the latter as they are found in a reading (in hiragana).
    let mut runs: Vec<WordRun> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if run.kana.is_none() == is_kanji(c) => {
                run.chars.end = i + 1;
                if let Some(kana) = &mut run.kana {
                    kana.push(hiragana_char(c));
                }
            }
            _ => runs.push(WordRun {
                chars: i..i + 1,
                kana: (!is_kanji(c)).then(|| hiragana_char(c).to_string()),
            }),
        }
    }
    if let Some(found) = match_runs(&runs, reading) {
        return found;
    }
    if reading == to_hiragana(surface) {
        return Vec::new();
    }
    vec![(0, chars.len(), reading.to_owned())]
}

/// A run of a word's characters: kanji, or other characters (`kana`, as
/// they read in hiragana).
struct WordRun {
    chars: std::ops::Range<usize>,
    kana: Option<String>,
}

/// The word's runs matched against the reading: other characters must be in
/// the reading as they are, and each run of kanji takes one or more
/// characters, the fewest that let the rest match. The runs alternate, so
/// the rest after a kanji run is its kana and then another kanji run (or
/// the end); where that kanji run may start is an interval from the start
/// of the reading, so one pass from the end finds the latest start of each
/// kanji run, and one from the start the fewest characters each takes:
/// linear in the reading (each search goes over a part of it that no other
/// search does), where trying every length was exponential in the runs.
fn match_runs(runs: &[WordRun], reading: &str) -> Option<Vec<(usize, usize, String)>> {
    let end = reading.len();
    // latest[r]: for a kanji run, the last byte it may start at with the
    // runs from it on still matching the rest of the reading.
    let mut latest: Vec<Option<usize>> = vec![None; runs.len()];
    // Whether the runs from `r` on match the reading from byte `at`, when
    // run `r` is a kanji run or past the end.
    let fits = |latest: &[Option<usize>], r: usize, at: usize| match latest.get(r) {
        Some(last) => last.is_some_and(|last| at <= last),
        None => at == end,
    };
    for r in (0..runs.len()).rev() {
        if runs[r].kana.is_some() {
            continue;
        }
        // The last place the rest may start (this run then ends there).
        let rest_start = match runs.get(r + 1).and_then(|run| run.kana.as_deref()) {
            None => Some(end),
            Some(kana) if r + 2 == runs.len() => reading.ends_with(kana).then(|| end - kana.len()),
            Some(kana) => latest[r + 2].and_then(|last| reading[..last].rfind(kana)),
        };
        // One character before it, at least.
        latest[r] = rest_start
            .filter(|&start| start > 0)
            .and_then(|start| reading[..start].char_indices().next_back())
            .map(|(i, _)| i);
    }
    let mut found = Vec::new();
    let mut at = 0;
    for (r, run) in runs.iter().enumerate() {
        match &run.kana {
            Some(kana) => {
                if !reading[at..].starts_with(kana.as_str()) {
                    return None;
                }
                at += kana.len();
            }
            None => {
                if !fits(&latest, r, at) {
                    return None;
                }
                // The first place after `at` where the rest fits.
                let first = at + reading[at..].chars().next()?.len_utf8();
                let rest_start = match runs.get(r + 1).and_then(|run| run.kana.as_deref()) {
                    None => end,
                    Some(kana) if r + 2 == runs.len() => end - kana.len(),
                    Some(kana) => first + reading[first..].find(kana)?,
                };
                found.push((
                    run.chars.start,
                    run.chars.end,
                    reading[at..rest_start].to_owned(),
                ));
                at = rest_start;
            }
        }
    }
    (at == end).then_some(found)
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
    fn a_word_of_many_kanji_and_kana_runs_is_matched_at_once() {
        // Twenty and two hundred kanji–kana pairs whose kana cannot all be
        // matched (the reading has no い): the whole reading over the word.
        for pairs in [20, 200] {
            let word = "漢あ".repeat(pairs) + "漢い";
            let reading = "あ".repeat(80);
            assert_eq!(align(&word, &reading), [(0, pairs * 2 + 2, reading)]);
        }
        // And where they can: each kanji its own reading.
        let word = "漢あ".repeat(200);
        let spans = align(&word, &"かあ".repeat(200));
        assert_eq!(spans.len(), 200);
        assert!(spans.iter().all(|(s, e, r)| e - s == 1 && r == "か"));
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
