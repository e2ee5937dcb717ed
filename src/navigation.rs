//! Route changes: whether the browser's "back" would stay inside the app,
//! and where keyboard focus goes after a change of page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use reader_core::route::{resolve, AppRoute, Resolved, RouteKind};
use reader_core::search::SearchParams;
use reader_core::Id;

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
    provide_current_route();
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
    let on_map = |p: &str| AppRoute::parse(p).is_some_and(|route| route.on_map());
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

/// The page the address names, as `reader_core::route::resolve` (and the
/// server's config) reads it: the one way the app reads its route.
/// Provided by [`NavigationTracker`]; where there is none (a component
/// rendered on its own), the column.
#[derive(Clone, Copy)]
pub struct CurrentRoute(Memo<Option<AppRoute>>);

impl CurrentRoute {
    /// The route, or `None` at an address that is no route of the app.
    pub fn get(&self) -> Option<AppRoute> {
        self.0.get()
    }

    /// The id of the article the route shows (its page or print view).
    pub fn article_id(&self) -> Option<Id> {
        self.0
            .with(|route| route.as_ref().and_then(AppRoute::article).cloned())
    }

    /// The partner selected on the map, if any.
    pub fn partner_id(&self) -> Option<Id> {
        self.0.with(|route| match route {
            Some(AppRoute::Partner(id)) => Some(id.clone()),
            _ => None,
        })
    }

    /// Which route it is, without its ids.
    pub fn kind(&self) -> Option<RouteKind> {
        self.0.with(|route| route.as_ref().map(AppRoute::kind))
    }
}

/// The current route (see [`CurrentRoute`]).
pub fn use_current_route() -> CurrentRoute {
    use_context::<CurrentRoute>()
        .unwrap_or_else(|| CurrentRoute(Memo::new(|_| Some(AppRoute::Column))))
}

fn provide_current_route() {
    let location = use_location();
    let route = Memo::new(move |_| match resolve(&location.pathname.get()) {
        Resolved::Page(route) => Some(route),
        Resolved::Redirect(_) | Resolved::NotFound => None,
    });
    provide_context(CurrentRoute(route));
    provide_context(CurrentSearch(Memo::new(move |_| {
        (route.get() == Some(AppRoute::Search))
            .then(|| SearchParams::from_query_string(&location.search.get()))
    })));
}

/// What the address asks the site search (`/search?q=…`), on the search's
/// route only: the one way the app reads a search. Provided by
/// [`NavigationTracker`]; where there is none (a page published ahead of
/// time), no search.
#[derive(Clone, Copy)]
pub struct CurrentSearch(Memo<Option<SearchParams>>);

impl CurrentSearch {
    /// The search asked, or `None` on any other route (tracked).
    pub fn get(&self) -> Option<SearchParams> {
        self.0.get()
    }
}

/// The current search (see [`CurrentSearch`]).
pub fn use_current_search() -> CurrentSearch {
    use_context::<CurrentSearch>().unwrap_or_else(|| CurrentSearch(Memo::new(|_| None)))
}

/// Shows the page of the current route, one view per kind of page (the
/// page reads its ids from [`CurrentRoute`], so moving between two
/// articles keeps it mounted); `not_found` anywhere else.
///
/// The router puts a new address in the address bar only when the routes
/// say the new page is ready (its `LocationProvider::ready_to_complete`,
/// which leptos_router's own `Routes` call): done here once the page of
/// the new address is rendered.
#[component]
pub fn AppRoutes(page: fn(RouteKind) -> AnyView, not_found: fn() -> AnyView) -> impl IntoView {
    use leptos_router::location::{BrowserUrl, LocationProvider};
    let route = use_current_route();
    let kind = Memo::new(move |_| route.kind().map(RouteKind::page));
    let browser = use_context::<BrowserUrl>();
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        if let Some(browser) = &browser {
            browser.ready_to_complete();
        }
    });
    move || match kind.get() {
        Some(kind) => page(kind),
        None => not_found(),
    }
}
