use leptos::prelude::*;
use leptos_meta::Title;

use crate::text;

/// Any path that is not a route of the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFoundMessage heading=text::PAGE_NOT_FOUND help=text::PAGE_NOT_FOUND_HELP/> }
}

/// A "not found" message with the way back to the column.
#[component]
pub fn NotFoundMessage(heading: &'static str, help: &'static str) -> impl IntoView {
    view! {
        <Title text=heading/>
        <section class="not-found">
            <h1 class="not-found__heading">{heading}</h1>
            <p>{help}</p>
            <p><a href="/">{text::TO_COLUMN}</a></p>
        </section>
    }
}
