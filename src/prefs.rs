//! The reader's preferences in browser storage, and the language in a
//! cookie (which the server reads too). Components never touch storage
//! directly; when storage is unavailable (private mode, blocked cookies)
//! preferences simply last for the visit.

use reader_core::language::{cookie_value, interface_code};
use reader_core::settings::{ReaderSetting, SettingRow, Store, KIOSK_KEY, LANGUAGE};
use wasm_bindgen::JsCast;
use web_sys::Storage;

/// How long a cookie remembers a reader's choice.
const FOR_A_YEAR: &str = "; max-age=31536000";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A setting as its row keeps it; `None` when unset, or when what is kept
/// is none of its values (an old or tampered one).
pub fn load<T: ReaderSetting>() -> Option<T> {
    T::parse(&read(T::ROW)?)
}

/// Remembers a setting (`None`: forgets it); silently does nothing where
/// storage is refused.
pub fn save<T: ReaderSetting>(value: Option<T>) {
    write(T::ROW, value.map(ReaderSetting::as_str), FOR_A_YEAR);
}

fn read(row: SettingRow) -> Option<String> {
    match row.store {
        Store::Local => storage()?.get_item(row.key).ok().flatten(),
        Store::Cookie => {
            let cookies = html_document()?.cookie().ok()?;
            cookie_value(&cookies, row.key).map(str::to_owned)
        }
    }
}

/// `lifetime`: a cookie's (empty: the browser session).
fn write(row: SettingRow, value: Option<&str>, lifetime: &str) {
    match row.store {
        Store::Local => {
            if let Some(storage) = storage() {
                let _ = match value {
                    Some(value) => storage.set_item(row.key, value),
                    None => storage.remove_item(row.key),
                };
            }
        }
        Store::Cookie => {
            if let Some(document) = html_document() {
                let (value, lifetime) = match value {
                    Some(value) => (value, lifetime),
                    None => ("", "; max-age=0"),
                };
                let cookie = format!("{}={value}; path=/{lifetime}; samesite=lax", row.key);
                let _ = document.set_cookie(&cookie);
            }
        }
    }
}

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
    read(LANGUAGE)
}

/// Remembers a reader's interface language for a year.
pub fn save_language(code: &str) {
    write(LANGUAGE, Some(code), FOR_A_YEAR);
}

/// A kiosk's own language, for the browser session (a kiosk session ends
/// with it); it stands in for a reader's choice in that browser.
pub fn save_kiosk_language(code: &str) {
    write(LANGUAGE, Some(code), "");
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
