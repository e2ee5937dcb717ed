//! Where sentences end in article text, for reading aloud one sentence at
//! a time and highlighting the one being read.

use std::ops::Range;

/// Ends a sentence: Japanese and Chinese full stops and marks, and Latin
/// ones (a Latin `.` only before a space or the end, so `3.5` and `1.2.3` hold).
const ENDS: &[char] = &['。', '．', '！', '？', '!', '?', '｡'];
const OPENING: &[char] = &['「', '『', '（', '(', '【', '〈', '《', '“'];
const CLOSING: &[char] = &['」', '』', '）', ')', '】', '〉', '》', '”'];

/// Splits `text` into sentences: byte ranges that follow one another and
/// cover the whole text. A sentence ends after its full stop (or `！`, `？`)
/// and the closing brackets and spaces that follow it; a full stop inside
/// brackets (`「…。」という`) does not end the sentence around it.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if OPENING.contains(&c) {
            depth += 1;
        } else if CLOSING.contains(&c) {
            depth = depth.saturating_sub(1);
        }
        let latin_stop = c == '.' && chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if depth > 0 || !(ENDS.contains(&c) || latin_stop) {
            continue;
        }
        let mut end = i + c.len_utf8();
        // More marks (`！？`), closing brackets and spaces stay with it.
        while let Some(&(j, next)) = chars.peek() {
            if ENDS.contains(&next) || CLOSING.contains(&next) || next.is_whitespace() {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        out.push(start..end);
        start = end;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether a sentence has anything to say (not only spaces and marks).
pub fn is_spoken(sentence: &str) -> bool {
    sentence.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn japanese_sentences_end_at_their_full_stop() {
        assert_eq!(
            sentences("長寧区は交流を続けた。市内で1位に!今後も努力する"),
            ["長寧区は交流を続けた。", "市内で1位に!", "今後も努力する"]
        );
    }

    #[test]
    fn a_full_stop_in_brackets_stays_in_its_sentence() {
        assert_eq!(
            sentences("「強化する。活性化する。」という主旨だ。次の文。"),
            ["「強化する。活性化する。」という主旨だ。", "次の文。"]
        );
        // The closing bracket after a full stop belongs to its sentence.
        assert_eq!(sentences("彼は「行く。」次だ。"), ["彼は「行く。」次だ。"]);
        assert_eq!(sentences("（注。）本文。"), ["（注。）本文。"]);
    }

    #[test]
    fn marks_and_spaces_after_a_stop_stay_with_it() {
        assert_eq!(sentences("本当か！？ はい。"), ["本当か！？ ", "はい。"]);
    }

    #[test]
    fn latin_stops_need_a_space_after_them() {
        assert_eq!(
            sentences("Version 3.5 is out. Next one! Done"),
            ["Version 3.5 is out. ", "Next one! ", "Done"]
        );
    }

    #[test]
    fn the_ranges_cover_the_whole_text_in_order() {
        for text in [
            "",
            "。",
            "a",
            "「。",
            "」。。",
            "。」「",
            "x.y. z",
            "１／４を占める。２０１９年",
        ] {
            let ranges = split_sentences(text);
            let mut at = 0;
            for r in &ranges {
                assert_eq!(r.start, at, "{text:?}");
                assert!(r.end > r.start, "{text:?}");
                at = r.end;
            }
            assert_eq!(at, text.len(), "{text:?}");
        }
    }

    #[test]
    fn only_sentences_with_words_are_spoken() {
        assert!(is_spoken("長寧。"));
        assert!(is_spoken("2019"));
        assert!(!is_spoken("。」 "));
    }
}
