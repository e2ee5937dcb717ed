//! The interface language: Japanese (the default), Simplified Chinese or
//! English. Chosen by `?lang=`, else the reader's earlier choice, else the
//! browser's languages; `<html lang>` follows it. Articles keep their own
//! `lang`: only the interface is translated.
//!
//! One reactive value, read one way: every view that shows interface text
//! reads [`Language::get`] where it shows it, so a change of language
//! re-renders that text in place and the page keeps its state (zoom,
//! filters, selection, focus, scroll). The strings themselves are in
//! `locales/{ja,zh,en}.json`, compiled in by leptos_i18n (`crate::i18n`).

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::i18n::Locale;
use crate::prefs;

/// The interface language now; in context for the whole app.
#[derive(Clone, Copy)]
pub struct Language(RwSignal<Locale>);

impl Language {
    /// The language, tracked: read it inside the closure that shows text.
    pub fn get(self) -> Locale {
        self.0.get()
    }

    pub fn get_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    /// The language's code (`ja`, `zh`, `en`), tracked: for `lang` attributes.
    pub fn code(self) -> &'static str {
        self.get().as_str()
    }

    pub fn set(self, locale: Locale) {
        if self.0.get_untracked() != locale {
            self.0.set(locale);
        }
    }
}

/// The language of the views around the caller.
pub fn use_language() -> Language {
    expect_context::<Language>()
}

/// Creates and provides the language, starting at `initial`.
pub fn provide(initial: Locale) -> Language {
    let language = Language(RwSignal::new(initial));
    provide_context(language);
    language
}

/// The reader's language before anything renders: `?lang=` (remembered),
/// else the remembered choice, else the best match for the browser's languages.
pub fn initial(in_kiosk: bool) -> Locale {
    let from_query = window()
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"))
        .and_then(|lang| parse(&lang));
    let Some(locale) = from_query else {
        let locale = remembered();
        // A choice remembered before the server's cookie existed, or whose
        // cookie was cleared: tell the server again, so that the next
        // published page comes in it.
        if !in_kiosk && prefs::load_language().is_some() {
            prefs::save_language(locale.as_str());
        }
        return locale;
    };
    if in_kiosk {
        prefs::save_kiosk_language(locale.as_str());
    } else {
        prefs::save_language(locale.as_str());
    }
    locale
}

/// The remembered language (a kiosk's own first), else the browser's.
pub fn remembered() -> Locale {
    if let Some(locale) = prefs::load_language().as_deref().and_then(parse) {
        return locale;
    }
    let accepted: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|lang| lang.as_string())
        .collect();
    Locale::find_locale(&accepted)
}

/// One of the interface languages, by its code (`ja`, `zh`, `en`).
pub fn parse(code: &str) -> Option<Locale> {
    Locale::get_all()
        .iter()
        .copied()
        .find(|locale| locale.as_str() == code)
}

/// Switches the interface language and remembers the choice, except at a
/// kiosk: there it lasts until the next idle reset.
pub fn choose(language: Language, locale: Locale, in_kiosk: bool) {
    language.set(locale);
    if !in_kiosk {
        prefs::save_language(locale.as_str());
    }
}
