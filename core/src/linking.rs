//! Finding partner names in article text, to link them to the map.

use std::collections::BTreeSet;

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
///
/// The names are kept sorted, so that the names starting at a position are
/// found by narrowing a range one byte at a time (a trie laid out in a
/// sorted list): building is `O(n log n)` in the number of names, and
/// looking at one position costs `O(length × log n)`, however many
/// partners share a prefix.
#[derive(Debug, Clone, Default)]
pub struct NameMatcher {
    /// Names sorted by their bytes, each once (the first partner given
    /// wins), with the index of their partner's id in `ids`.
    names: Vec<(Box<str>, u32)>,
    ids: Vec<Id>,
    /// For each first byte, the range of `names` starting with it.
    by_first_byte: Vec<(u32, u32)>,
}

impl NameMatcher {
    pub fn new<I: IntoIterator<Item = (String, Id)>>(names: I) -> Self {
        let mut ids: Vec<Id> = Vec::new();
        let names = names
            .into_iter()
            .map(|(name, id)| {
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
                (name.into_boxed_str(), (ids.len() - 1) as u32)
            })
            .collect();
        Self::build(names, ids)
    }

    /// Names in every language and every alias of each partner.
    pub fn for_partners(partners: &[Partner]) -> Self {
        let mut names = Vec::with_capacity(partners.len() * 3);
        for (index, p) in partners.iter().enumerate() {
            let texts = p.names.all().chain(p.aliases.iter().map(String::as_str));
            names.extend(texts.map(|name| (Box::from(name), index as u32)));
        }
        Self::build(names, partners.iter().map(|p| p.id.clone()).collect())
    }

    fn build(mut names: Vec<(Box<str>, u32)>, ids: Vec<Id>) -> Self {
        for (name, _) in &mut names {
            if name.trim().len() != name.len() {
                *name = Box::from(name.trim());
            }
        }
        // One-letter names would link every stray character.
        names.retain(|(name, _)| name.chars().nth(1).is_some());
        // Stable: among equal names the first given stays first, and is kept.
        names.sort_by(|a, b| a.0.cmp(&b.0));
        names.dedup_by(|later, earlier| later.0 == earlier.0);
        let mut by_first_byte = vec![(0u32, 0u32); 256];
        let mut start = 0;
        while start < names.len() {
            let first = names[start].0.as_bytes()[0];
            let end = start + names[start..].partition_point(|(n, _)| n.as_bytes()[0] == first);
            by_first_byte[usize::from(first)] = (start as u32, end as u32);
            start = end;
        }
        Self {
            names,
            ids,
            by_first_byte,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
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
            if let Some((len, id)) = self.longest_at(text, i) {
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

    /// The partner names in `text`: byte ranges, in order, with their partner.
    pub fn links(&self, text: &str) -> Vec<(std::ops::Range<usize>, Id)> {
        let base = text.as_ptr() as usize;
        self.segments(text)
            .into_iter()
            .filter_map(|segment| match segment {
                Segment::Partner { text: name, id } => {
                    let start = name.as_ptr() as usize - base;
                    Some((start..start + name.len(), id))
                }
                Segment::Text(_) => None,
            })
            .collect()
    }

    /// The longest name starting at byte `at` of `text` that may be linked
    /// there (whole words for Latin names), with its byte length.
    fn longest_at(&self, text: &str, at: usize) -> Option<(usize, &Id)> {
        let rest = &text.as_bytes()[at..];
        let &(lo, hi) = self.by_first_byte.get(usize::from(*rest.first()?))?;
        let (mut lo, mut hi) = (lo as usize, hi as usize);
        let mut best = None;
        let mut k = 1;
        while lo < hi {
            // Every name in lo..hi starts with rest[..k]; one of exactly
            // that length sorts first.
            let (name, id) = &self.names[lo];
            if name.len() == k {
                if whole_word(text, at, at + k, name) {
                    best = Some((k, &self.ids[*id as usize]));
                }
                lo += 1;
            }
            let Some(&byte) = rest.get(k) else {
                break;
            };
            let range = &self.names[lo..hi];
            let from = range.partition_point(|(n, _)| n.as_bytes()[k] < byte);
            let to = range.partition_point(|(n, _)| n.as_bytes()[k] <= byte);
            (lo, hi) = (lo + from, lo + to);
            k += 1;
        }
        best
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

/// How many of the column's first articles (the newsroom lists them newest
/// first) are read to find the articles naming each partner (the map page's
/// panel; the published pages too).
pub const MENTION_SCAN_LIMIT: usize = 50;

/// The partners an article names: its `partners` field, and every partner
/// whose name or alias appears in its text.
pub fn partners_named(article: &Article, matcher: &NameMatcher) -> BTreeSet<Id> {
    let mut ids: BTreeSet<Id> = article.partners.iter().cloned().collect();
    let texts = std::iter::once(article.title.as_str()).chain(article.blocks.iter().filter_map(
        |b| match b {
            Block::Paragraph { text } | Block::Heading { text } => Some(text.as_str()),
            Block::Image { .. } | Block::Notice(_) => None,
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
        let article = crate::decode_article(&id("1"), text).unwrap();
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
    fn links_are_byte_ranges_of_the_names() {
        let text = "日本の大阪府枚方市とパペーテ";
        let links: Vec<(&str, String)> = matcher()
            .links(text)
            .into_iter()
            .map(|(range, id)| (&text[range], id.to_string()))
            .collect();
        assert_eq!(
            links,
            [
                ("大阪府枚方市", "hirakata".to_owned()),
                ("パペーテ", "papeete".to_owned())
            ]
        );
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
    fn a_latin_name_that_is_not_a_whole_word_gives_way_to_a_shorter_one() {
        let m = NameMatcher::new([
            ("Sopot".to_owned(), id("sopot")),
            ("Sopotia".to_owned(), id("other")),
        ]);
        let found: Vec<_> = m
            .segments("Sopotian and Sopotia")
            .into_iter()
            .filter_map(|s| match s {
                Segment::Partner { text, id } => Some((text, id.to_string())),
                Segment::Text(_) => None,
            })
            .collect();
        assert_eq!(found, [("Sopotia", "other".to_owned())]);
    }

    #[test]
    fn the_first_partner_given_keeps_a_shared_name() {
        let m = NameMatcher::new([("長寧".to_owned(), id("a")), ("長寧".to_owned(), id("b"))]);
        assert_eq!(
            m.segments("長寧")[0],
            Segment::Partner {
                text: "長寧",
                id: id("a")
            }
        );
    }

    #[test]
    fn many_names_sharing_a_prefix_are_found_quickly() {
        // 100,000 names that all start alike: building and scanning stay
        // near-linear, not quadratic in the names sharing a prefix.
        let names = (0..100_000).map(|i| (format!("市{i:06}区"), id("p")));
        let m = NameMatcher::new(names);
        let text = "市012345区と市099999区、市1区".repeat(200);
        let found = m
            .segments(&text)
            .iter()
            .filter(|s| matches!(s, Segment::Partner { .. }))
            .count();
        assert_eq!(found, 400);
    }

    #[test]
    fn text_without_names_is_one_piece() {
        assert_eq!(linked("何もない"), [("何もない".into(), None)]);
        assert!(matcher().segments("").is_empty());
        assert!(NameMatcher::default().segments("枚方市").len() == 1);
    }
}
