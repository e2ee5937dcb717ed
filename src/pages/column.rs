use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use reader_core::pagination::{PageLink, PageNumber, Pages};
use reader_core::route::AppRoute;
use reader_core::Column;

use crate::handover;
use crate::i18n::td_string;
use crate::language::use_language;
use crate::navigation::use_current_route;
use crate::offline::SavedCopyNotice;
use crate::pages::not_found::{Missing, NotFoundMessage};
use crate::shell::data_notice::ColumnNotices;
use crate::shell::load_error::{LoadErrorView, Loading};
use crate::text;
use crate::ColumnData;

/// `/` and `/page/{n}`: a page of the news column, its articles in the
/// order the newsroom gives; a page past the column's end is not found.
#[component]
pub fn ColumnPage() -> impl IntoView {
    let column = expect_context::<ColumnData>();
    let lang = use_language();
    let completion = handover::Completion::of_page();
    let route = use_current_route();
    let page = Memo::new(move |_| {
        route
            .get()
            .and_then(|route| route.page_of_column())
            .unwrap_or(PageNumber::FIRST)
    });
    // Read by this render effect, not awaited in a Suspend: see `crate::state::AppData`.
    move || match column.outcome() {
        None => {
            completion.pending();
            Loading().into_any()
        }
        Some(Ok(loaded)) => {
            completion.when(|| true);
            let page = page.get();
            if !Pages::column(loaded.value.articles.len()).has(page) {
                return view! { <NotFoundMessage missing=Missing::Page/> }.into_any();
            }
            view! {
            <SavedCopyNotice saved_at=loaded.saved_at/>
            <ColumnList column=loaded.value page/>
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

/// The column's page `page`: the title, date and summary of each of its
/// articles, in the order the newsroom gives, and the way to the other
/// pages; above them, the entries left off and why.
#[component]
pub fn ColumnList(column: Arc<Column>, page: PageNumber) -> impl IntoView {
    let lang = use_language();
    let title = column.about.title.clone();
    let pages = Pages::column(column.articles.len());
    let shown = pages.items_on(page).unwrap_or_default();
    let first = shown.start + 1;
    let empty = column.articles.is_empty();
    let document_title = {
        let title = title.clone();
        move || text::column_page_title(&title, page, lang.get())
    };
    view! {
        <Title text=document_title/>
        <section class="column">
            <h1 class="column__title">{title}</h1>
            <ColumnNotices notices=column.notices.clone()/>
            {empty.then(|| view! { <p>{move || td_string!(lang.get(), no_articles)}</p> })}
            <ol class="column__list" start=first>
                {column.articles[shown]
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
            {(pages.last() > PageNumber::FIRST).then(|| view! { <ColumnPages pages page/> })}
        </section>
    }
}

/// The navigation between the column's pages: previous and next
/// (`rel="prev"`/`rel="next"`), and the page numbers around this one, the
/// current one marked.
#[component]
fn ColumnPages(pages: Pages, page: PageNumber) -> impl IntoView {
    let lang = use_language();
    let href = |page: PageNumber| AppRoute::column_page(page).href();
    let previous = pages.previous(page).map(|to| {
        view! {
            <li class="column-pages__step">
                <a href=href(to) rel="prev">{move || td_string!(lang.get(), column_previous)}</a>
            </li>
        }
    });
    let next = pages.next(page).map(|to| {
        view! {
            <li class="column-pages__step">
                <a href=href(to) rel="next">{move || td_string!(lang.get(), column_next)}</a>
            </li>
        }
    });
    let numbers = pages
        .navigation(page)
        .into_iter()
        .map(|link| match link {
            PageLink::Page(n) => view! {
                <li class="column-pages__number">
                    <a
                        href=href(n)
                        aria-label=move || text::column_page_number(n, lang.get())
                        aria-current=(n == page).then_some("page")
                    >
                        {n.get()}
                    </a>
                </li>
            }
            .into_any(),
            PageLink::Gap => {
                view! { <li class="column-pages__gap" aria-hidden="true">"…"</li> }.into_any()
            }
        })
        .collect_view();
    view! {
        <nav class="column-pages" aria-label=move || td_string!(lang.get(), column_pages)>
            <ul class="column-pages__list">{previous}{numbers}{next}</ul>
        </nav>
    }
}
