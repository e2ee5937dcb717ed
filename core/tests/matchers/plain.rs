//! The matchers as first written, plain and slow (exponential in a word's
//! runs, quadratic in readings and links), to check that the fast ones
//! give the same on small inputs.

use std::ops::Range;

use reader_core::reading::furigana::{is_kanji, to_hiragana};
use reader_core::reading::inline::{Piece, Run, Sentence};
use reader_core::reading::ruby::RubySpan;
use reader_core::reading::sentences::split_sentences;
use reader_core::Id;

fn hiragana_char(c: char) -> char {
    to_hiragana(&c.to_string()).chars().next().unwrap_or(c)
}

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

pub fn compose<'t>(
    text: &'t str,
    links: &[(Range<usize>, Id)],
    ruby: &'t [RubySpan],
) -> Vec<Sentence<'t>> {
    let sentences = split_sentences(text);
    // Edges that a reading may not cross.
    let mut edges: Vec<usize> = sentences.iter().map(|s| s.end).collect();
    edges.extend(links.iter().flat_map(|(r, _)| [r.start, r.end]));
    let ruby: Vec<&RubySpan> = ruby
        .iter()
        .filter(|r| r.start < r.end && r.end <= text.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .filter(|r| !edges.iter().any(|&e| r.start < e && e < r.end))
        .collect();
    sentences
        .into_iter()
        .map(|sentence| Sentence {
            runs: runs(text, sentence, links)
                .into_iter()
                .map(|(range, partner)| Run {
                    partner,
                    pieces: pieces(text, range, &ruby),
                })
                .collect(),
        })
        .collect()
}

/// The sentence's byte range cut at link edges, each part with its link.
fn runs(
    text: &str,
    sentence: Range<usize>,
    links: &[(Range<usize>, Id)],
) -> Vec<(Range<usize>, Option<Id>)> {
    let mut out = Vec::new();
    let mut at = sentence.start;
    for (link, id) in links {
        let (start, end) = (link.start.max(sentence.start), link.end.min(sentence.end));
        if start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
            || start < at
        {
            continue;
        }
        if at < start {
            out.push((at..start, None));
        }
        out.push((start..end, Some(id.clone())));
        at = end;
    }
    if at < sentence.end {
        out.push((at..sentence.end, None));
    }
    out
}

fn pieces<'t>(text: &'t str, range: Range<usize>, ruby: &[&'t RubySpan]) -> Vec<Piece<'t>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for span in ruby
        .iter()
        .filter(|r| range.start <= r.start && r.end <= range.end)
    {
        if at < span.start {
            out.push(Piece {
                text: &text[at..span.start],
                reading: None,
            });
        }
        out.push(Piece {
            text: &text[span.start..span.end],
            reading: Some(span.reading.as_str()),
        });
        at = span.end;
    }
    if at < range.end {
        out.push(Piece {
            text: &text[at..range.end],
            reading: None,
        });
    }
    out
}
