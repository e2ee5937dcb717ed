use leptos::prelude::*;

use crate::text;
use crate::ColumnData;

/// The site footer: the site's name, no vendor credit.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let column = expect_context::<ColumnData>();
    view! {
        <footer class="site-footer screen-only">
            <p class="site-footer__name">
                {move || column.title().unwrap_or_else(|| text::COLUMN_FALLBACK_TITLE.to_owned())}
            </p>
        </footer>
    }
}
