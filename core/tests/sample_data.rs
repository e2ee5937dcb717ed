//! The sample data in `public/data/` follows the data contract and says what
//! the seed article says.

use std::collections::HashSet;
use std::path::PathBuf;

use reader_core::article::article_file;
use reader_core::{decode_article, decode_cities, decode_column, Block, Relation};

fn data(path: &str) -> String {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/data")
        .join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

#[test]
fn every_article_in_the_column_decodes_without_notices() {
    let column = decode_column(data("articles/index.json")).unwrap();
    assert!(!column.articles.is_empty());
    for entry in &column.articles {
        let file = article_file(&entry.id);
        let article = decode_article(&entry.id, data(&file)).unwrap();
        assert_eq!(article.id, entry.id);
        assert_eq!(
            article.title, entry.title,
            "{file}: title differs from the column's"
        );
        assert_eq!(article.published, entry.published);
        assert!(article.notices.is_empty(), "{file}: {:?}", article.notices);
    }
}

#[test]
fn the_seed_article_keeps_its_structure_with_restored_endings() {
    let article = decode_article(&seed_id(), data("articles/595305.json")).unwrap();
    assert_eq!(article.published.to_string(), "2021-10-14");
    assert_eq!(article.views, None);
    assert_eq!(article.breadcrumbs, ["長寧ニュース", "長寧ニューズ"]);
    let headings: Vec<&str> = article
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "国家戦略と合わせ、長寧の影響力を拡大する",
            "市レベルのプラットフォームを組み合わせ実質的な協力関係を強化する",
            "地区のリソースとレイアウトを統合し、質と効率を向上させる",
        ]
    );
    for block in &article.blocks {
        if let Block::Paragraph { text } = block {
            assert!(text.ends_with('。'), "clipped ending: …{}", tail(text));
            assert!(
                !text.contains("てい。") && !text.contains("てい\n"),
                "clipped: {text}"
            );
        }
    }
}

#[test]
fn cities_are_all_valid_and_the_article_names_only_known_partners() {
    let cities = decode_cities(data("cities.json")).unwrap();
    assert!(cities.notices.is_empty(), "{:?}", cities.notices);
    assert_eq!(cities.partners.len(), 7);
    for partner in &cities.partners {
        for lang in ["ja", "en"] {
            assert_eq!(
                partner.names.pick(lang).1,
                lang,
                "{}: no {lang} name",
                partner.id
            );
            let summary = partner
                .summary
                .as_ref()
                .expect("every sample partner has a summary");
            assert_eq!(
                summary.pick(lang).1,
                lang,
                "{}: no {lang} summary",
                partner.id
            );
        }
    }
    assert!(cities
        .partners
        .iter()
        .any(|p| p.relation == Relation::Contact));
    // partner-facts.md: known only by year for these two.
    for id in ["karsiyaka", "syros"] {
        let partner = cities
            .partners
            .iter()
            .find(|p| p.id.as_str() == id)
            .unwrap();
        assert_eq!(
            partner.since.map(|d| d.to_string()).as_deref(),
            Some("2021"),
            "{id}"
        );
    }
    let known: HashSet<_> = cities.partners.iter().map(|p| &p.id).collect();
    let article = decode_article(&seed_id(), data("articles/595305.json")).unwrap();
    assert!(!article.partners.is_empty());
    for id in &article.partners {
        assert!(known.contains(id), "article names unknown partner {id}");
    }
}

fn tail(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars[chars.len().saturating_sub(12)..].iter().collect()
}

fn seed_id() -> reader_core::Id {
    reader_core::Id::parse("595305").unwrap()
}
