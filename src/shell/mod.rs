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

use crate::handover::in_a_task_of_its_own;
use site_footer::SiteFooter;
use site_header::SiteHeader;

/// Every page: the header, the page's content as the main landmark (the
/// skip link's and a change of page's focus target), the footer. The app
/// and the pages published ahead of time both frame their pages with it.
#[component]
pub fn PageFrame(children: Children) -> impl IntoView {
    // Taking over a published page, each in a task of its own.
    let header = in_a_task_of_its_own(Box::new(|| view! { <SiteHeader/> }.into_any()));
    let footer = in_a_task_of_its_own(Box::new(|| view! { <SiteFooter/> }.into_any()));
    view! {
        {header}
        <main id="main" class="site-main" tabindex="-1">{in_a_task_of_its_own(children)}</main>
        {footer}
    }
}
