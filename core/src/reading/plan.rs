//! What reading aloud says, in order: the title, then the body's headings
//! and paragraphs, one sentence at a time, each with its place on the page.

use super::sentences::{is_spoken, split_sentences};
use crate::article::{Article, Block};

/// A part of the article that is read: its title or one of its blocks (by
/// the block's index in `Article::blocks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Title,
    Block(usize),
}

/// A sentence's place: its part and its index among that part's sentences
/// (as `split_sentences` cuts the part's text, which the view shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceKey {
    pub part: Part,
    pub sentence: usize,
}

impl Part {
    /// As the page marks it (`data-part`): `t` for the title, `b3` for block 3.
    pub fn to_attr(self) -> String {
        match self {
            Part::Title => "t".to_owned(),
            Part::Block(index) => format!("b{index}"),
        }
    }

    /// Reads a `data-part` value; anything else is `None`.
    pub fn parse_attr(text: &str) -> Option<Self> {
        match text {
            "t" => Some(Part::Title),
            _ => text.strip_prefix('b')?.parse().ok().map(Part::Block),
        }
    }
}

impl SentenceKey {
    /// As the page marks it (`data-sentence`): `b3.1` for block 3's second sentence.
    pub fn to_attr(self) -> String {
        format!("{}.{}", self.part.to_attr(), self.sentence)
    }
}

/// The language to speak an article in, with a region as speech voices
/// are named (`ja` → `ja-JP`); Japanese when the article does not say.
pub fn speech_lang(article_lang: Option<&str>) -> String {
    let lang = article_lang
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .unwrap_or("ja");
    match lang {
        "ja" => "ja-JP".to_owned(),
        "zh" | "zh-Hans" => "zh-CN".to_owned(),
        "zh-Hant" => "zh-TW".to_owned(),
        "en" => "en-US".to_owned(),
        other => other.to_owned(),
    }
}

/// Whether a voice (its `lang`, `ja-JP` or `ja_JP`) speaks `lang`'s language.
pub fn voice_speaks(voice_lang: &str, lang: &str) -> bool {
    crate::language::same_language(voice_lang, lang)
}

/// The sentences to say, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadingPlan {
    sentences: Vec<(SentenceKey, String)>,
}

impl ReadingPlan {
    pub fn for_article(article: &Article) -> Self {
        let mut plan = Self::default();
        plan.add(Part::Title, &article.title);
        for (index, block) in article.blocks.iter().enumerate() {
            if let Block::Paragraph { text } | Block::Heading { text } = block {
                plan.add(Part::Block(index), text);
            }
        }
        plan
    }

    fn add(&mut self, part: Part, text: &str) {
        for (sentence, range) in split_sentences(text).into_iter().enumerate() {
            let said = text[range].trim();
            if is_spoken(said) {
                self.sentences
                    .push((SentenceKey { part, sentence }, said.to_owned()));
            }
        }
    }

    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The sentence at `index`: its place and its text.
    pub fn get(&self, index: usize) -> Option<(SentenceKey, &str)> {
        self.sentences
            .get(index)
            .map(|(key, text)| (*key, text.as_str()))
    }

    /// Where reading starts for a part the reader chose: its first sentence,
    /// or the next part's if it has none (an image).
    pub fn start_of(&self, part: Part) -> Option<usize> {
        self.sentences.iter().position(|(key, _)| key.part >= part)
    }

    /// The first sentence of the part after the one at `index`.
    pub fn next_part(&self, index: usize) -> Option<usize> {
        let (current, _) = self.sentences.get(index)?;
        let from = index + 1;
        self.sentences[from..]
            .iter()
            .position(|(key, _)| key.part != current.part)
            .map(|i| from + i)
    }

    /// The first sentence of the part at `index` if reading is past it,
    /// else of the part before.
    pub fn previous_part(&self, index: usize) -> Option<usize> {
        let (current, _) = self.sentences.get(index)?;
        let start = self.start_of(current.part)?;
        if start < index {
            return Some(start);
        }
        let (before, _) = self.sentences.get(start.checked_sub(1)?)?;
        self.start_of(before.part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::IsoDate;
    use crate::id::Id;

    fn article() -> Article {
        Article {
            id: Id::parse("1").unwrap(),
            lang: None,
            title: "長寧の交流".into(),
            published: IsoDate::parse("2021-10-01").unwrap(),
            views: None,
            breadcrumbs: Vec::new(),
            partners: Vec::new(),
            blocks: vec![
                Block::Paragraph {
                    text: "一つ目。二つ目。".into(),
                },
                Block::Image {
                    src: "/a.png".into(),
                    alt: "写真".into(),
                    caption: None,
                },
                Block::Heading {
                    text: "見出し".into(),
                },
                Block::Paragraph {
                    text: "。」".into(),
                },
                Block::Paragraph {
                    text: "最後。".into(),
                },
            ],
            notices: Vec::new(),
        }
    }

    fn keys(plan: &ReadingPlan) -> Vec<(Part, usize, &str)> {
        (0..plan.len())
            .filter_map(|i| plan.get(i))
            .map(|(k, t)| (k.part, k.sentence, t))
            .collect()
    }

    #[test]
    fn the_title_then_headings_and_paragraphs_sentence_by_sentence() {
        assert_eq!(
            keys(&ReadingPlan::for_article(&article())),
            [
                (Part::Title, 0, "長寧の交流"),
                (Part::Block(0), 0, "一つ目。"),
                (Part::Block(0), 1, "二つ目。"),
                (Part::Block(2), 0, "見出し"),
                (Part::Block(4), 0, "最後。"),
            ]
        );
    }

    #[test]
    fn a_chosen_part_starts_at_its_first_sentence_or_the_next_one() {
        let plan = ReadingPlan::for_article(&article());
        assert_eq!(plan.start_of(Part::Block(0)), Some(1));
        assert_eq!(plan.start_of(Part::Block(1)), Some(3)); // the image: the heading after it
        assert_eq!(plan.start_of(Part::Block(4)), Some(4));
        assert_eq!(plan.start_of(Part::Block(9)), None);
    }

    #[test]
    fn speech_is_in_the_articles_language_with_a_region() {
        assert_eq!(speech_lang(None), "ja-JP");
        assert_eq!(speech_lang(Some("ja")), "ja-JP");
        assert_eq!(speech_lang(Some(" ")), "ja-JP");
        assert_eq!(speech_lang(Some("zh")), "zh-CN");
        assert_eq!(speech_lang(Some("pt-BR")), "pt-BR");
        assert!(voice_speaks("ja-JP", "ja-JP"));
        assert!(voice_speaks("ja_JP", "ja-JP"));
        assert!(!voice_speaks("en-US", "ja-JP"));
        assert!(!voice_speaks("", "ja-JP"));
    }

    #[test]
    fn parts_and_sentences_are_marked_on_the_page() {
        assert_eq!(Part::Title.to_attr(), "t");
        assert_eq!(Part::Block(12).to_attr(), "b12");
        for part in [Part::Title, Part::Block(0), Part::Block(12)] {
            assert_eq!(Part::parse_attr(&part.to_attr()), Some(part));
        }
        for bad in ["", "b", "bx", "b-1", "x3", "t0"] {
            assert_eq!(Part::parse_attr(bad), None, "{bad}");
        }
        let key = SentenceKey {
            part: Part::Block(3),
            sentence: 1,
        };
        assert_eq!(key.to_attr(), "b3.1");
    }

    #[test]
    fn next_and_previous_move_by_part() {
        let plan = ReadingPlan::for_article(&article());
        assert_eq!(plan.next_part(0), Some(1));
        assert_eq!(plan.next_part(1), Some(3));
        assert_eq!(plan.next_part(2), Some(3));
        assert_eq!(plan.next_part(4), None);
        // Back to the start of the paragraph being read, then to the one before.
        assert_eq!(plan.previous_part(2), Some(1));
        assert_eq!(plan.previous_part(1), Some(0));
        assert_eq!(plan.previous_part(0), None);
    }
}
