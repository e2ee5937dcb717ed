//! Finding partner names in article text, to link them to the map.

use std::collections::{BTreeSet, HashMap};

use crate::article::{Article, Block};
use crate::cities::Partner;
use crate::id::Id;

/// A piece of text: plain, or a partner's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'t> {
    Text(&'t str),
    Partner { text: &'t str, id: Id },
}

/// Every name and alias of every partner, ready to be found in text.
///
/// Matching is leftmost-longest without overlaps: at each position the
/// longest name that starts there wins (`大阪府枚方市` over `枚方市`), and
/// scanning resumes after it. It works on text without spaces (Japanese);
/// names in Latin letters match only as whole words.
#[derive(Debug, Clone, Default)]
pub struct NameMatcher {
    /// Names by their first character, longest first.
    by_first: HashMap<char, Vec<(String, Id)>>,
}

impl NameMatcher {
    pub fn new<I: IntoIterator<Item = (String, Id)>>(names: I) -> Self {
        let mut by_first: HashMap<char, Vec<(String, Id)>> = HashMap::new();
        for (name, id) in names {
            let name = name.trim().to_owned();
            // One-letter names would link every stray character.
            if name.chars().count() < 2 {
                continue;
            }
            if let Some(first) = name.chars().next() {
                let list = by_first.entry(first).or_default();
                if !list.iter().any(|(n, _)| *n == name) {
                    list.push((name, id));
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Self { by_first }
    }

    /// Names in every language and every alias of each partner.
    pub fn for_partners(partners: &[Partner]) -> Self {
        Self::new(partners.iter().flat_map(|p| {
            p.names
                .all()
                .map(str::to_owned)
                .chain(p.aliases.iter().cloned())
                .map(move |name| (name, p.id.clone()))
                .collect::<Vec<_>>()
        }))
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Splits `text` into plain pieces and partner names.
    pub fn segments<'t>(&self, text: &'t str) -> Vec<Segment<'t>> {
        let mut out = Vec::new();
        let mut plain_start = 0;
        let mut i = 0;
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if let Some((len, id)) = self.longest_at(text, i, c) {
                if plain_start < i {
                    out.push(Segment::Text(&text[plain_start..i]));
                }
                out.push(Segment::Partner {
                    text: &text[i..i + len],
                    id: id.clone(),
                });
                i += len;
                plain_start = i;
            } else {
                i += c.len_utf8();
            }
        }
        if plain_start < text.len() {
            out.push(Segment::Text(&text[plain_start..]));
        }
        out
    }

    fn longest_at(&self, text: &str, at: usize, first: char) -> Option<(usize, &Id)> {
        let candidates = self.by_first.get(&first)?;
        candidates.iter().find_map(|(name, id)| {
            let fits = text[at..].starts_with(name.as_str())
                && whole_word(text, at, at + name.len(), name);
            fits.then_some((name.len(), id))
        })
    }
}

/// Names in Latin letters must not start or end inside a word.
fn whole_word(text: &str, start: usize, end: usize, name: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric();
    let starts_word = name.chars().next().is_some_and(word);
    let ends_word = name.chars().last().is_some_and(word);
    let before_ok = !starts_word || !text[..start].chars().next_back().is_some_and(word);
    let after_ok = !ends_word || !text[end..].chars().next().is_some_and(word);
    before_ok && after_ok
}

/// The partners an article names: its `partners` field, and every partner
/// whose name or alias appears in its text.
pub fn partners_named(article: &Article, matcher: &NameMatcher) -> BTreeSet<Id> {
    let mut ids: BTreeSet<Id> = article.partners.iter().cloned().collect();
    let texts = std::iter::once(article.title.as_str()).chain(article.blocks.iter().filter_map(
        |b| match b {
            Block::Paragraph { text } | Block::Heading { text } => Some(text.as_str()),
            Block::Image { .. } => None,
        },
    ));
    for text in texts {
        for segment in matcher.segments(text) {
            if let Segment::Partner { id, .. } = segment {
                ids.insert(id);
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_names_its_listed_partners_and_those_in_its_text() {
        let text = r#"{"id": "1", "title": "枚方市の話", "published": "2021-10-14",
            "blocks": [{"kind": "paragraph", "text": "パペーテとの交流"}], "partners": ["sopot"]}"#;
        let article = crate::decode_article("a.json", text).unwrap();
        let ids: Vec<String> = partners_named(&article, &matcher())
            .into_iter()
            .map(|i| i.to_string())
            .collect();
        assert_eq!(ids, ["hirakata", "papeete", "sopot"]);
    }

    fn id(s: &str) -> Id {
        Id::parse(s).unwrap()
    }

    fn matcher() -> NameMatcher {
        NameMatcher::new([
            ("枚方市".to_owned(), id("hirakata")),
            ("大阪府枚方市".to_owned(), id("hirakata")),
            ("ミンスク市ソビエト地区".to_owned(), id("minsk")),
            ("ソビエト地区".to_owned(), id("minsk")),
            ("パペーテ市".to_owned(), id("papeete")),
            ("パペーテ".to_owned(), id("papeete")),
            ("Sopot".to_owned(), id("sopot")),
            ("市".to_owned(), id("nothing")),
        ])
    }

    fn linked(text: &str) -> Vec<(String, Option<String>)> {
        matcher()
            .segments(text)
            .into_iter()
            .map(|s| match s {
                Segment::Text(t) => (t.to_owned(), None),
                Segment::Partner { text, id } => (text.to_owned(), Some(id.to_string())),
            })
            .collect()
    }

    #[test]
    fn longest_name_wins_in_text_without_spaces() {
        assert_eq!(
            linked("日本の大阪府枚方市と結ばれた"),
            [
                ("日本の".into(), None),
                ("大阪府枚方市".into(), Some("hirakata".into())),
                ("と結ばれた".into(), None)
            ]
        );
        assert_eq!(
            linked("長寧区とミンスク市ソビエト地区の")[1].0,
            "ミンスク市ソビエト地区"
        );
    }

    #[test]
    fn every_occurrence_is_found_without_overlaps() {
        let segments = linked("パペーテ市とパペーテ、そしてソビエト地区");
        let names: Vec<_> = segments
            .iter()
            .filter(|s| s.1.is_some())
            .map(|s| s.0.as_str())
            .collect();
        assert_eq!(names, ["パペーテ市", "パペーテ", "ソビエト地区"]);
        let joined: String = segments.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(
            joined, "パペーテ市とパペーテ、そしてソビエト地区",
            "nothing lost or doubled"
        );
    }

    #[test]
    fn one_character_names_are_never_linked() {
        assert!(linked("市").iter().all(|s| s.1.is_none()));
    }

    #[test]
    fn latin_names_match_whole_words_only() {
        assert_eq!(
            linked("Sopot, Poland")[0],
            ("Sopot".into(), Some("sopot".into()))
        );
        assert!(linked("Sopotian").iter().all(|s| s.1.is_none()));
        assert_eq!(linked("ポーランドのSopot市")[1].0, "Sopot");
    }

    #[test]
    fn text_without_names_is_one_piece() {
        assert_eq!(linked("何もない"), [("何もない".into(), None)]);
        assert!(matcher().segments("").is_empty());
        assert!(NameMatcher::default().segments("枚方市").len() == 1);
    }
}
