//! Every matcher over data, fed adversarial repetition: words of many
//! kanji–kana runs, dictionaries and partner names that share their
//! beginnings, texts of one character repeated, a reading at every
//! character and an edge at every other. The sizes are ones at which an
//! exponential matcher (or a quadratic one) would not finish; no time is
//! asserted, the cases simply complete. And the faster matchers give what
//! the plain ones they replaced gave, on small inputs.
//!
//! `cargo xtask fuzz` sets HOSTILE_SCALE to run ten times as many cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::ops::Range;

use common::cases;
use proptest::prelude::*;
use reader_core::linking::{NameMatcher, Segment};
use reader_core::reading::dictionary::decode_dictionary;
use reader_core::reading::furigana::{align, annotate, is_kanji, to_hiragana, Token};
use reader_core::reading::inline::{compose, Piece, Run, Sentence};
use reader_core::reading::ruby::{decode_readings, RubySpan};
use reader_core::reading::sentences::split_sentences;
use reader_core::Id;

#[path = "matchers/plain.rs"]
mod plain;

/// A word of kanji and kana, short enough for trying every length.
fn small_word() -> impl Strategy<Value = String> {
    "[漢字々あいかカx]{0,8}"
}

proptest! {
    #![proptest_config(cases(4_000))]

    /// The one-pass matching of a word's runs gives what trying every
    /// length of every kanji run gives.
    #[test]
    fn matching_a_words_runs_gives_what_trying_every_length_gives(
        word in small_word(), reading in "[あいかうー]{0,10}",
    ) {
        prop_assert_eq!(align(&word, &reading), plain::align(&word, &reading));
    }
}

proptest! {
    #![proptest_config(cases(48))]

    /// Hundreds of kanji–kana pairs, with readings that match them or
    /// almost do (the last kana missing): trying every length would take
    /// longer than the universe has.
    #[test]
    fn a_word_of_many_runs_is_matched_in_one_pass(
        kanji in "[漢字]{1,2}", kana in "[あい]{1,2}", pairs in 1usize..1_500,
        read_as in "[あいか]{1,2}", tail in "[あいう]{0,2}",
    ) {
        let word = format!("{kanji}{kana}").repeat(pairs) + "漢" + &tail;
        let reading = format!("{read_as}{kana}").repeat(pairs) + &read_as;
        for reading in [reading.clone() + &tail, reading] {
            let spans = align(&word, &reading);
            prop_assert!(reads_as(&word, &spans, &reading), "{:?}", spans);
        }
    }
}

/// Whether `spans` over `word` read as `reading`: the whole reading over
/// the whole word, or each kanji run's reading with the kana between.
fn reads_as(word: &str, spans: &[(usize, usize, String)], reading: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    if spans.is_empty() {
        return to_hiragana(word) == reading || !chars.iter().any(|&c| is_kanji(c));
    }
    if spans == [(0, chars.len(), reading.to_owned())] {
        return true;
    }
    let mut read = String::new();
    let mut at = 0;
    for (start, end, part) in spans {
        read.push_str(&to_hiragana(&chars[at..*start].iter().collect::<String>()));
        read.push_str(part);
        at = *end;
    }
    read.push_str(&to_hiragana(&chars[at..].iter().collect::<String>()));
    read == reading
}

proptest! {
    #![proptest_config(cases(24))]

    /// A dictionary of words that all begin alike, over a text of the same
    /// character repeated: found in one pass, longest first.
    #[test]
    fn dictionary_words_sharing_a_beginning_are_found_in_one_pass(
        unit in "[長寧あ]{1,2}", longest in 1usize..300, times in 1usize..60_000,
    ) {
        let entries: Vec<String> = (1..=longest)
            .map(|n| format!("\"{}\": \"あ\"", unit.repeat(n)))
            .collect();
        let dictionary = decode_dictionary(format!("{{{}}}", entries.join(",")))
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let text = unit.repeat(times);
        let found: Vec<(Range<usize>, &str, &str)> = dictionary.words_in(&text).collect();
        let mut at = 0;
        for (range, word, _) in &found {
            prop_assert_eq!(range.start, at, "leftmost, without gaps in a text of words");
            prop_assert_eq!(*word, &text[range.clone()]);
            at = range.end;
        }
        prop_assert_eq!(at, text.len());
        prop_assert_eq!(found.len(), times.div_ceil(longest));
        // And annotated with an analyser that is never needed.
        let spans = annotate(&text, &dictionary, &mut |_| Vec::<Token>::new());
        prop_assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0));
    }

    /// A readings dictionary that gives a word twice, among many: each
    /// word given twice is named.
    #[test]
    fn every_word_given_twice_is_named(words in prop::collection::vec("[長寧枚方]{1,3}", 1..200)) {
        let entries: Vec<String> = words.iter().map(|w| format!("\"{w}\": \"あ\"")).collect();
        let mut distinct = words.clone();
        distinct.sort();
        distinct.dedup();
        let twice = words.len() - distinct.len();
        match decode_dictionary(format!("{{{}}}", entries.join(","))) {
            Ok(_) => prop_assert_eq!(twice, 0),
            Err(errors) => {
                prop_assert_eq!(errors.len(), twice);
                prop_assert!(errors.iter().all(|e| e.to_string().contains("given twice")));
            }
        }
    }

    /// Partner names that all begin alike (`長`, `長長`, … and Latin
    /// `aa…`), over a text of that character repeated.
    #[test]
    fn partner_names_sharing_a_beginning_are_found_without_losing_text(
        unit in "[長a]", longest in 2usize..200, times in 1usize..60_000, gap in "[ 、]?",
    ) {
        let id = Id::parse("p").unwrap();
        let matcher = NameMatcher::new((2..=longest).map(|n| (unit.repeat(n), id.clone())));
        let text = format!("{}{gap}", unit.repeat(times)).repeat(2);
        let segments = matcher.segments(&text);
        let joined: String = segments
            .iter()
            .map(|s| match s { Segment::Text(t) | Segment::Partner { text: t, .. } => *t })
            .collect();
        prop_assert_eq!(joined, text);
    }

    /// Sentences of one mark each, brackets never closed, or closed at once.
    #[test]
    fn sentences_of_repeated_marks_cover_the_text(unit in "[。」「！ .a]{1,3}", times in 1usize..100_000) {
        let text = unit.repeat(times);
        let mut at = 0;
        for range in split_sentences(&text) {
            prop_assert_eq!(range.start, at);
            prop_assert!(range.end > range.start);
            at = range.end;
        }
        prop_assert_eq!(at, text.len());
    }

    /// A reading over every character, a sentence at every other and a
    /// link every few: each reading and link is looked at by its sentence
    /// only.
    #[test]
    fn a_text_dense_with_readings_links_and_sentences_is_composed_in_one_pass(
        times in 1usize..40_000, link_every in 2usize..9,
    ) {
        let text = "長。".repeat(times);
        let (links, ruby) = dense(&text, link_every);
        let sentences = compose(&text, &links, &ruby);
        prop_assert_eq!(sentences.len(), times);
        let joined: String = sentences.iter().map(Sentence::text).collect();
        prop_assert_eq!(joined, text);
    }
}

/// A link over every `every`-th sentence, and a reading over every 長.
fn dense(text: &str, every: usize) -> (Vec<(Range<usize>, Id)>, Vec<RubySpan>) {
    let id = Id::parse("p").unwrap();
    let step = "長。".len();
    let links = (0..text.len() / step)
        .step_by(every)
        .map(|i| (i * step..i * step + "長".len(), id.clone()))
        .collect();
    let ruby = (0..text.len() / step)
        .map(|i| RubySpan {
            start: i * step,
            end: i * step + "長".len(),
            reading: "ちょう".to_owned(),
        })
        .collect();
    (links, ruby)
}

/// Spans in order without overlaps, somewhere in a text of `len` bytes.
fn spans_in_order(len: usize) -> impl Strategy<Value = Vec<Range<usize>>> {
    prop::collection::vec((0..=len, 0..=len), 0..8).prop_map(|mut points| {
        points.sort();
        let mut at = 0;
        points
            .into_iter()
            .filter_map(|(a, b)| {
                let (start, end) = (a.max(at), b.max(a.max(at)));
                (start < end).then(|| {
                    at = end;
                    start..end
                })
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(cases(4_000))]

    /// Links and readings in order (as the linker and the readings file
    /// give them): what looking at every link and reading for every
    /// sentence gave.
    #[test]
    fn composing_gives_what_looking_at_everything_gives(
        (text, links, ruby) in "[長寧。「」a. ]{0,12}".prop_flat_map(|text| {
            let len = text.len();
            (Just(text), spans_in_order(len), spans_in_order(len))
        }),
    ) {
        let id = Id::parse("p").unwrap();
        let links: Vec<(Range<usize>, Id)> = links.into_iter().map(|r| (r, id.clone())).collect();
        let ruby: Vec<RubySpan> = ruby
            .into_iter()
            .map(|r| RubySpan { start: r.start, end: r.end, reading: "あ".to_owned() })
            .collect();
        prop_assert_eq!(compose(&text, &links, &ruby), plain::compose(&text, &links, &ruby));
    }

    /// Readings and links in any order, overlapping, out of the text: the
    /// text still reads the same.
    #[test]
    fn composing_never_loses_or_doubles_text(
        text in "[長寧。「」a. ]{0,12}",
        links in prop::collection::vec((0usize..40, 0usize..40), 0..6),
        ruby in prop::collection::vec((0usize..40, 0usize..40), 0..6),
    ) {
        let id = Id::parse("p").unwrap();
        let links: Vec<(Range<usize>, Id)> = links.into_iter().map(|(a, b)| (a..b, id.clone())).collect();
        let ruby: Vec<RubySpan> = ruby
            .into_iter()
            .map(|(start, end)| RubySpan { start, end, reading: "あ".to_owned() })
            .collect();
        let sentences = compose(&text, &links, &ruby);
        let joined: String = sentences.iter().map(Sentence::text).collect();
        prop_assert_eq!(joined, text);
    }
}

#[test]
fn a_readings_file_with_a_reading_at_every_character_is_read_in_one_pass() {
    let text = "長".repeat(200_000);
    let ruby: Vec<String> = (0..200_000)
        .map(|i| format!("[{i}, {}, \"ちょう\"]", i + 1))
        .collect();
    let file = format!(
        r#"{{"article": "1", "texts": [{{"text": "{text}", "ruby": [{}]}}]}}"#,
        ruby.join(",")
    );
    let readings = decode_readings(&Id::parse("1").unwrap(), file).unwrap();
    let spans = readings.for_text(&text);
    assert_eq!(spans.len(), 200_000);
    let sentences = compose(&text, &[], spans);
    let pieces: usize = sentences
        .iter()
        .flat_map(|s| &s.runs)
        .map(|run: &Run| {
            run.pieces
                .iter()
                .filter(|p: &&Piece| p.reading.is_some())
                .count()
        })
        .sum();
    assert_eq!(pieces, 200_000);
}
