//! The site search's views: what was searched and how many were found
//! (`search_view.rs`), the filters (`search_filters.rs`), the results with
//! their marked excerpts (`search_results.rs`), and the published page's
//! word for a reader without scripts. The page that searches is
//! `pages/search.rs`; the index is asked through `api`.

pub mod search_filters;
pub mod search_results;
pub mod search_view;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::td_string;
use crate::language::use_language;

/// `/search` as published: the heading and, for a reader without scripts,
/// that searching needs them (the header's box still sends the query here).
#[component]
pub fn SearchPublished() -> impl IntoView {
    let lang = use_language();
    view! {
        <Title text=move || td_string!(lang.get(), search_title)/>
        <section class="search">
            <h1 class="search__heading">{move || td_string!(lang.get(), search_title)}</h1>
            // Not a <noscript>: shown by the published page itself and
            // hidden by style once the page's script has run
            // (`style/search.css`), so a browser that parses <noscript> as
            // text while its scripts are blocked still shows it.
            <div class="search__without-script">
                <p class="search__message">{move || td_string!(lang.get(), search_needs_js)}</p>
                <p><a href=reader_core::route::AppRoute::Column.href()>{move || td_string!(lang.get(), to_column)}</a></p>
            </div>
        </section>
    }
}
