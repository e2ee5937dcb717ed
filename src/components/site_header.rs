use leptos::prelude::*;

use crate::components::language_switcher::LanguageSwitcher;
use crate::i18n::{t, t_string, use_i18n};
use crate::kiosk::{KioskCountdownNotice, KioskSettingsNotice};
use crate::navigation::focus_main;
use crate::ColumnData;

/// The site header: a skip link, the column's name and the way back to the column.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let column = expect_context::<ColumnData>();
    let i18n = use_i18n();
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
                {t!(i18n, skip_to_content)}
            </a>
            <div class="site-header__inner">
                <p class="site-header__name">
                    {move || column.title().unwrap_or_else(|| t_string!(i18n, column_fallback_title).to_owned())}
                </p>
                <nav class="site-header__nav" aria-label=move || t_string!(i18n, site_nav)>
                    <a class="site-header__link" href="/">{t!(i18n, back_to_top)}</a>
                    <a class="site-header__link" href="/partners">{t!(i18n, partners_link)}</a>
                </nav>
                <LanguageSwitcher/>
            </div>
            <KioskCountdownNotice/>
            <KioskSettingsNotice/>
        </header>
    }
}
