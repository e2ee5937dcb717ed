//! The reader's settings in the app, each derived from its row of
//! `reader_core::settings::SETTINGS` by one path: read from storage (on a
//! kiosk, the row's kiosk value), saved when it changes (never on a kiosk),
//! shown on its `<html>` attribute where the stylesheet reads it (the
//! page's own script set it first), and taken from that attribute just
//! before the app takes a published page over (whose script ran the
//! controls meanwhile). A kiosk's reset goes over every row.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use reader_core::settings::{Furigana, ReaderSetting, SettingRow, LANGUAGE, SETTINGS};
use reader_core::{ColourTheme, FontScale};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::handover::Handover;
use crate::i18n::Locale;
use crate::language::Language;
use crate::prefs;
use crate::reading_aids::{ColourThemeSetting, FuriganaSetting};
use crate::state::FontScaleSetting;

/// How a setting's signal holds its row's value.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    type Setting: ReaderSetting;

    /// As stored: `None` is unset.
    fn stored(self) -> Option<Self::Setting>;

    fn from_stored(value: Option<Self::Setting>) -> Self;
}

impl Choice for FontScale {
    type Setting = FontScale;

    fn stored(self) -> Option<FontScale> {
        Some(self)
    }

    fn from_stored(value: Option<FontScale>) -> Self {
        value.unwrap_or_default()
    }
}

/// `None` follows the system.
impl Choice for Option<ColourTheme> {
    type Setting = ColourTheme;

    fn stored(self) -> Option<ColourTheme> {
        self
    }

    fn from_stored(value: Option<ColourTheme>) -> Self {
        value
    }
}

/// Whether furigana is on.
impl Choice for bool {
    type Setting = Furigana;

    fn stored(self) -> Option<Furigana> {
        self.then_some(Furigana)
    }

    fn from_stored(value: Option<Furigana>) -> Self {
        value.is_some()
    }
}

/// A reader setting as the app holds it: what a kiosk's reset goes over.
pub trait HeldSetting {
    fn row(&self) -> SettingRow;

    /// Its value as stored (untracked); `None` is unset.
    fn text(&self) -> Option<&'static str>;

    /// Back to what a kiosk starts from (`kiosk_language`: the kiosk's own).
    fn reset_for_kiosk(&self, kiosk_language: Locale);
}

impl<C: Choice> HeldSetting for RwSignal<C> {
    fn row(&self) -> SettingRow {
        C::Setting::ROW
    }

    fn text(&self) -> Option<&'static str> {
        self.get_untracked().stored().map(ReaderSetting::as_str)
    }

    fn reset_for_kiosk(&self, _: Locale) {
        self.set(C::from_stored(C::Setting::on_kiosk()));
    }
}

impl HeldSetting for Language {
    fn row(&self) -> SettingRow {
        LANGUAGE
    }

    fn text(&self) -> Option<&'static str> {
        Some(self.get_untracked().as_str())
    }

    fn reset_for_kiosk(&self, kiosk_language: Locale) {
        self.set(kiosk_language);
    }
}

/// Every reader setting the app holds, in context.
#[derive(Clone, Copy)]
pub struct ReaderSettings {
    pub font_scale: FontScaleSetting,
    pub theme: ColourThemeSetting,
    pub furigana: FuriganaSetting,
    pub language: Language,
}

impl ReaderSettings {
    /// One for each row of `SETTINGS`, in its order (a row added to the
    /// table does not compile until it is held here).
    pub fn each(&self) -> [&dyn HeldSetting; SETTINGS.len()] {
        [
            &self.font_scale.0,
            &self.theme.choice,
            &self.furigana.0,
            &self.language,
        ]
    }

    /// Every setting as a kiosk has it for a new visitor.
    pub fn reset_for_kiosk(&self, kiosk_language: Locale) {
        for setting in self.each() {
            setting.reset_for_kiosk(kiosk_language);
        }
    }
}

/// Provides every setting (the language is provided before, to choose the
/// page's language first).
pub fn provide(kiosk: bool, language: Language) -> ReaderSettings {
    let font_scale = keep(kiosk, FontScale::as_str);
    let system_dark = media_matches("(prefers-color-scheme: dark)");
    let theme_shown = move |choice| ColourTheme::shown(choice, system_dark.get()).as_str();
    let theme = ColourThemeSetting {
        choice: keep(kiosk, theme_shown),
        system_dark,
    };
    let furigana = keep(kiosk, |_: bool| "");
    let settings = ReaderSettings {
        font_scale: FontScaleSetting(font_scale),
        theme,
        furigana: FuriganaSetting(furigana),
        language,
    };
    provide_context(settings.font_scale);
    provide_context(settings.theme);
    provide_context(settings.furigana);
    provide_context(settings);
    settings
}

/// One setting's signal, by the one path (see the module's comment);
/// `shown` is the value on screen (tracked), for its `<html>` attribute.
fn keep<C: Choice>(kiosk: bool, shown: impl Fn(C) -> &'static str + Copy + 'static) -> RwSignal<C> {
    let initial = if kiosk {
        C::Setting::on_kiosk()
    } else {
        prefs::load::<C::Setting>()
    };
    let signal = RwSignal::new(C::from_stored(initial));
    if !kiosk {
        Effect::watch(
            move || signal.get(),
            |choice, _, _| prefs::save(choice.stored()),
            false,
        );
    }
    if let Some(attribute) = C::Setting::ROW.html_attribute {
        show(attribute, move || shown(signal.get()));
        if let Some(handover) = Handover::use_context() {
            handover.before_swap(move || {
                let on_page = attribute_on_page(attribute).and_then(|v| C::Setting::parse(&v));
                if let Some(on_page) = on_page {
                    if on_page.as_str() != shown(signal.get_untracked()) {
                        signal.set(C::from_stored(Some(on_page)));
                    }
                }
            });
        }
    }
    signal
}

/// Whether the media query matches, kept up to date for the app's
/// lifetime (one listener, never removed); `false` natively. For the main
/// module: leptos-use's `use_media_query` (which the kiosk's part uses)
/// makes it 5.4 KiB larger gzipped (312.6 → 318.1 KiB, `gzip -9`).
pub fn media_matches(query: &'static str) -> Signal<bool> {
    if cfg!(not(target_arch = "wasm32")) {
        return Signal::stored(false);
    }
    let list = window().match_media(query).ok().flatten();
    let matches = RwSignal::new(list.as_ref().is_some_and(|l| l.matches()));
    if let Some(list) = list {
        let on_change = Closure::<dyn Fn()>::new(move || {
            if let Some(list) = window().match_media(query).ok().flatten() {
                matches.set(list.matches());
            }
        });
        list.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
    }
    matches.into()
}

/// Keeps `<html {attribute}>` at `value` (tracked).
pub fn show(attribute: &'static str, value: impl Fn() -> &'static str + 'static) {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute(attribute, value());
        }
    });
}

fn attribute_on_page(attribute: &str) -> Option<String> {
    document().document_element()?.get_attribute(attribute)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(kiosk_language: Locale) -> ReaderSettings {
        ReaderSettings {
            font_scale: FontScaleSetting(RwSignal::new(FontScale::Small)),
            theme: ColourThemeSetting {
                choice: RwSignal::new(Some(ColourTheme::Blue)),
                system_dark: Signal::stored(false),
            },
            furigana: FuriganaSetting(RwSignal::new(true)),
            language: crate::language::provide(kiosk_language),
        }
    }

    #[test]
    fn every_row_of_the_table_is_held_once_in_its_order() {
        let _owner = Owner::new();
        let settings = held(Locale::zh);
        let keys: Vec<_> = settings.each().iter().map(|s| s.row().key).collect();
        let table: Vec<_> = SETTINGS.iter().map(|row| row.key).collect();
        assert_eq!(keys, table);
    }

    #[test]
    fn a_kiosk_reset_puts_every_row_back_to_its_kiosk_value() {
        use reader_core::settings::{OnKiosk, Unset};
        let _owner = Owner::new();
        for kiosk_language in [Locale::ja, Locale::zh, Locale::en] {
            let settings = held(Locale::en);
            settings.reset_for_kiosk(kiosk_language);
            for setting in settings.each() {
                let row = setting.row();
                let expected = match (row.on_kiosk, row.unset) {
                    (OnKiosk::Value(value), _) => Some(value),
                    (OnKiosk::KiosksOwn, _) => Some(kiosk_language.as_str()),
                    (OnKiosk::Unset, Unset::Value(value)) => Some(value),
                    (OnKiosk::Unset, _) => None,
                };
                assert_eq!(setting.text(), expected, "{}", row.name);
            }
        }
    }
}
