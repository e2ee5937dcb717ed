//! A text as the article body shows it: sentences (to highlight the one
//! read aloud), in them partner names as links, and in those the readings
//! of words (furigana).

use std::ops::Range;

use super::ruby::RubySpan;
use super::sentences::split_sentences;
use crate::id::Id;

/// One sentence of a text, in runs of plain text and partner links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'t> {
    pub runs: Vec<Run<'t>>,
}

/// Text that is a partner's name (a link) or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'t> {
    pub partner: Option<Id>,
    pub pieces: Vec<Piece<'t>>,
}

/// A piece of text, with its reading where it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'t> {
    pub text: &'t str,
    pub reading: Option<&'t str>,
}

impl Sentence<'_> {
    /// The sentence's text as the article has it (no readings).
    pub fn text(&self) -> String {
        self.runs
            .iter()
            .flat_map(|run| run.pieces.iter().map(|piece| piece.text))
            .collect()
    }
}

/// Splits `text` into sentences, partner links (`links`: byte ranges in
/// order) and readings (`ruby`, in order). A reading that would cross a
/// sentence's or a link's edge is left out, so the text always reads the
/// same with readings on or off; so is a link or a reading that starts
/// before the one kept ahead of it ends (out of order, or overlapping).
///
/// Linear in the text, the links and the readings: each sentence looks only
/// at the links and readings inside it, found by binary search.
pub fn compose<'t>(
    text: &'t str,
    links: &[(Range<usize>, Id)],
    ruby: &'t [RubySpan],
) -> Vec<Sentence<'t>> {
    let sentences = split_sentences(text);
    let links: Vec<&(Range<usize>, Id)> =
        in_order(links.iter().filter(|(r, _)| r.start < r.end), |(r, _)| r);
    // Edges that a reading may not cross, in order.
    let mut edges: Vec<usize> = sentences.iter().map(|s| s.end).collect();
    edges.extend(links.iter().flat_map(|(r, _)| [r.start, r.end]));
    edges.sort_unstable();
    let crosses_an_edge = |r: &RubySpan| {
        let next = edges.partition_point(|&e| e <= r.start);
        edges.get(next).is_some_and(|&e| e < r.end)
    };
    let ruby = ruby
        .iter()
        .filter(|r| r.start < r.end && r.end <= text.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .filter(|r| !crosses_an_edge(r));
    let ruby: Vec<&RubySpan> = in_order(ruby, |r| r.start..r.end);
    sentences
        .into_iter()
        .map(|sentence| Sentence {
            runs: runs(text, sentence, &links)
                .into_iter()
                .map(|(range, partner)| Run {
                    partner,
                    pieces: pieces(text, range, &ruby),
                })
                .collect(),
        })
        .collect()
}

/// The items whose range starts where the one kept before it ends, or
/// later: in order and without overlaps, so that a binary search finds them.
fn in_order<'a, T: 'a, R: std::borrow::Borrow<Range<usize>>>(
    items: impl IntoIterator<Item = &'a T>,
    range: impl Fn(&'a T) -> R,
) -> Vec<&'a T> {
    let mut end = 0;
    items
        .into_iter()
        .filter(|item| {
            let r = range(item);
            let r = r.borrow();
            let keep = end <= r.start;
            if keep {
                end = r.end;
            }
            keep
        })
        .collect()
}

/// The sentence's byte range cut at link edges, each part with its link.
fn runs(
    text: &str,
    sentence: Range<usize>,
    links: &[&(Range<usize>, Id)],
) -> Vec<(Range<usize>, Option<Id>)> {
    let mut out = Vec::new();
    let mut at = sentence.start;
    let first = links.partition_point(|(link, _)| link.end <= sentence.start);
    for (link, id) in links[first..]
        .iter()
        .copied()
        .take_while(|(link, _)| link.start < sentence.end)
    {
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
    let first = ruby.partition_point(|r| r.start < range.start);
    for span in ruby[first..]
        .iter()
        .take_while(|r| r.start < range.end)
        .filter(|r| r.end <= range.end)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, word: &str, reading: &str) -> RubySpan {
        let start = text.find(word).unwrap();
        RubySpan {
            start,
            end: start + word.len(),
            reading: reading.to_owned(),
        }
    }

    fn link(text: &str, name: &str, id: &str) -> (Range<usize>, Id) {
        let start = text.find(name).unwrap();
        (start..start + name.len(), Id::parse(id).unwrap())
    }

    /// The sentences as `[link]` and `base(reading)` marks, for reading.
    fn marked(sentences: &[Sentence]) -> Vec<String> {
        sentences
            .iter()
            .map(|s| {
                s.runs
                    .iter()
                    .map(|run| {
                        let inner: String = run
                            .pieces
                            .iter()
                            .map(|p| match p.reading {
                                Some(r) => format!("{}({r})", p.text),
                                None => p.text.to_owned(),
                            })
                            .collect();
                        match &run.partner {
                            Some(id) => format!("[{inner}→{id}]"),
                            None => inner,
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn sentences_hold_links_and_links_hold_readings() {
        let text = "長寧区は枚方市と結ばれた。交流が続く。";
        let ruby = [
            span(text, "長寧", "ちょうねい"),
            span(text, "枚方", "ひらかた"),
            span(text, "交流", "こうりゅう"),
        ];
        let links = [link(text, "枚方市", "hirakata")];
        let sentences = compose(text, &links, &ruby);
        assert_eq!(
            marked(&sentences),
            [
                "長寧(ちょうねい)区は[枚方(ひらかた)市→hirakata]と結ばれた。",
                "交流(こうりゅう)が続く。"
            ]
        );
        assert_eq!(sentences[0].text(), "長寧区は枚方市と結ばれた。");
    }

    #[test]
    fn a_reading_across_a_link_or_sentence_edge_is_left_out() {
        let text = "大阪府枚方市。市民";
        let ruby = [span(text, "府枚", "ふまい"), span(text, "。市", "いち")];
        let links = [link(text, "枚方市", "hirakata")];
        assert_eq!(
            marked(&compose(text, &links, &ruby)),
            ["大阪府[枚方市→hirakata]。", "市民"]
        );
    }

    #[test]
    fn without_links_or_readings_the_text_is_unchanged() {
        let text = "長寧区は、交流を続けた。次。";
        let sentences = compose(text, &[], &[]);
        let joined: String = sentences.iter().map(Sentence::text).collect();
        assert_eq!(joined, text);
        assert_eq!(sentences.len(), 2);
    }

    #[test]
    fn spans_that_do_not_fit_the_text_are_ignored() {
        let text = "長寧";
        let bad = [
            RubySpan {
                start: 1,
                end: 3,
                reading: "x".into(),
            },
            RubySpan {
                start: 0,
                end: 99,
                reading: "y".into(),
            },
        ];
        assert_eq!(marked(&compose(text, &[], &bad)), ["長寧"]);
    }
}
