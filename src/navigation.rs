//! Whether the browser's "back" would stay inside the app.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// How many route changes the app has made since it loaded. When it is 0,
/// the page was opened directly and "back" would leave the app (to another
/// site, or to an empty tab).
#[derive(Clone, Copy)]
pub struct InAppHistory(RwSignal<u32>);

impl InAppHistory {
    pub fn can_go_back(&self) -> bool {
        self.0.get_untracked() > 0
    }
}

/// Counts route changes; place once inside the `Router`.
#[component]
pub fn NavigationTracker() -> impl IntoView {
    let changes = RwSignal::new(0);
    provide_context(InAppHistory(changes));
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            changes.update(|n| *n += 1);
        }
        path
    });
}
