//! Route changes: whether the browser's "back" would stay inside the app,
//! and where keyboard focus goes after a change of page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use reader_core::route::{resolve, Resolved};

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

/// Sends an address that names a route with a trailing slash to the route
/// itself (keeping its query and fragment), as the server does with a 301:
/// called before the app renders, for addresses the server never saw (a
/// link followed offline, under the service worker).
pub fn normalise_address() {
    let location = window().location();
    let Ok(path) = location.pathname() else {
        return;
    };
    if let Resolved::Redirect(route) = resolve(&path) {
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        if let Ok(history) = window().history() {
            let url = format!("{}{search}{hash}", route.href());
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// Shows `children` (the router's routes) only at an address that is one
/// of the app's routes exactly, as `reader_core::route::resolve` (and the
/// server's config) answers; anything else is not found, whatever the
/// router would make of it. Place inside the `Router`.
#[component]
pub fn ExactRoutes(children: ChildrenFn, fallback: fn() -> AnyView) -> impl IntoView {
    let location = use_location();
    let on_route =
        Memo::new(move |_| matches!(resolve(&location.pathname.get()), Resolved::Page(_)));
    view! { <Show when=move || on_route.get() fallback=fallback>{children()}</Show> }
}
