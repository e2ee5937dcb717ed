//! What frames every page: the header (with the language switcher), the
//! footer, and the views for loading, load errors and data notices.

pub mod data_notice;
pub mod language_switcher;
pub mod load_error;
pub mod refresh_notice;
pub mod search_box;
pub mod site_footer;
pub mod site_header;

use leptos::prelude::*;

use site_footer::SiteFooter;
use site_header::SiteHeader;

/// Every page: the header, the page's content as the main landmark (the
/// skip link's and a change of page's focus target), the footer. The app
/// and the pages published ahead of time both frame their pages with it.
#[component]
pub fn PageFrame(children: Children) -> impl IntoView {
    view! {
        <SiteHeader/>
        <main id="main" class="site-main" tabindex="-1">{children()}</main>
        <SiteFooter/>
    }
}
