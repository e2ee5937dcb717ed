use leptos::prelude::*;

use crate::text;
use crate::ColumnData;

/// The site header: a skip link, the column's name and the way back to the column.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let column = expect_context::<ColumnData>();
    view! {
        <header class="site-header screen-only">
            <a class="skip-link" href="#main">{text::SKIP_TO_CONTENT}</a>
            <div class="site-header__inner">
                <p class="site-header__name">
                    {move || column.title().unwrap_or_else(|| text::COLUMN_FALLBACK_TITLE.to_owned())}
                </p>
                <nav class="site-header__nav" aria-label=text::SITE_NAV>
                    <a class="site-header__link" href="/">{text::BACK_TO_TOP}</a>
                    <a class="site-header__link" href="/partners">{text::PARTNERS_LINK}</a>
                </nav>
            </div>
        </header>
    }
}
