//! Checks the interface translations in `locales/`: every language has
//! every key of the default (Japanese) and no other, and each string uses
//! the same `{{ placeholders }}`. The build (build.rs) refuses the same
//! mistakes; these tests name them all at once, natively. `cargo xtask
//! dist` reads the texts the page's own script shows before the app runs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The interface languages, default first.
pub const LANGUAGES: [&str; 3] = ["ja", "zh", "en"];

type Strings = BTreeMap<String, String>;

/// Reads `locales/{lang}.json` as key → string.
pub fn read(dir: &Path, lang: &str) -> Result<Strings, String> {
    let path = dir.join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let object = value
        .as_object()
        .ok_or_else(|| format!("{}: expected an object of strings", path.display()))?;
    object
        .iter()
        .map(|(key, value)| match value.as_str() {
            Some(s) => Ok((key.clone(), s.to_owned())),
            None => Err(format!("{}: {key}: expected a string", path.display())),
        })
        .collect()
}

/// Every difference between the default language and the others.
pub fn problems(default: &Strings, others: &[(&str, Strings)]) -> Vec<String> {
    let mut found = Vec::new();
    for (lang, strings) in others {
        for key in default.keys().filter(|k| !strings.contains_key(*k)) {
            found.push(format!("{lang}: missing key {key}"));
        }
        for key in strings.keys().filter(|k| !default.contains_key(*k)) {
            found.push(format!("{lang}: key {key} is not in the default language"));
        }
        for (key, text) in strings {
            if let Some(reference) = default.get(key) {
                if placeholders(text) != placeholders(reference) {
                    found.push(format!(
                        "{lang}: {key}: placeholders {:?}, the default has {:?}",
                        placeholders(text),
                        placeholders(reference)
                    ));
                }
            }
        }
    }
    found
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}"))
        .map(|(name, _)| name.trim().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::root;

    fn project_locales() -> Vec<Strings> {
        let dir = root().join("locales");
        LANGUAGES.iter().map(|l| read(&dir, l).unwrap()).collect()
    }

    #[test]
    fn every_language_has_exactly_the_default_keys_and_placeholders() {
        let all = project_locales();
        let others: Vec<(&str, Strings)> = LANGUAGES[1..]
            .iter()
            .copied()
            .zip(all[1..].iter().cloned())
            .collect();
        assert_eq!(problems(&all[0], &others), Vec::<String>::new());
        assert!(all.iter().all(|s| s.values().all(|v| !v.trim().is_empty())));
    }

    #[test]
    fn a_missing_key_or_placeholder_is_named() {
        let default: Strings = [("print", "印刷"), ("counts", "{{ n }}都市")]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .into();
        let other: Strings = [("counts", "cities"), ("extra", "x")]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .into();
        assert_eq!(
            problems(&default, &[("en", other)]),
            [
                "en: missing key print",
                "en: key extra is not in the default language",
                "en: counts: placeholders {}, the default has {\"n\"}",
            ]
        );
    }

    /// The accessible names that `../shared/spec/ux.md` gives per language.
    #[test]
    fn accessible_names_are_those_of_the_ux_spec() {
        let all = project_locales();
        let expect = |strings: &Strings, key: &str, text: &str| {
            let got = strings.get(key).map(String::as_str).unwrap_or_default();
            assert!(got.contains(text), "{key}: {got:?} should contain {text:?}");
        };
        let names = [
            ("font_size", ["文字サイズ", "字号", "Text size"]),
            ("font_large", ["大", "大", "Large"]),
            ("font_medium", ["中", "中", "Medium"]),
            ("font_small", ["小", "小", "Small"]),
            ("print", ["印刷", "打印", "Print"]),
            ("close", ["閉じる", "关闭", "Close"]),
            ("back_to_top", ["トップへ戻る", "返回首页", "Back to top"]),
            ("partners_title", ["提携都市", "友好城市", "Partner cities"]),
            ("language_name", ["日本語", "中文", "English"]),
        ];
        for (key, texts) in names {
            for (strings, text) in all.iter().zip(texts) {
                expect(strings, key, text);
            }
        }
    }
}
