//! Offline: the service worker (public/sw.js) and telling the reader when
//! what they see is the copy saved for offline use.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use wasm_bindgen::JsValue;

use crate::api;
use crate::i18n::{td_string, use_i18n};

/// Registers `/sw.js` where the browser supports service workers; a browser
/// that cannot simply stays online-only.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if supported {
        let _ = navigator.service_worker().register("/sw.js");
    }
}

/// "Showing saved data" while the network cannot be reached.
#[component]
pub fn SavedCopyNotice() -> impl IntoView {
    let saved = api::saved_copy();
    let i18n = use_i18n();
    move || {
        let lang = i18n.get_locale();
        saved.get().map(|at| {
            let date = at.get(..10).unwrap_or_default().to_owned();
            view! {
                <p class="saved-notice" role="status">
                    {td_string!(lang, showing_saved_copy)}
                    {reader_core::IsoDate::parse(&date).map(|d| format!("({} {})", d.format(lang.as_str()), td_string!(lang, saved_on)))}
                </p>
            }
        })
    }
}
