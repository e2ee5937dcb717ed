use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{td_string, use_i18n};

/// Any path that is not a route of the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    // Rebuilt in the new language when the reader switches.
    move || {
        let lang = i18n.get_locale();
        view! { <NotFoundMessage heading=td_string!(lang, page_not_found) help=td_string!(lang, page_not_found_help)/> }
    }
}

/// A "not found" message with the way back to the column.
#[component]
pub fn NotFoundMessage(heading: &'static str, help: &'static str) -> impl IntoView {
    let lang = crate::language::current();
    view! {
        <Title text=heading/>
        <section class="not-found">
            <h1 class="not-found__heading">{heading}</h1>
            <p>{help}</p>
            <p><a href="/">{td_string!(lang, to_column)}</a></p>
        </section>
    }
}
