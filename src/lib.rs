//! The Changning news reader: a Leptos (CSR) app over the JSON files in `/data/`.
//!
//! Data flows one way: [`api`] fetches bytes, `reader_core` decodes and
//! validates them, pages hold the result in resources and signals, and the
//! views in [`article`], [`map`], [`print`] and [`shell`] render it. See
//! ARCHITECTURE.md.

#![recursion_limit = "256"]

pub mod api;
pub mod article;
pub mod background;
pub mod handover;
pub mod kiosk;
pub mod kiosk_mode;
pub mod language;
pub mod map;
pub mod motion;
pub mod navigation;
pub mod offline;
pub mod pages;
pub mod parts;
pub mod prefs;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod print;
pub mod reading_aids;
pub mod search;
pub mod settings;
pub mod shell;
pub mod speech;
pub mod state;
pub mod text;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::Router;
use reader_core::route::RouteKind;
use reader_core::IsoDate;

use navigation::NavigationTracker;
use pages::article::{ArticlePage, ArticlePrintPage};
use pages::column::ColumnPage;
use pages::not_found::NotFoundPage;
use shell::PageFrame;
pub use state::{CitiesData, ColumnData, FontScaleSetting};
use state::{SiteName, SiteOrigin, ThisYear, Today};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    let kiosk = kiosk::init();
    provide_context(kiosk);
    let lang = language::provide(language::initial(&kiosk));
    // The reader's settings, as the page's own script has already shown
    // them (a kiosk's: as it starts).
    settings::provide(kiosk.active(), lang);

    let column = ColumnData::new(LocalResource::new(api::load_column));
    provide_context(column);
    provide_context(CitiesData::new(LocalResource::new(api::load_cities)));
    provide_context(SiteName(Signal::derive(move || column.title())));
    provide_context(SiteOrigin(window().location().origin().unwrap_or_default()));
    // The search's part of the app, fetched as the reader comes to the
    // search box (once: a part that is here answers at once).
    provide_context(shell::search_box::SearchComing(Callback::new(|()| {
        leptos::task::spawn_local(async {
            let _ = pages::search::search_ready().await;
        });
    })));
    let today = today();
    provide_context(Today(today));
    provide_context(ThisYear(
        today.map_or(js_sys::Date::new_0().get_full_year() as u16, |d| d.year),
    ));

    // Taking over a published page, the router and the page's frame
    // render a task after the app's setup (which starts the data's
    // requests): no one task compiles and runs both.
    let routed = handover::in_a_task_of_its_own(Box::new(|| {
        view! {
            <Router>
                <NavigationTracker/>
                <parts::KioskRunner/>
                <PageFrame>
                    <navigation::AppRoutes page=page_of not_found=|| NotFoundPage().into_any()/>
                </PageFrame>
            </Router>
        }
        .into_any()
    }));
    view! {
        <Html attr:lang=move || lang.code()/>
        {routed}
        <shell::refresh_notice::RefreshNotice/>
    }
}

/// The page that shows each kind of route.
fn page_of(kind: RouteKind) -> AnyView {
    match kind {
        RouteKind::Column | RouteKind::ColumnPage => view! { <ColumnPage/> }.into_any(),
        RouteKind::Article => view! { <ArticlePage/> }.into_any(),
        RouteKind::ArticlePrint => view! { <ArticlePrintPage/> }.into_any(),
        RouteKind::Partners | RouteKind::Partner => {
            parts::page_in_part(pages::partners::partners_page)
        }
        RouteKind::Search => parts::page_in_part(pages::search::search_page),
    }
}

/// Today, by the reader's clock.
fn today() -> Option<IsoDate> {
    let now = js_sys::Date::new_0();
    IsoDate::parse(&format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    ))
}
