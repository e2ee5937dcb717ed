//! Route changes: whether the browser's "back" would stay inside the app,
//! and where keyboard focus goes after a change of page.

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

/// Goes to a route of the app without a page load. In context inside the
/// `Router`, so that components can navigate without depending on it (and
/// render where there is none, as when pages are published).
#[derive(Clone, Copy)]
pub struct Navigator(Callback<String>);

impl Navigator {
    pub fn go(&self, path: &str) {
        self.0.run(path.to_owned());
    }
}

/// Counts route changes, and after each one moves keyboard focus to the
/// main content (the skip link's target), so that focus is never left on a
/// control that no longer exists. Provides [`Navigator`]. Place once inside
/// the `Router`.
#[component]
pub fn NavigationTracker() -> impl IntoView {
    let changes = RwSignal::new(0);
    provide_context(InAppHistory(changes));
    let navigate = leptos_router::hooks::use_navigate();
    provide_context(Navigator(Callback::new(move |path: String| {
        navigate(&path, Default::default())
    })));
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if let Some(previous) = previous.filter(|p| *p != path) {
            changes.update(|n| *n += 1);
            if moves_focus(&previous, &path) {
                focus_main();
            }
        }
        path
    });
}

/// Selecting partners (`/partners/a` → `/partners/b`) keeps focus where the
/// map page puts it; any other change of page sends it to the main content.
fn moves_focus(from: &str, to: &str) -> bool {
    let on_map = |p: &str| p == "/partners" || p.starts_with("/partners/");
    !(on_map(from) && on_map(to))
}

/// Moves keyboard focus to the main content (`#main`).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}
