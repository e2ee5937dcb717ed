//! The interface language: Japanese (the default), Simplified Chinese or
//! English. Chosen by `?lang=`, else the reader's earlier choice, else the
//! browser's languages; `<html lang>` follows it. Articles keep their own
//! `lang`: only the interface is translated.
//!
//! The strings themselves are in `locales/{ja,zh,en}.json`, compiled in by
//! leptos_i18n (`crate::i18n`).

use leptos::prelude::*;
use leptos_i18n::context::init_i18n_subcontext;
use leptos_i18n::I18nContext;
use leptos_i18n::Locale as _;

use crate::i18n::Locale;
use crate::prefs;

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
        return remembered();
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

/// Creates and provides the language context, starting at `initial`.
pub fn provide(initial: Locale) -> I18nContext<Locale> {
    let i18n = init_i18n_subcontext(Some(Signal::derive(move || initial)));
    provide_context(i18n);
    i18n
}

/// Switches the interface language and remembers the choice, except at a
/// kiosk: there it lasts until the next idle reset.
pub fn choose(i18n: I18nContext<Locale>, locale: Locale, in_kiosk: bool) {
    i18n.set_locale(locale);
    if !in_kiosk {
        prefs::save_language(locale.as_str());
    }
}

/// The interface language now, untracked: for views that are rebuilt when
/// it changes (each page's content is; see `pages/`).
pub fn current() -> Locale {
    crate::i18n::use_i18n().get_locale_untracked()
}
