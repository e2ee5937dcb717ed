//! The Changning news reader: a Leptos (CSR) app over the JSON files in `/data/`.
//!
//! Data flows one way: [`api`] fetches bytes, `reader_core` decodes and
//! validates them, resources and signals hold the result, and the views in
//! [`pages`] and [`components`] render it. See ARCHITECTURE.md.

pub mod api;
pub mod background;
pub mod components;
pub mod kiosk;
pub mod language;
pub mod navigation;
pub mod offline;
pub mod pages;
pub mod prefs;
pub mod text;

use std::sync::Arc;

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use reader_core::{Cities, Column, FontScale, LoadError};

use components::site_footer::SiteFooter;
use components::site_header::SiteHeader;
use navigation::NavigationTracker;
use pages::article::{ArticlePage, ArticlePrintPage};
use pages::column::ColumnPage;
use pages::not_found::NotFoundPage;
use pages::partners::PartnersPage;

/// The news column, loaded once for the whole app (header, footer, `/`).
///
/// Data that lives as long as the app is read by pages outside their
/// `<Suspense>`, in the render effect that chooses what the page shows, and
/// never awaited in a `Suspend`: Leptos 0.8 keeps something of every
/// `<Suspense>` and `Suspend` that reads a long-lived value until that value
/// changes, which data loaded once never does (a kilobyte or two per page
/// visit, found by the kiosk soak; see also vendor/reactive_graph/PATCHED.md).
#[derive(Clone, Copy)]
pub struct ColumnData(pub LocalResource<Result<Arc<Column>, LoadError>>);

impl ColumnData {
    /// The column's title once it is known.
    pub fn title(&self) -> Option<String> {
        self.0
            .get()
            .and_then(|column| column.ok())
            .map(|c| c.about.title.clone())
    }
}

/// The partner cities, loaded once for the whole app (map, article links).
/// Read like [`ColumnData`].
#[derive(Clone, Copy)]
pub struct CitiesData(pub LocalResource<Result<Arc<Cities>, LoadError>>);

/// The reader's article text size, shared by every page that shows an article.
#[derive(Clone, Copy)]
pub struct FontScaleSetting(pub RwSignal<FontScale>);

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    // Read before anything renders, so an article is painted at the reader's
    // size from its first frame and never jumps.
    let kiosk = kiosk::init();
    provide_context(kiosk);
    let i18n = language::provide(language::initial(kiosk.active()));
    // A kiosk starts with large text; a reader with their own choice.
    let font_scale = RwSignal::new(if kiosk.active() {
        FontScale::Large
    } else {
        prefs::load_font_scale()
    });
    Effect::new(move |_| prefs::save_font_scale(font_scale.get()));
    provide_context(FontScaleSetting(font_scale));

    let column = LocalResource::new(|| async { api::load_column().await.map(Arc::new) });
    provide_context(ColumnData(column));
    let cities = LocalResource::new(|| async { api::load_cities().await.map(Arc::new) });
    provide_context(CitiesData(cities));

    view! {
        <Html attr:lang=move || i18n.get_locale().as_str()/>
        <Router>
            <NavigationTracker/>
            <kiosk::KioskRunner/>
            <SiteHeader/>
            <main id="main" class="site-main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=ColumnPage/>
                    <Route path=path!("/news/:id") view=|| view! { <ArticlePage/> }/>
                    <Route path=path!("/news/:id/print") view=ArticlePrintPage/>
                    <Route path=path!("/partners/:id?") view=PartnersPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
