//! The reader's settings, as one table: where each is kept, the values it
//! takes, the attribute of `<html>` that shows it before the first paint,
//! and what a kiosk starts from (and returns to at an idle reset).
//!
//! Everything that reads or writes a setting is derived from here: the
//! app's storage (`src/prefs.rs`) and its signals (`src/settings.rs`), the
//! kiosk's reset (every row is reset, without a list of its own), and the
//! constants of the page's own script in `index.html` (written by
//! `cargo xtask codegen`), so the first paint and the app always agree.

use crate::colour_theme::ColourTheme;
use crate::font_scale::FontScale;
use crate::kiosk::{KIOSK_OFF, KIOSK_ON};
use crate::language::LANGUAGE_COOKIE;
use crate::meta::LANGUAGES;

/// Where the browser keeps a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// `localStorage`: across visits.
    Local,
    /// A cookie for the whole site, which the server reads too.
    Cookie,
}

impl Store {
    /// Its name in the page's script.
    pub fn script_name(self) -> &'static str {
        match self {
            Store::Local => "localStorage",
            Store::Cookie => "cookie",
        }
    }
}

/// What a kiosk starts from and returns to at an idle reset: a kiosk
/// remembers no visitor's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnKiosk {
    /// As if the reader had not chosen.
    Unset,
    /// This value.
    Value(&'static str),
    /// The kiosk's own: the value it was set up with for the session, else
    /// the browser's (the interface language).
    KiosksOwn,
}

/// What a setting shows before the reader has chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unset {
    /// This value.
    Value(&'static str),
    /// The first value on a light system, the second where the system
    /// prefers dark (`prefers-color-scheme`).
    ColourScheme {
        light: &'static str,
        dark: &'static str,
    },
    /// Nothing (the setting is off).
    Off,
    /// What the browser's languages ask for (`crate::language`).
    BrowserLanguages,
}

/// One of the reader's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettingRow {
    /// Its name in the page's script.
    pub name: &'static str,
    pub store: Store,
    /// Its key in the store.
    pub key: &'static str,
    /// Every value it takes, as stored; anything else stored is ignored.
    pub values: &'static [&'static str],
    /// Before the reader has chosen.
    pub unset: Unset,
    /// The `<html>` attribute the stylesheet reads it from, if any: set by
    /// the page's script before the first paint, then by the app.
    pub html_attribute: Option<&'static str>,
    pub on_kiosk: OnKiosk,
}

/// A setting as a type: its row, and its values as text.
pub trait ReaderSetting: Copy + PartialEq + Send + Sync + 'static {
    const ROW: SettingRow;

    fn as_str(self) -> &'static str;

    /// A stored value; anything else (an old or tampered value) is `None`.
    fn parse(text: &str) -> Option<Self>;

    /// What a kiosk starts from: `None` is unset.
    fn on_kiosk() -> Option<Self> {
        match Self::ROW.on_kiosk {
            OnKiosk::Value(value) => Self::parse(value),
            OnKiosk::Unset | OnKiosk::KiosksOwn => None,
        }
    }
}

/// Every reader setting: what the page's script shows before the first
/// paint, what the app keeps, and what a kiosk resets.
pub const SETTINGS: [SettingRow; 4] = [FontScale::ROW, ColourTheme::ROW, Furigana::ROW, LANGUAGE];

/// The interface language, remembered in a cookie the server reads too
/// (`crate::language` has the rule that chooses it); `<html lang>` is the
/// server's, then the app's.
pub const LANGUAGE: SettingRow = SettingRow {
    name: "language",
    store: Store::Cookie,
    key: LANGUAGE_COOKIE,
    values: &LANGUAGES,
    unset: Unset::BrowserLanguages,
    html_attribute: None,
    on_kiosk: OnKiosk::KiosksOwn,
};

impl ReaderSetting for FontScale {
    const ROW: SettingRow = SettingRow {
        name: "fontScale",
        store: Store::Local,
        key: "changning-reader.font-scale",
        values: &["large", "medium", "small"],
        unset: Unset::Value("medium"),
        html_attribute: Some("data-font-scale"),
        on_kiosk: OnKiosk::Value("large"),
    };

    fn as_str(self) -> &'static str {
        FontScale::as_str(self)
    }

    fn parse(text: &str) -> Option<Self> {
        FontScale::parse(text)
    }
}

impl ReaderSetting for ColourTheme {
    const ROW: SettingRow = SettingRow {
        name: "theme",
        store: Store::Local,
        key: "changning-reader.theme",
        values: &["white", "black", "blue"],
        unset: Unset::ColourScheme {
            light: "white",
            dark: "black",
        },
        html_attribute: Some("data-theme"),
        on_kiosk: OnKiosk::Unset,
    };

    fn as_str(self) -> &'static str {
        ColourTheme::as_str(self)
    }

    fn parse(text: &str) -> Option<Self> {
        ColourTheme::parse(text)
    }
}

/// Readings over kanji (ふりがな): on, or unset (off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Furigana;

impl ReaderSetting for Furigana {
    const ROW: SettingRow = SettingRow {
        name: "furigana",
        store: Store::Local,
        key: "changning-reader.furigana",
        values: &["on"],
        unset: Unset::Off,
        html_attribute: None,
        on_kiosk: OnKiosk::Unset,
    };

    fn as_str(self) -> &'static str {
        "on"
    }

    fn parse(text: &str) -> Option<Self> {
        (text == "on").then_some(Furigana)
    }
}

/// Where kiosk mode is kept for the browser session (`sessionStorage`):
/// its home route and idle override, `{home}|{seconds}`.
pub const KIOSK_KEY: &str = "changning-reader.kiosk";

/// How a page knows it runs as a kiosk, the same way in the page's script
/// and in the app (`crate::kiosk::kiosk_switch`): `?kiosk=` with one of
/// these values exactly, else whether the session holds [`KIOSK_KEY`].
pub struct KioskSwitch {
    pub query: &'static str,
    pub on: &'static [&'static str],
    pub off: &'static [&'static str],
    pub session_key: &'static str,
}

pub const KIOSK_SWITCH: KioskSwitch = KioskSwitch {
    query: "kiosk",
    on: &KIOSK_ON,
    off: &KIOSK_OFF,
    session_key: KIOSK_KEY,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: ReaderSetting + std::fmt::Debug>(all: &[T]) {
        let row = T::ROW;
        assert_eq!(all.len(), row.values.len(), "{}", row.name);
        for (value, text) in all.iter().zip(row.values) {
            assert_eq!(value.as_str(), *text);
            assert_eq!(T::parse(text), Some(*value));
        }
        assert_eq!(T::parse("tampered"), None);
    }

    #[test]
    fn every_rows_defaults_are_among_its_values() {
        for row in SETTINGS {
            if let OnKiosk::Value(kiosk) = row.on_kiosk {
                assert!(row.values.contains(&kiosk), "{}", row.name);
            }
            match row.unset {
                Unset::Value(v) => assert!(row.values.contains(&v), "{}", row.name),
                Unset::ColourScheme { light, dark } => {
                    assert!(row.values.contains(&light) && row.values.contains(&dark));
                }
                Unset::Off => assert_ne!(row.on_kiosk, OnKiosk::KiosksOwn, "{}", row.name),
                Unset::BrowserLanguages => {}
            }
            assert!(row
                .values
                .iter()
                .all(|v| v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')));
        }
        assert_eq!(
            FontScale::ROW.unset,
            Unset::Value(FontScale::default().as_str())
        );
    }

    #[test]
    fn every_setting_reads_what_it_writes_and_nothing_else() {
        round_trips(&FontScale::ALL);
        round_trips(&ColourTheme::ALL);
        round_trips(&[Furigana]);
    }

    #[test]
    fn keys_and_names_are_unique() {
        for (i, a) in SETTINGS.iter().enumerate() {
            for b in &SETTINGS[i + 1..] {
                assert_ne!(a.key, b.key);
                assert_ne!(a.name, b.name);
            }
            assert_ne!(a.key, KIOSK_KEY);
        }
    }

    #[test]
    fn a_kiosk_starts_large_on_the_systems_colours_without_furigana() {
        assert_eq!(FontScale::on_kiosk(), Some(FontScale::Large));
        assert_eq!(ColourTheme::on_kiosk(), None);
        assert_eq!(Furigana::on_kiosk(), None);
    }
}
