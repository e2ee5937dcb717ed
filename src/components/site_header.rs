use leptos::prelude::*;

use crate::kiosk::KioskCountdownNotice;
use crate::navigation::focus_main;
use crate::offline::SavedCopyNotice;
use crate::text;
use crate::ColumnData;

/// The site header: a skip link, the column's name and the way back to the column.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let column = expect_context::<ColumnData>();
    view! {
        <header class="site-header screen-only">
            // The router would treat "#main" as a navigation: move focus ourselves.
            <a
                class="skip-link"
                href="#main"
                on:click=|event| {
                    event.prevent_default();
                    focus_main();
                }
            >
                {text::SKIP_TO_CONTENT}
            </a>
            <div class="site-header__inner">
                <p class="site-header__name">
                    {move || column.title().unwrap_or_else(|| text::COLUMN_FALLBACK_TITLE.to_owned())}
                </p>
                <nav class="site-header__nav" aria-label=text::SITE_NAV>
                    <a class="site-header__link" href="/">{text::BACK_TO_TOP}</a>
                    <a class="site-header__link" href="/partners">{text::PARTNERS_LINK}</a>
                </nav>
            </div>
            <SavedCopyNotice/>
            <KioskCountdownNotice/>
        </header>
    }
}
