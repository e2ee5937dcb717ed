//! Hostile data: arbitrary bytes and arbitrary JSON shapes go to every decoder,
//! validator and the text linker. Nothing may panic, and each case is quick.
//!
//! `cargo xtask test` runs over 100,000 cases; `cargo xtask fuzz` sets
//! HOSTILE_SCALE to run ten times as many.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cases;
use proptest::prelude::*;
use reader_core::linking::{NameMatcher, Segment};
use reader_core::{
    classify_response, decode_article, decode_cities, decode_column, Block, Id, IsoDate,
};
use serde_json::{json, Map, Value};

/// Any JSON value, a few levels deep, with keys the decoders look for.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("id".to_owned()),
        Just("kind".to_owned()),
        Just("text".to_owned()),
        Just("ja".to_owned()),
        Just("lat".to_owned()),
        Just("names".to_owned()),
        "[a-z]{0,6}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        Just(Value::from("paragraph")),
        Just(Value::from("2021-10-14")),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(cases(30_000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = decode_article(&x(), &bytes);
        let _ = decode_column(&bytes);
        let _ = decode_cities(&bytes);
        let _ = reader_core::kiosk::decode_kiosk(&bytes);
        let _ = reader_core::world::decode_world(&text);
        let _ = classify_response("x.json", u16::from(bytes.first().copied().unwrap_or(0)) * 3, Some(&text), &text);
    }
}

proptest! {
    #![proptest_config(cases(30_000))]

    #[test]
    fn arbitrary_shapes_in_an_article_never_panic(
        id in any_json(), title in any_json(), views in any_json(), blocks in prop::collection::vec(any_json(), 0..8),
        partners in any_json(),
    ) {
        let article = json!({"id": id, "title": title, "published": "2021-10-14", "views": views,
                             "blocks": blocks, "partners": partners});
        if let Ok(a) = decode_article(&x(), article.to_string()) {
            every_block_accounted_for(&a, blocks.len())?;
        }
        // The same shapes, valid except where they are not, as a whole file.
        let _ = decode_article(&x(), any_to_text(&article));
    }
}

/// A block as a newsroom might write one: paragraphs and headings whose
/// text may be blank, images from this site or from elsewhere, and kinds
/// this reader does not know.
fn any_block() -> impl Strategy<Value = Value> {
    let unknown_kind = "[a-z]{1,8}"
        .prop_filter("a kind the reader knows", |k| {
            !["paragraph", "heading", "image"].contains(&k.as_str())
        })
        .prop_map(|kind| json!({"kind": kind, "text": "t"}));
    prop_oneof![
        "[ ]{0,2}.{0,6}".prop_map(|text| json!({"kind": "paragraph", "text": text})),
        "[ ]{0,2}.{0,6}".prop_map(|text| json!({"kind": "heading", "text": text})),
        prop_oneof![
            Just("/images/a.jpg"),
            Just("https://elsewhere.example/a.jpg")
        ]
        .prop_map(|src| json!({"kind": "image", "src": src, "alt": "a"})),
        unknown_kind,
    ]
}

/// Every block given is shown, or left out with a notice naming it (a
/// block shown as a notice, an image from elsewhere, is both).
fn every_block_accounted_for(
    article: &reader_core::Article,
    given: usize,
) -> Result<(), TestCaseError> {
    let shown_as_notices = article
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Notice(_)))
        .count();
    let left_out = article.notices.len() - shown_as_notices;
    prop_assert_eq!(article.blocks.len() + left_out, given);
    for notice in &article.notices {
        prop_assert!(notice.path.starts_with("blocks["), "{}", notice.path);
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(5_000))]

    /// The contract: a block of an unknown kind or without text is skipped
    /// and noted, the rest shows.
    #[test]
    fn every_block_is_shown_or_named_in_a_notice(blocks in prop::collection::vec(any_block(), 0..8)) {
        let article = json!({"id": "x", "title": "t", "published": "2021-10-14", "blocks": blocks});
        let a = decode_article(&x(), article.to_string()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        every_block_accounted_for(&a, blocks.len())?;
    }
}

proptest! {
    #![proptest_config(cases(20_000))]

    #[test]
    fn arbitrary_shapes_in_cities_never_panic(home in any_json(), partners in prop::collection::vec(any_json(), 0..8)) {
        let good_home = json!({"id": "h", "names": {"ja": "h"}, "lat": 0, "lon": 0});
        for home in [home, good_home] {
            let cities = json!({"home": home, "partners": partners.clone()});
            if let Ok(c) = decode_cities(cities.to_string()) {
                // Every entry is either shown or named in a notice.
                prop_assert_eq!(c.partners.len() + c.notices.len(), partners.len());
            }
        }
        let column = json!({"column": {"id": "1", "title": "t"}, "articles": partners});
        let _ = decode_column(column.to_string());
    }
}

proptest! {
    #![proptest_config(cases(5_000))]

    /// The contract: one bad partner entry is left off with a notice, and
    /// the rest still show, however the entry is bad.
    #[test]
    fn one_bad_entry_never_takes_the_others_down((bad, kept) in bad_entry(), before in 0usize..4, after in 0usize..4) {
        let good = |i: usize| format!(
            r#"{{"id": "p{i}", "names": {{"ja": "市{i}"}}, "country": {{"code": "PL", "names": {{"en": "Poland"}}}},
                "continent": "europe", "lat": 54.4, "lon": 18.5, "relation": "contact"}}"#
        );
        let mut bytes = br#"{"home": {"id": "h", "names": {"ja": "h"}, "lat": 31.2, "lon": 121.4}, "partners": ["#.to_vec();
        let mut entries: Vec<Vec<u8>> = (0..before).map(|i| good(i).into_bytes()).collect();
        entries.push(bad);
        entries.extend((before..before + after).map(|i| good(i).into_bytes()));
        bytes.extend(entries.join(&b","[..]));
        bytes.extend(b"]}");
        let cities = decode_cities(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(cities.partners.len(), before + after + usize::from(kept));
        prop_assert_eq!(cities.notices.len(), 1);
        let path = &cities.notices[0].error.path;
        prop_assert!(path.starts_with(&format!("partners[{before}]")), "{}", path);
    }
}

proptest! {
    #![proptest_config(cases(20_000))]

    #[test]
    fn the_linker_never_loses_or_doubles_text(
        names in prop::collection::vec(".{0,6}", 0..6), text in ".{0,80}",
    ) {
        let id = Id::parse("p").unwrap();
        let matcher = NameMatcher::new(names.into_iter().map(|n| (n, id.clone())));
        let joined: String = matcher
            .segments(&text)
            .into_iter()
            .map(|s| match s { Segment::Text(t) | Segment::Partner { text: t, .. } => t })
            .collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn dates_and_ids_never_panic(text in ".{0,24}") {
        if let Some(date) = IsoDate::parse(&text) {
            prop_assert_eq!(IsoDate::parse(&date.to_string()), Some(date));
            let _ = date.format("en");
        }
        if let Some(id) = Id::parse(&text) {
            prop_assert_eq!(id.as_str(), text.as_str());
        }
    }
}

/// One partner entry as text, bad in one of the ways an entry can be bad,
/// and whether the partner still shows (only its unreadable `since` dropped).
fn bad_entry() -> impl Strategy<Value = (Vec<u8>, bool)> {
    let good = r#"{"id": "bad", "names": {"ja": "悪"}, "country": {"code": "JP", "names": {"ja": "日本"}},
        "continent": "asia", "lat": 1, "lon": 2, "relation": "sister"}"#;
    let replace =
        |from: &'static str, to: &'static str| Just((good.replace(from, to).into_bytes(), false));
    let keeps =
        |from: &'static str, to: &'static str| Just((good.replace(from, to).into_bytes(), true));
    prop_oneof![
        replace(r#""lat": 1"#, r#""lat": 1e400"#),
        replace(r#""lat": 1"#, r#""lat": -1e999"#),
        replace(r#""lon": 2"#, r#""lon": 123456789012345678901234567890"#),
        replace(r#""lat": 1"#, r#""lat": 91"#),
        replace(r#""lat": 1"#, r#""lat": "1""#),
        replace(r#""lat": 1"#, r#""lat": null"#),
        replace(r#""lat": 1, "#, ""),
        replace(r#""names": {"ja": "悪"}"#, r#""names": {"ja": ""}"#),
        replace(r#""names": {"ja": "悪"}"#, r#""names": "悪""#),
        replace(r#""names": {"ja": "悪"}"#, r#""names": {}"#),
        replace(r#""relation": "sister""#, r#""relation": 3"#),
        replace(r#""relation": "sister""#, r#""relation": "twin""#),
        replace(r#""continent": "asia""#, r#""continent": "atlantis""#),
        replace(r#""id": "bad""#, r#""id": "../x""#),
        replace(r#""id": "bad""#, r#""id": 7"#),
        replace(
            r#""country": {"code": "JP", "names": {"ja": "日本"}}"#,
            r#""country": []"#
        ),
        keeps(
            r#""relation": "sister""#,
            r#""relation": "sister", "since": "soon""#
        ),
        keeps(
            r#""relation": "sister""#,
            r#""relation": "sister", "since": 1994"#
        ),
        keeps(
            r#""relation": "sister""#,
            r#""relation": "sister", "since": "1994-13-01""#
        ),
        keeps(
            r#""relation": "sister""#,
            r#""relation": "sister", "since": 1e400"#
        ),
        Just((
            good.replace(
                r#""relation": "sister""#,
                r#""relation": "sister", "since": "19@4""#
            )
            .into_bytes()
            .into_iter()
            .map(|b| if b == b'@' { 0xe9 } else { b })
            .collect(),
            true
        )),
        replace(
            r#""relation": "sister""#,
            r#""relation": "sister", "aliases": [1]"#
        ),
        replace(
            r#""relation": "sister""#,
            r#""relation": "sister", "summary": {"ja": 5}"#
        ),
        Just((b"42".to_vec(), false)),
        Just((b"null".to_vec(), false)),
        Just((b"[]".to_vec(), false)),
        Just((b"\"\\u00e9\"".to_vec(), false)),
        Just((
            {
                let mut bytes = good.as_bytes().to_vec();
                let at = bytes.iter().position(|&b| b == 0xe6).unwrap_or(0);
                bytes[at] = 0xff;
                bytes
            },
            false
        )),
    ]
}

fn x() -> Id {
    Id::parse("x").unwrap()
}

fn any_to_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}
