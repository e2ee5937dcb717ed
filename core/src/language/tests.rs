use super::*;

/// The table the end-to-end tests send to nginx too.
fn table() -> Vec<(String, String)> {
    #[derive(serde::Deserialize)]
    struct Case {
        header: String,
        lang: String,
    }
    let cases: Vec<Case> = serde_json::from_str(include_str!("accept_language.json")).unwrap();
    cases.into_iter().map(|c| (c.header, c.lang)).collect()
}

#[test]
fn the_table_of_accept_language_values() {
    let cases = table();
    assert!(cases.len() > 40);
    for (header, lang) in cases {
        assert_eq!(
            interface_language(None, None, &header),
            lang,
            "Accept-Language: {header:?}"
        );
    }
}

#[test]
fn asked_then_remembered_then_the_browser() {
    assert_eq!(interface_language(Some("en"), Some("zh"), "ja"), "en");
    assert_eq!(interface_language(None, Some("zh"), "en"), "zh");
    assert_eq!(interface_language(None, None, "en"), "en");
    // Only the app's own codes, exactly, count as asked or remembered.
    for code in ["EN", "en-US", "fr", "", " en", "zh;q=1"] {
        assert_eq!(interface_language(Some(code), None, "ja"), "ja", "{code:?}");
        assert_eq!(interface_language(None, Some(code), "ja"), "ja", "{code:?}");
    }
    assert_eq!(interface_language(Some("xx"), Some("en"), "zh"), "en");
}

#[test]
fn the_browsers_list_reads_like_its_header() {
    // The app joins navigator.languages with commas: the same rule.
    assert_eq!(first_accepted(&["fr-FR", "EN"].join(",")), Some("en"));
    assert_eq!(first_accepted(&["de"].join(",")), None);
}

#[test]
fn cookies_are_read_by_name() {
    let cookies = "a=1; reader_lang=zh; other=en";
    assert_eq!(cookie_value(cookies, LANGUAGE_COOKIE), Some("zh"));
    assert_eq!(cookie_value("reader_lang=en", LANGUAGE_COOKIE), Some("en"));
    assert_eq!(cookie_value("xreader_lang=en", LANGUAGE_COOKIE), None);
    assert_eq!(cookie_value("", LANGUAGE_COOKIE), None);
    assert_eq!(
        cookie_value("reader_lang=en; reader_lang=zh", LANGUAGE_COOKIE),
        Some("en")
    );
}

#[test]
fn languages_are_compared_by_their_first_subtag_in_any_case() {
    assert!(same_language("ja-JP", "ja"));
    assert!(same_language("JA_jp", "ja-JP"));
    assert!(!same_language("en-US", "ja"));
    assert!(!same_language("jav", "ja"));
    assert!(!same_language("", "ja"));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A language range as browsers and hand-written headers have them.
    fn range() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "ja",
                "zh",
                "en",
                "JA",
                "Zh",
                "eN",
                "ja-JP",
                "zh-TW",
                "en_GB",
                "zh-Hant-HK",
                "fr",
                "de-DE",
                "ko",
                "*",
                "jav",
                "eng",
                "x-en",
                "e n",
            ])
            .prop_map(str::to_owned),
            "[a-zA-Z*_ -]{0,8}",
        ]
    }

    fn parameters() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "", ";q=0", ";Q=0.000", ";q=0.5", "; q = 0 ", ";q=1", ";level=1", ";q=0.", ";q=00",
        ])
        .prop_map(str::to_owned)
    }

    fn header() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(
            (range(), parameters(), "[ \t]{0,2}").prop_map(|(r, p, s)| format!("{s}{r}{p}{s}")),
            0..6,
        )
    }

    proptest! {
        #[test]
        fn always_one_of_the_interface_languages(entries in header(), asked in ".{0,4}", kept in ".{0,4}") {
            let lang = interface_language(Some(&asked), Some(&kept), &entries.join(","));
            prop_assert!(LANGUAGES.contains(&lang));
        }

        #[test]
        fn the_case_of_the_header_does_not_matter(entries in header()) {
            let header = entries.join(",");
            let lang = first_accepted(&header);
            prop_assert_eq!(first_accepted(&header.to_uppercase()), lang);
            prop_assert_eq!(first_accepted(&header.to_lowercase()), lang);
        }

        #[test]
        fn the_first_accepted_range_wins_whatever_follows(before in header(), after in header(), lang in prop::sample::select(LANGUAGES.to_vec())) {
            let refused: Vec<String> = before.into_iter().filter(|e| first_accepted(e).is_none()).collect();
            let header = [refused, vec![format!("{lang}-XX;q=0.3")], after].concat().join(",");
            prop_assert_eq!(first_accepted(&header), Some(lang));
        }

        #[test]
        fn a_range_with_q_zero_is_never_chosen(entries in header(), at in 0usize..6, lang in prop::sample::select(LANGUAGES.to_vec())) {
            let header = entries.join(",");
            let mut with_zero = entries.clone();
            with_zero.insert(at.min(entries.len()), format!("{lang};q=0"));
            prop_assert_eq!(first_accepted(&with_zero.join(",")), first_accepted(&header));
        }

        #[test]
        fn asked_wins_over_everything(entries in header(), kept in ".{0,4}", lang in prop::sample::select(LANGUAGES.to_vec())) {
            prop_assert_eq!(interface_language(Some(lang), Some(&kept), &entries.join(",")), lang);
        }

        #[test]
        fn remembered_wins_over_the_browser(entries in header(), lang in prop::sample::select(LANGUAGES.to_vec())) {
            prop_assert_eq!(interface_language(None, Some(lang), &entries.join(",")), lang);
        }
    }
}
