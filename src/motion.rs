//! Motion on the page: whether the reader prefers less of it, and the
//! clock animations run on.

use leptos::prelude::window;

/// The reader's preference, asked when it is needed: a listener kept per
/// view would outlive the view (a kiosk opens thousands).
pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|list| list.matches())
}

/// Milliseconds on the page's clock (`performance.now()`), or 0 where
/// there is none (an animation then arrives at its first frame).
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}
