//! The reader's preferences in browser storage (and the language also in a
//! cookie, for the server). Components never touch storage directly; when
//! storage is unavailable (private mode, blocked cookies) preferences simply
//! last for the visit.

use reader_core::{ColourTheme, FontScale};
use wasm_bindgen::JsCast;
use web_sys::Storage;

const FONT_SCALE_KEY: &str = "changning-reader.font-scale";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text size, or the default when none (or nothing readable) is stored.
pub fn load_font_scale() -> FontScale {
    storage()
        .and_then(|s| s.get_item(FONT_SCALE_KEY).ok().flatten())
        .and_then(|value| FontScale::parse(&value))
        .unwrap_or_default()
}

/// Remembers the text size; silently does nothing where storage is refused.
pub fn save_font_scale(scale: FontScale) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(FONT_SCALE_KEY, scale.as_str());
    }
}

const THEME_KEY: &str = "changning-reader.theme";

/// The reader's chosen colour theme; `None` for the system's.
pub fn load_colour_theme() -> Option<ColourTheme> {
    storage()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
        .and_then(|value| ColourTheme::parse(&value))
}

/// Remembers the colour theme (or forgets it: the system's again).
pub fn save_colour_theme(theme: Option<ColourTheme>) {
    if let Some(storage) = storage() {
        let _ = match theme {
            Some(theme) => storage.set_item(THEME_KEY, theme.as_str()),
            None => storage.remove_item(THEME_KEY),
        };
    }
}

const FURIGANA_KEY: &str = "changning-reader.furigana";

/// Whether the reader turned furigana on.
pub fn load_furigana() -> bool {
    storage()
        .and_then(|s| s.get_item(FURIGANA_KEY).ok().flatten())
        .is_some_and(|value| value == "on")
}

pub fn save_furigana(on: bool) {
    if let Some(storage) = storage() {
        let _ = if on {
            storage.set_item(FURIGANA_KEY, "on")
        } else {
            storage.remove_item(FURIGANA_KEY)
        };
    }
}

const KIOSK_KEY: &str = "changning-reader.kiosk";

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Kiosk mode for this browser session: its home route and idle override.
pub fn load_kiosk() -> Option<(String, Option<u32>)> {
    let value = session()?.get_item(KIOSK_KEY).ok().flatten()?;
    let (home, idle) = value.split_once('|')?;
    Some((home.to_owned(), idle.parse().ok()))
}

pub fn save_kiosk(home: &str, idle: Option<u32>) {
    if let Some(storage) = session() {
        let idle = idle.map(|s| s.to_string()).unwrap_or_default();
        let _ = storage.set_item(KIOSK_KEY, &format!("{home}|{idle}"));
    }
}

pub fn clear_kiosk() {
    if let Some(storage) = session() {
        let _ = storage.remove_item(KIOSK_KEY);
    }
}

const LANGUAGE_KEY: &str = "changning-reader.language";

/// The remembered interface language (`ja`, `zh`, `en`), if any: a kiosk's
/// own (set when it was started) before a reader's.
pub fn load_language() -> Option<String> {
    let read = |store: Storage| store.get_item(LANGUAGE_KEY).ok().flatten();
    session()
        .and_then(read)
        .or_else(|| storage().and_then(read))
}

/// The cookie the server reads to send a published page in the reader's
/// language (deploy/nginx.conf); the same choice as the stored one.
const LANGUAGE_COOKIE: &str = "reader_lang";

/// Remembers a reader's interface language across visits, for the app
/// (local storage) and for the server that sends published pages (a cookie).
pub fn save_language(code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANGUAGE_KEY, code);
    }
    let cookie = format!("{LANGUAGE_COOKIE}={code}; path=/; max-age=31536000; samesite=lax");
    if let Ok(document) = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().map_err(|_| ()))
    {
        let _ = document.set_cookie(&cookie);
    }
}

/// A kiosk's language, for this browser session: what an idle reset returns to.
pub fn save_kiosk_language(code: &str) {
    if let Some(session) = session() {
        let _ = session.set_item(LANGUAGE_KEY, code);
    }
}
