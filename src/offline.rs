//! Offline: the service worker (public/sw.js) and telling the reader when
//! what they see is the copy saved for offline use.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::td_string;
use crate::language::use_language;

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

/// "Showing saved data": said by each page for the data it shows, when
/// that data is the copy saved for offline use (`saved_at`, the time it
/// was saved) rather than a fresh answer.
#[component]
pub fn SavedCopyNotice(#[prop(into)] saved_at: Signal<Option<String>>) -> impl IntoView {
    let lang = use_language();
    move || {
        saved_at.get().map(|at| {
            let date = reader_core::IsoDate::parse(at.get(..10).unwrap_or_default());
            view! {
                <p class="saved-notice" role="status" lang=move || lang.code()>
                    {move || td_string!(lang.get(), showing_saved_copy)}
                    {move || date.map(|d| format!("({} {})", d.format(lang.code()), td_string!(lang.get(), saved_on)))}
                </p>
            }
        })
    }
}
