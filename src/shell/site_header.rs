use leptos::prelude::*;
use reader_core::route::AppRoute;

use crate::i18n::td_string;
use crate::kiosk::{KioskCountdownNotice, KioskSettingsNotice};
use crate::language::use_language;
use crate::navigation::focus_main;
use crate::shell::language_switcher::LanguageSwitcher;
use crate::shell::search_box::SearchBox;
use crate::state::SiteName;

/// The site header: a skip link, the column's name, the way back to the
/// column, the search box and the language switcher.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_language();
    let site = SiteName::use_context();
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
                {move || td_string!(lang.get(), skip_to_content)}
            </a>
            <div class="site-header__inner">
                <p class="site-header__name">{move || site.text(lang.get())}</p>
                <nav class="site-header__nav" aria-label=move || td_string!(lang.get(), site_nav)>
                    <a class="site-header__link" href="/">{move || td_string!(lang.get(), back_to_top)}</a>
                    <a class="site-header__link" href=AppRoute::Partners.href()>{move || td_string!(lang.get(), partners_link)}</a>
                </nav>
                <SearchBox/>
                <LanguageSwitcher/>
            </div>
            <KioskCountdownNotice/>
            <KioskSettingsNotice/>
        </header>
    }
}
