use leptos::prelude::*;

use crate::i18n::{t_string, use_i18n};
use crate::ColumnData;

/// The site footer: the site's name, no vendor credit.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let column = expect_context::<ColumnData>();
    let i18n = use_i18n();
    view! {
        <footer class="site-footer screen-only">
            <p class="site-footer__name">
                {move || column.title().unwrap_or_else(|| t_string!(i18n, column_fallback_title).to_owned())}
            </p>
        </footer>
    }
}
