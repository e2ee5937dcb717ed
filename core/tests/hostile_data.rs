//! Hostile data: arbitrary bytes and arbitrary JSON shapes go to every decoder,
//! validator and the text linker. Nothing may panic, and each case is quick.
//!
//! `cargo xtask test` runs over 100,000 cases; `cargo xtask fuzz` sets
//! HOSTILE_SCALE to run ten times as many.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use reader_core::linking::{NameMatcher, Segment};
use reader_core::{classify_response, decode_article, decode_cities, decode_column, Id, IsoDate};
use serde_json::{json, Map, Value};

fn cases(base: u32) -> ProptestConfig {
    let scale: u32 = std::env::var("HOSTILE_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    ProptestConfig {
        cases: base * scale,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

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
        let _ = decode_article("articles/x.json", &text);
        let _ = decode_column(&text);
        let _ = decode_cities(&text);
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
        if let Ok(a) = decode_article("articles/x.json", &article.to_string()) {
            prop_assert!(a.blocks.len() <= 8);
        }
        // The same shapes, valid except where they are not, as a whole file.
        let _ = decode_article("articles/x.json", &any_to_text(&article));
    }
}

proptest! {
    #![proptest_config(cases(20_000))]

    #[test]
    fn arbitrary_shapes_in_cities_never_panic(home in any_json(), partners in prop::collection::vec(any_json(), 0..8)) {
        let good_home = json!({"id": "h", "names": {"ja": "h"}, "lat": 0, "lon": 0});
        for home in [home, good_home] {
            let cities = json!({"home": home, "partners": partners.clone()});
            if let Ok(c) = decode_cities(&cities.to_string()) {
                // Every entry is either shown or named in a notice.
                prop_assert_eq!(c.partners.len() + c.notices.len(), partners.len());
            }
        }
        let column = json!({"column": {"id": "1", "title": "t"}, "articles": partners});
        let _ = decode_column(&column.to_string());
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

fn any_to_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}
