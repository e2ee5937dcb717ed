//! The reader's preferences in browser storage, and the language in a
//! cookie (which the server reads too). Components never touch storage
//! directly; when storage is unavailable (private mode, blocked cookies)
//! preferences simply last for the visit.

use reader_core::language::{cookie_value, interface_code, LANGUAGE_COOKIE};
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

/// Where an earlier version of the app remembered the language; read once,
/// to move the choice into the cookie.
const OLD_LANGUAGE_KEY: &str = "changning-reader.language";

fn html_document() -> Option<web_sys::HtmlDocument> {
    web_sys::window()?.document()?.dyn_into().ok()
}

/// The remembered interface language as written (`ja`, `zh`, `en`), if
/// any: the `reader_lang` cookie, the one memory of it, which the server
/// reads too (deploy/nginx.conf).
pub fn load_language() -> Option<String> {
    let cookies = html_document()?.cookie().ok()?;
    cookie_value(&cookies, LANGUAGE_COOKIE).map(str::to_owned)
}

/// Remembers a reader's interface language for a year.
pub fn save_language(code: &str) {
    set_language_cookie(code, "; max-age=31536000");
}

/// A kiosk's own language, for the browser session (a kiosk session ends
/// with it); it stands in for a reader's choice in that browser.
pub fn save_kiosk_language(code: &str) {
    set_language_cookie(code, "");
}

fn set_language_cookie(code: &str, lifetime: &str) {
    if let Some(document) = html_document() {
        let cookie = format!("{LANGUAGE_COOKIE}={code}; path=/{lifetime}; samesite=lax");
        let _ = document.set_cookie(&cookie);
    }
}

/// Moves a choice the app kept in local storage into the cookie (unless the
/// cookie has one) and forgets the stored one. Does not change the language
/// on screen: the page was sent without it.
pub fn move_stored_language() {
    let Some(storage) = storage() else {
        return;
    };
    let Some(stored) = storage.get_item(OLD_LANGUAGE_KEY).ok().flatten() else {
        return;
    };
    if load_language().is_none() {
        if let Some(code) = interface_code(&stored) {
            save_language(code);
        }
    }
    let _ = storage.remove_item(OLD_LANGUAGE_KEY);
}
