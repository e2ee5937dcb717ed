use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use reader_core::route::AppRoute;
use reader_core::search::SearchParams;
use reader_core::Cities;

use crate::api::{SearchError, SearchHit};
use crate::i18n::td_string;
use crate::language::use_language;
use crate::search::search_filters::{Offered, SearchFilters};
use crate::search::search_results::SearchResultList;
use crate::text;

/// Where the search of the address is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchState {
    /// Nothing asked (`/search`, or an empty query).
    Empty,
    Searching,
    /// This many articles found (their hits loaded a step at a time).
    Found(usize),
    Failed(SearchError),
}

/// What the search page shows and does, for [`SearchView`].
#[derive(Clone, Copy)]
pub struct SearchPageState {
    pub params: Signal<SearchParams>,
    pub state: Signal<SearchState>,
    pub hits: Signal<Vec<SearchHit>>,
    pub offered: Signal<Offered>,
    pub cities: Signal<Option<Arc<Cities>>>,
    /// Loading the next step's hits.
    pub loading_more: Signal<bool>,
    pub list: NodeRef<leptos::html::Ol>,
    pub on_filter: Callback<SearchParams>,
    pub on_more: Callback<()>,
    pub on_retry: Callback<()>,
}

/// The search page: what was searched (the heading), how many were found
/// (a live status), the filters, the results and "more". The heading,
/// status and filters stay in place while a search runs, so focus and the
/// reader's place do too.
#[component]
pub fn SearchView(page: SearchPageState) -> impl IntoView {
    let lang = use_language();
    let heading = move || {
        let query = page.params.with(|p| p.query.clone());
        if query.is_empty() {
            td_string!(lang.get(), search_title).to_string()
        } else {
            td_string!(lang.get(), search_heading, query).to_string()
        }
    };
    let status = move || match page.state.get() {
        SearchState::Searching => td_string!(lang.get(), search_searching).to_string(),
        SearchState::Found(count) => text::search_count(count, lang.get()),
        SearchState::Empty | SearchState::Failed(_) => String::new(),
    };
    let nothing_to_filter = move || {
        let chosen = page
            .params
            .with(|p| p.year.is_some() || p.partner.is_some());
        let offered = page
            .offered
            .with(|o| !o.years.is_empty() || !o.partners.is_empty());
        page.state.get() == SearchState::Empty || !(chosen || offered)
    };
    let more = move || {
        let SearchState::Found(total) = page.state.get() else {
            return None;
        };
        (page.hits.with(Vec::len) < total).then(|| {
            view! {
                <p class="search__more">
                    <button
                        type="button"
                        class="search__more-button button-primary"
                        disabled=move || page.loading_more.get()
                        on:click=move |_| page.on_more.run(())
                    >
                        {move || td_string!(lang.get(), search_more)}
                    </button>
                </p>
            }
        })
    };
    view! {
        <Title text=heading/>
        <section class="search">
            <h1 class="search__heading">{heading}</h1>
            <p class="search__status" role="status">{status}</p>
            <div class="search__filters" hidden=nothing_to_filter>
                <SearchFilters
                    params=page.params
                    offered=page.offered
                    cities=page.cities
                    on_change=page.on_filter
                />
            </div>
            {move || message(page)}
            <SearchResultList hits=page.hits list=page.list/>
            {more}
        </section>
    }
}

/// What is said besides the results: the prompt, no match, or why the
/// search could not be made.
fn message(page: SearchPageState) -> Option<AnyView> {
    let lang = use_language();
    let to_column = move || {
        view! {
            <a class="search__column-link" href=AppRoute::Column.href()>
                {move || td_string!(lang.get(), to_column)}
            </a>
        }
    };
    match page.state.get() {
        SearchState::Empty => Some(
            view! { <p class="search__message">{move || td_string!(lang.get(), search_prompt)}</p> }
                .into_any(),
        ),
        SearchState::Found(0) => {
            let query = page.params.with_untracked(|p| p.query.clone());
            Some(
                view! {
                    <div class="search__message">
                        <p>{move || td_string!(lang.get(), search_no_match, query = query.clone()).to_string()}</p>
                        <p>{move || td_string!(lang.get(), search_no_match_help)} " " {to_column()}</p>
                    </div>
                }
                .into_any(),
            )
        }
        SearchState::Failed(error) => Some(
            view! {
                <section class="load-error" role="alert">
                    <h2 class="load-error__heading">{move || td_string!(lang.get(), search_unavailable_heading)}</h2>
                    <p class="load-error__message">{move || text::search_error(error, lang.get())}</p>
                    <p class="load-error__actions">
                        <button type="button" class="load-error__retry button-primary" on:click=move |_| page.on_retry.run(())>
                            {move || td_string!(lang.get(), retry)}
                        </button>
                        {to_column()}
                    </p>
                </section>
            }
            .into_any(),
        ),
        SearchState::Searching | SearchState::Found(_) => None,
    }
}
