use leptos::prelude::*;

use crate::language::use_language;
use crate::state::SiteName;

/// The site footer: the site's name, no vendor credit.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_language();
    let site = SiteName::use_context();
    view! {
        <footer class="site-footer screen-only">
            <p class="site-footer__name">{move || site.text(lang.get())}</p>
        </footer>
    }
}
