use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use reader_core::route::AppRoute;
use reader_core::Column;

use crate::handover;
use crate::i18n::td_string;
use crate::language::use_language;
use crate::offline::SavedCopyNotice;
use crate::shell::data_notice::ColumnNotices;
use crate::shell::load_error::{LoadErrorView, Loading};
use crate::text;
use crate::ColumnData;

/// `/`: the news column, its articles in the order the newsroom gives.
#[component]
pub fn ColumnPage() -> impl IntoView {
    let column = expect_context::<ColumnData>();
    let lang = use_language();
    let completion = handover::Completion::of_page();
    // Read by this render effect, not awaited in a Suspend: see `crate::state::AppData`.
    move || match column.outcome() {
        None => {
            completion.pending();
            Loading().into_any()
        }
        Some(Ok(loaded)) => {
            completion.when(|| true);
            view! {
            <SavedCopyNotice saved_at=loaded.saved_at/>
            <ColumnList column=loaded.value/>
            }
            .into_any()
        }
        Some(Err(error)) => {
            // Unless final (`LoadError::is_final`), a published column stays.
            let for_now = !error.is_final();
            completion.unless_failed(
                || true,
                move || for_now,
                Callback::new(move |_| column.refetch()),
            );
            let title = {
                let error = error.clone();
                move || text::describe(&error, lang.get()).0
            };
            let title =
                (!for_now || !handover::published_in_view()).then(|| view! { <Title text=title/> });
            view! {
                {title}
                <LoadErrorView error=error on_retry=move |_| column.refetch()/>
            }
            .into_any()
        }
    }
}

/// The column's articles: title, date and summary of each, in the order
/// the newsroom gives; above them, the entries left off and why.
#[component]
pub fn ColumnList(column: Arc<Column>) -> impl IntoView {
    let lang = use_language();
    let title = column.about.title.clone();
    let empty = column.articles.is_empty();
    view! {
        <Title text=title.clone()/>
        <section class="column">
            <h1 class="column__title">{title}</h1>
            <ColumnNotices notices=column.notices.clone()/>
            {empty.then(|| view! { <p>{move || td_string!(lang.get(), no_articles)}</p> })}
            <ol class="column__list">
                {column
                    .articles
                    .iter()
                    .cloned()
                    .map(|entry| {
                        let published = entry.published;
                        view! {
                            <li class="column__entry">
                                <h2 class="column__entry-title">
                                    <a href=AppRoute::Article(entry.id.clone()).href()>{entry.title}</a>
                                </h2>
                                <p class="column__entry-date">
                                    <time datetime=published.to_string()>{move || published.format(lang.code())}</time>
                                </p>
                                {entry.summary.map(|s| view! { <p class="column__entry-summary">{s}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
