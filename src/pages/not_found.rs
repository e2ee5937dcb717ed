use leptos::prelude::*;
use leptos_meta::Title;

use crate::handover;
use crate::i18n::td_string;
use crate::language::use_language;
use crate::ColumnData;

/// Any path that is not a route of the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let column = expect_context::<ColumnData>();
    handover::Completion::of_page().when(move || column.settled());
    let path = leptos_router::hooks::use_location().pathname;
    move || {
        let missing = if reader_core::route::names_an_article(&path.get()) {
            Missing::Article
        } else {
            Missing::Page
        };
        view! { <NotFoundMessage missing/> }
    }
}

/// What was not found.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Page,
    Article,
}

/// A "not found" message with the way back to the column.
#[component]
pub fn NotFoundMessage(missing: Missing) -> impl IntoView {
    let lang = use_language();
    let heading = move || match missing {
        Missing::Page => td_string!(lang.get(), page_not_found),
        Missing::Article => td_string!(lang.get(), article_not_found),
    };
    let help = move || match missing {
        Missing::Page => td_string!(lang.get(), page_not_found_help),
        Missing::Article => td_string!(lang.get(), article_not_found_help),
    };
    view! {
        <Title text=heading/>
        <section class="not-found">
            <h1 class="not-found__heading">{heading}</h1>
            <p>{help}</p>
            <p><a href=reader_core::route::AppRoute::Column.href()>{move || td_string!(lang.get(), to_column)}</a></p>
        </section>
    }
}
