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
pub mod state;
pub mod text;

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use reader_core::FontScale;

use components::site_footer::SiteFooter;
use components::site_header::SiteHeader;
use navigation::NavigationTracker;
use pages::article::{ArticlePage, ArticlePrintPage};
use pages::column::ColumnPage;
use pages::not_found::NotFoundPage;
use pages::partners::PartnersPage;
pub use state::{CitiesData, ColumnData, FontScaleSetting};

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

    provide_context(ColumnData(LocalResource::new(api::load_column)));
    provide_context(CitiesData(LocalResource::new(api::load_cities)));

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
