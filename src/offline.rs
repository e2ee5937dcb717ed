//! Offline: the service worker (public/sw.js) and telling the reader when
//! what they see is the copy saved for offline use.

use leptos::prelude::*;
use reader_core::route::offline_file;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    PerformanceObserver, PerformanceObserverEntryList, PerformanceResourceTiming, ServiceWorker,
    ServiceWorkerRegistration,
};

use crate::i18n::td_string;
use crate::language::use_language;

/// Registers `/sw.js` where the browser supports service workers; a browser
/// that cannot simply stays online-only. Once the worker is active, the
/// page tells it what it used (see [`tell_worker`]).
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported {
        return;
    }
    let container = navigator.service_worker();
    // Loaded without the worker (the first visit, a forced reload): the
    // data this page loads does not pass through it.
    let uncontrolled = container.controller().is_none();
    let _ = container.register("/sw.js");
    let Ok(ready) = container.ready() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let active = registration
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.active());
        if let Some(worker) = active {
            tell_worker(worker, uncontrolled);
        }
    });
}

/// Tells the active worker the page started (it then saves the parts of
/// the app it could not save before) and, on a page it did not control,
/// every data file and world map the page loads (the resource timing
/// entries, those before this call included), so that after one visit
/// the page reads offline.
fn tell_worker(worker: ServiceWorker, uncontrolled: bool) {
    post_files(&worker, &[]);
    if !uncontrolled {
        return;
    }
    let origin = window().location().origin().unwrap_or_default();
    let observed = Closure::<dyn Fn(PerformanceObserverEntryList)>::new(
        move |list: PerformanceObserverEntryList| {
            let files: Vec<String> = list
                .get_entries()
                .iter()
                .filter_map(|entry| entry.dyn_into::<PerformanceResourceTiming>().ok())
                // A body: a GET's answer (a HEAD's has none).
                .filter(|entry| entry.encoded_body_size() > 0.0)
                .filter_map(|entry| offline_file(&entry.name(), &origin).map(str::to_owned))
                .collect();
            if !files.is_empty() {
                post_files(&worker, &files);
            }
        },
    );
    let Ok(observer) = PerformanceObserver::new(observed.as_ref().unchecked_ref()) else {
        return;
    };
    // `type` with `buffered`: the entries from before this call too.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"resource".into());
    let _ = js_sys::Reflect::set(&options, &"buffered".into(), &true.into());
    observer.observe(options.unchecked_ref());
    // Observed for the page's life.
    observed.forget();
}

/// `{ save: [path, …] }` to the worker (public/sw.js).
fn post_files(worker: &ServiceWorker, files: &[String]) {
    let list: js_sys::Array = files.iter().map(|f| JsValue::from_str(f)).collect();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"save".into(), &list);
    let _ = worker.post_message(&message);
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
