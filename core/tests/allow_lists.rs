//! No path the app accepts from data or a URL leads off the site: checked
//! against the WHATWG URL parser (the `url` crate, which parses as browsers
//! do) over strings built from the pieces attackers use: tabs, newlines,
//! backslashes, percent-encodings, schemes, hosts, dots and Unicode
//! look-alikes of `/` and `.`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cases;
use proptest::prelude::*;
use reader_core::route::is_same_site_path;
use reader_core::route::{self, aliases, Resolved, ROUTES};
use reader_core::AppRoute;
use url::Url;

/// Strings made of route pieces and the characters that bend URLs.
fn hostile_path() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("/"),
        Just("//"),
        Just("\\"),
        Just("\t"),
        Just("\n"),
        Just("\r"),
        Just(" "),
        Just("\u{0}"),
        Just("%2f"),
        Just("%2F"),
        Just("%5c"),
        Just("%2e"),
        Just("%2e%2e"),
        Just("%09"),
        Just("%0a"),
        Just("%"),
        Just(".."),
        Just("."),
        Just(":"),
        Just("@"),
        Just("?"),
        Just("#"),
        Just("javascript:"),
        Just("https:"),
        Just("http://"),
        Just("data:"),
        Just("evil.example"),
        Just("news"),
        Just("partners"),
        Just("print"),
        Just("index"),
        Just("INDEX"),
        Just("Index"),
        Just("indexes"),
        Just("_-"),
        Just("595305"),
        Just("page"),
        Just("PAGE"),
        Just("0"),
        Just("1"),
        Just("2"),
        Just("01"),
        Just("10"),
        Just("999999999"),
        Just("\u{ff12}"), // fullwidth digit two
        Just("sopot"),
        Just("data"),
        Just("img"),
        Just("x.jpg"),
        Just("\u{2215}"), // division slash
        Just("\u{ff0f}"), // fullwidth solidus
        Just("\u{2024}"), // one dot leader
        Just("\u{ff0e}"), // fullwidth full stop
        Just("\u{200b}"), // zero width space
        Just("ｐartners"),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

const ORIGIN: &str = "https://kiosk.example/news/595305";

/// Where a browser on `ORIGIN` goes when told to go to `path`.
fn resolve(path: &str) -> Option<Url> {
    Url::parse(ORIGIN).ok()?.join(path).ok()
}

proptest! {
    #![proptest_config(cases(20_000))]

    #[test]
    fn an_accepted_route_stays_on_the_site_and_is_what_the_router_sees(raw in hostile_path()) {
        if let Some(route) = AppRoute::parse(&raw) {
            let path = route.href();
            // Only the normalised path is navigated to; both it and the raw
            // text resolve to this site and to that very path.
            for text in [raw.as_str(), path.as_str()] {
                let url = resolve(text).expect("an accepted route resolves");
                prop_assert_eq!(url.origin(), Url::parse(ORIGIN).unwrap().origin(), "{:?}", raw);
                prop_assert_eq!(url.path(), path.as_str(), "{:?}", raw);
                prop_assert_eq!(url.query(), None);
            }
            prop_assert_eq!(AppRoute::parse(&path), Some(route));
        }
    }

    /// The patterns the server's config and the page's script are generated
    /// from give the router's answer for every path.
    #[test]
    fn the_route_patterns_answer_as_the_router_does(raw in hostile_path()) {
        let matching: Vec<_> = ROUTES
            .iter()
            .filter(|shape| full_match(&shape.pattern(), &raw))
            .map(|shape| shape.kind)
            .collect();
        let redirected: Vec<_> = ROUTES
            .iter()
            .filter(|shape| shape.trailing_slash_pattern().is_some_and(|p| full_match(&p, &raw)))
            .map(|shape| shape.kind)
            .collect();
        match route::resolve(&raw) {
            Resolved::Page(route) => {
                prop_assert_eq!(matching, vec![route.kind()], "{:?}", raw);
                prop_assert!(redirected.is_empty(), "{:?}", raw);
            }
            Resolved::Redirect(route) => {
                prop_assert!(matching.is_empty(), "{:?}", raw);
                let aliased = aliases().into_iter().any(|(alias, to)| alias == raw && to == route);
                if aliased {
                    prop_assert!(redirected.is_empty(), "{:?}", raw);
                } else {
                    prop_assert_eq!(redirected, vec![route.kind()], "{:?}", raw);
                }
            }
            Resolved::NotFound => {
                prop_assert!(matching.is_empty() && redirected.is_empty(), "{:?}", raw);
                prop_assert!(aliases().iter().all(|(alias, _)| *alias != raw), "{:?}", raw);
            }
        }
    }

    #[test]
    fn an_accepted_image_is_requested_from_this_site_only(raw in hostile_path()) {
        if is_same_site_path(&raw) {
            let url = resolve(&raw).expect("an accepted path resolves");
            prop_assert_eq!(url.origin(), Url::parse(ORIGIN).unwrap().origin(), "{:?}", raw);
        }
    }
}

/// Whether `pattern` (unanchored, as `RouteShape::pattern` writes it)
/// matches all of `text`. Each pattern is compiled once.
fn full_match(pattern: &str, text: &str) -> bool {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static COMPILED: OnceLock<Mutex<HashMap<String, fancy_regex::Regex>>> = OnceLock::new();
    let mut compiled = COMPILED
        .get_or_init(Default::default)
        .lock()
        .expect("no test panicked holding the patterns");
    let regex = compiled.entry(pattern.to_owned()).or_insert_with(|| {
        fancy_regex::Regex::new(&format!("^(?:{pattern})$")).expect("a route pattern compiles")
    });
    regex.is_match(text).expect("a route pattern runs")
}

#[test]
fn the_hostile_homes_of_the_report_are_refused() {
    // What a browser makes of them: another site.
    for home in [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\\evil.example",
        "\\/evil.example",
    ] {
        let url = resolve(home).unwrap();
        assert_eq!(url.host_str(), Some("evil.example"), "{home:?}");
    }
    for home in [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "\\/evil.example",
        "/\\evil.example",
        "/%2f/evil.example",
        "//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/partners\u{2215}..\u{2215}evil",
    ] {
        assert_eq!(AppRoute::parse(home), None, "{home:?}");
    }
}
