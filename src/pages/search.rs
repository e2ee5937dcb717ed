use leptos::prelude::*;
use reader_core::search::{SearchParams, RESULTS_PER_STEP};
use wasm_bindgen::JsCast;

use crate::api::{self, SearchError, SearchHit, SearchResults};
use crate::handover;
use crate::navigation::{use_current_search, Navigator};
use crate::search::search_filters::Offered;
use crate::search::search_view::{SearchPageState, SearchState, SearchView};
use crate::CitiesData;

/// A search as the page's resource gives it: what was asked, and (when
/// there was a query) what the index answered with the first hits.
type Outcome = (
    SearchParams,
    Option<Result<(SearchResults, Vec<SearchHit>), SearchError>>,
);

crate::parts::part! {
    /// The site search's page, all of it in the search's part of the app:
    /// its results and filters, and what loads Pagefind's index and reads
    /// its answers.
    search: fn search_page() -> AnyView {
        view! { <SearchPage/> }.into_any()
    }
}

crate::parts::part! {
    /// Nothing but the search's part itself: fetched as the reader comes to
    /// the header's search box (`crate::shell::search_box::SearchComing`),
    /// so that the page is ready by Enter.
    search: fn search_ready() -> () {}
}

/// `/search?q=…`: the site search. The address is the search (query and
/// filters), so reload, back and a shared link show the same results.
/// Pagefind's index is loaded on the first search (`api::search`), never
/// before; the results come in its order, a step of
/// [`RESULTS_PER_STEP`] at a time.
#[component]
pub fn SearchPage() -> impl IntoView {
    let current = use_current_search();
    let params = Memo::new(move |_| current.get().unwrap_or_default());
    // The page shows what it has at once (a search says "searching").
    handover::Completion::of_page().when(|| true);
    let found = LocalResource::new(move || {
        let params = params.get();
        async move {
            let outcome = if params.is_empty() {
                None
            } else {
                Some(api::search(&params).await)
            };
            (params, outcome)
        }
    });
    let shown = Shown::new();
    Effect::new(move |_| shown.show(&params.get(), found.get()));
    let list = NodeRef::new();
    let navigator = use_context::<Navigator>();
    let cities = use_context::<CitiesData>();
    let page = SearchPageState {
        params: params.into(),
        state: shown.state.into(),
        hits: shown.hits.into(),
        offered: shown.offered.into(),
        cities: Signal::derive(move || {
            cities
                .and_then(|c| c.outcome())
                .and_then(Result::ok)
                .map(|c| c.value)
        }),
        loading_more: shown.loading_more.into(),
        list,
        on_filter: Callback::new(move |params: SearchParams| {
            if let Some(navigator) = navigator {
                navigator.go(&params.href());
            }
        }),
        on_more: Callback::new(move |()| shown.more(params, list)),
        on_retry: Callback::new(move |()| found.refetch()),
    };
    view! { <SearchView page/> }
}

/// What the page shows of its search: the results, the hits loaded so
/// far, what the filters offer, and where the search is.
#[derive(Clone, Copy)]
struct Shown {
    results: StoredValue<Option<SearchResults>, LocalStorage>,
    hits: RwSignal<Vec<SearchHit>>,
    offered: RwSignal<Offered>,
    state: RwSignal<SearchState>,
    loading_more: RwSignal<bool>,
}

impl Shown {
    fn new() -> Self {
        Self {
            results: StoredValue::new_local(None),
            hits: RwSignal::new(Vec::new()),
            offered: RwSignal::new(Offered::default()),
            state: RwSignal::new(SearchState::Empty),
            loading_more: RwSignal::new(false),
        }
    }

    /// Shows `outcome` once it is the search of the address (`params`);
    /// until then, that it searches. The filters keep what they offered.
    fn show(self, params: &SearchParams, outcome: Option<Outcome>) {
        let outcome = match outcome {
            Some((asked, outcome)) if asked == *params => outcome,
            _ => {
                self.state.set(if params.is_empty() {
                    SearchState::Empty
                } else {
                    SearchState::Searching
                });
                return;
            }
        };
        self.loading_more.set(false);
        let (results, hits, state) = match outcome {
            None => (None, Vec::new(), SearchState::Empty),
            Some(Ok((found, first))) => {
                self.offered.set(Offered {
                    years: found.years.clone(),
                    partners: found.partners.clone(),
                });
                let state = SearchState::Found(found.len());
                (Some(found), first, state)
            }
            Some(Err(error)) => (None, Vec::new(), SearchState::Failed(error)),
        };
        self.results.set_value(results);
        self.hits.set(hits);
        self.state.set(state);
    }

    /// Loads the next step's hits and adds them, then moves focus to the
    /// first of them; dropped if the reader searched again meanwhile.
    fn more(self, params: Memo<SearchParams>, list: NodeRef<leptos::html::Ol>) {
        let Some(found) = self.results.get_value() else {
            return;
        };
        let asked = params.get_untracked();
        let start = self.hits.with_untracked(Vec::len);
        self.loading_more.set(true);
        leptos::task::spawn_local(async move {
            let more = found.hits(start..start + RESULTS_PER_STEP).await;
            if params.try_get_untracked().as_ref() != Some(&asked) {
                return;
            }
            self.loading_more.set(false);
            match more {
                Ok(more) => {
                    self.hits.update(|hits| hits.extend(more));
                    focus_result(list, start);
                }
                Err(error) => self.state.set(SearchState::Failed(error)),
            }
        });
    }
}

/// Moves focus to the link of result `index` once it is shown: after
/// "more", the reader goes on from the first new result.
fn focus_result(list: NodeRef<leptos::html::Ol>, index: usize) {
    request_animation_frame(move || {
        let selector = format!(":scope > li:nth-child({}) a", index + 1);
        let link = list
            .get_untracked()
            .and_then(|list| list.query_selector(&selector).ok().flatten())
            .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    });
}
