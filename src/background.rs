//! Data a page can show without: loaded in the background, into a signal.
//!
//! A Leptos resource read under a `<Suspense>` while it is still loading
//! sends the whole `<Suspense>` back to its fallback, and its children are
//! built anew when it arrives. For data that only adds to a page (the
//! articles naming a partner, the world outline of the printed map), that
//! would hide the page until the extra file arrived and then throw away
//! what the reader had done on it (zoom, filters, focus). A value loaded
//! here is never waited for: views read `None` until it arrives.

use std::future::Future;

use leptos::prelude::*;

/// Starts `future` now and returns the signal it fills when it completes.
/// If the page is gone by then, the value is dropped.
pub fn load<T>(future: impl Future<Output = T> + 'static) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
{
    let (value, set_value) = signal(None);
    leptos::task::spawn_local(async move {
        let _ = set_value.try_set(Some(future.await));
    });
    value
}

/// Starts `start()` once `ready()` first holds, and returns the signal it
/// fills: for data only worth fetching when there is something to show it on.
pub fn load_when<T, F>(
    ready: impl Fn() -> bool + 'static,
    start: impl FnOnce() -> F + 'static,
) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
    F: Future<Output = T> + 'static,
{
    let (value, set_value) = signal(None);
    let start = StoredValue::new_local(Some(start));
    Effect::new(move |_| {
        if ready() {
            if let Some(start) = start.try_update_value(Option::take).flatten() {
                leptos::task::spawn_local(async move {
                    let _ = set_value.try_set(Some(start().await));
                });
            }
        }
    });
    value
}
