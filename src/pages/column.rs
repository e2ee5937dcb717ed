use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use reader_core::Column;

use crate::components::load_error::{LoadErrorView, Loading};
use crate::i18n::{td_string, use_i18n};
use crate::offline::SavedCopyNotice;
use crate::text;
use crate::ColumnData;

/// `/`: the news column, its articles in the order the newsroom gives.
#[component]
pub fn ColumnPage() -> impl IntoView {
    let column = expect_context::<ColumnData>().0;
    let i18n = use_i18n();
    // Read by this render effect, not awaited in a Suspend: see `crate::ColumnData`.
    move || {
        // Rebuilt in the new language when the reader switches.
        let lang = i18n.get_locale();
        match column.get() {
            None => Loading().into_any(),
            Some(Ok(column)) => view! {
                <SavedCopyNotice saved_at=column.saved_at/>
                <ColumnList column=column.value.as_ref().clone()/>
            }
            .into_any(),
            Some(Err(error)) => view! {
                <Title text=text::describe(&error, lang).0/>
                <LoadErrorView error=error on_retry=move |_| column.refetch()/>
            }
            .into_any(),
        }
    }
}

#[component]
fn ColumnList(column: Column) -> impl IntoView {
    let title = column.about.title;
    let lang = crate::language::current();
    let empty = column.articles.is_empty();
    view! {
        <Title text=title.clone()/>
        <section class="column">
            <h1 class="column__title">{title}</h1>
            {empty.then(|| view! { <p>{td_string!(lang, no_articles)}</p> })}
            <ol class="column__list">
                {column
                    .articles
                    .into_iter()
                    .map(|entry| view! {
                        <li class="column__entry">
                            <h2 class="column__entry-title">
                                <a href=format!("/news/{}", entry.id)>{entry.title}</a>
                            </h2>
                            <p class="column__entry-date">
                                <time datetime=entry.published.to_string()>{entry.published.format(lang.as_str())}</time>
                            </p>
                            {entry.summary.map(|s| view! { <p class="column__entry-summary">{s}</p> })}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
