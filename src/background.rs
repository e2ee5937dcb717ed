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

/// Lets the browser paint and handle input before going on: what follows
/// runs in a task of its own. Work that would be one long task (the app
/// taking over a published page: compiling, rendering, each part as it
/// arrives) is cut here into tasks short enough not to hold up a tap
/// (Lighthouse's total blocking time counts what each task runs over 50 ms).
/// The timer is wrapped as `Send`, which a `Suspend` asks of its future;
/// the app has one thread.
pub async fn next_task() {
    send_wrapper::SendWrapper::new(gloo_timers::future::TimeoutFuture::new(0)).await;
}

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

/// Loads `start(key)` for the current `key`, once `ready()` holds, and again
/// whenever the key changes (the router may keep a page while its id
/// changes): the signal has the value for the current key only, never one
/// left over from the key before.
pub fn load_for<K, T, F>(
    key: Signal<Option<K>>,
    ready: impl Fn() -> bool + 'static,
    start: impl Fn(K) -> F + 'static,
) -> Signal<Option<T>>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
    F: Future<Output = T> + 'static,
{
    let value = RwSignal::new(None::<(K, T)>);
    let started = StoredValue::new(None::<K>);
    Effect::new(move |_| {
        let Some(current) = key.get() else {
            return;
        };
        if !ready() || started.with_value(|s| s.as_ref() == Some(&current)) {
            return;
        }
        started.set_value(Some(current.clone()));
        let future = start(current.clone());
        leptos::task::spawn_local(async move {
            let loaded = future.await;
            // Only if it is still the key wanted (a later one may have started).
            if started.try_with_value(|s| s.as_ref() == Some(&current)) == Some(true) {
                let _ = value.try_set(Some((current, loaded)));
            }
        });
    });
    Signal::derive(move || {
        let current = key.get()?;
        value.with(|v| {
            v.as_ref()
                .filter(|(k, _)| *k == current)
                .map(|(_, loaded)| loaded.clone())
        })
    })
}
