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
use reader_core::language::{interface_code, interface_language};

use crate::handover;
use crate::i18n::Locale;
use crate::kiosk_mode::Kiosk;
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

/// The reader's language before anything renders, by the rule the server
/// follows too (`reader_core::language`): `?lang=`, else the remembered
/// choice (the cookie), else the browser's languages. On a published page
/// the browser's languages are the page's own language: the server chose
/// it by the same rule from the same `?lang=` and cookie and from the
/// languages the browser's header sent (which an extension, a proxy or a
/// test can set apart from `navigator.languages`), so the page never
/// changes language when the app takes it over.
///
/// `?lang=` is remembered, except on a kiosk: there only the one it was
/// set up with is (its own language, for the browser session).
pub fn initial(kiosk: &Kiosk) -> Locale {
    let asked = query_language();
    let remembered = prefs::load_language();
    let heard = handover::published_language().unwrap_or_else(browser_languages);
    let code = interface_language(asked.as_deref(), remembered.as_deref(), &heard);
    if kiosk.setting_up {
        if let Some(code) = asked.as_deref().and_then(interface_code) {
            prefs::save_kiosk_language(code);
        }
    } else if !kiosk.active() {
        // Asked for, or chosen before: remembered for another year.
        let kept = asked.as_deref().and_then(interface_code);
        if let Some(code) = kept.or_else(|| remembered.as_deref().and_then(interface_code)) {
            prefs::save_language(code);
        }
        prefs::move_stored_language();
    }
    parse(code).unwrap_or_default()
}

/// `?lang=` as the address has it.
fn query_language() -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("lang")
}

/// The browser's languages, as its `Accept-Language` lists them.
fn browser_languages() -> String {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|lang| lang.as_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// A kiosk's own language, which an idle reset returns to: the one it was
/// set up with (kept for the session), else the browser's. A visitor's
/// choice is never kept there.
pub fn kiosk_language() -> Locale {
    let remembered = prefs::load_language();
    parse(interface_language(
        None,
        remembered.as_deref(),
        &browser_languages(),
    ))
    .unwrap_or_default()
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
