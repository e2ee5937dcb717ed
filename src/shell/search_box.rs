use leptos::html;
use leptos::prelude::*;
use reader_core::route::AppRoute;
use reader_core::search::{SearchParams, QUERY_PARAM};

use crate::i18n::td_string;
use crate::kiosk_mode::KioskResets;
use crate::language::use_language;
use crate::navigation::{use_current_search, Navigator};

/// Called as the reader comes to the search box (in context, from the
/// app): the search page's part of the app is fetched then, so that it is
/// here by Enter.
#[derive(Clone, Copy)]
pub struct SearchComing(pub Callback<()>);

/// The header's search box: a plain form to `/search?q=…`, which works
/// without scripts (a published page before the app, or with scripts
/// off); with the app, a search is an in-app navigation. On the search's
/// page it shows what was searched; elsewhere it is empty, and a kiosk's
/// reset empties it.
#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = use_language();
    let current = use_current_search();
    let navigator = use_context::<Navigator>();
    let input = NodeRef::<html::Input>::new();
    let shown = move || current.get().map(|search| search.query).unwrap_or_default();
    if let Some(resets) = use_context::<KioskResets>() {
        Effect::watch(
            move || resets.0.track(),
            move |_, _, _| {
                if let Some(input) = input.get_untracked() {
                    input.set_value("");
                }
            },
            false,
        );
    }
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        // Without the router (never in the app) the form goes as it is.
        let (Some(navigator), Some(input)) = (navigator, input.get_untracked()) else {
            return;
        };
        event.prevent_default();
        navigator.go(&SearchParams::for_query(&input.value()).href());
    };
    let coming = use_context::<SearchComing>();
    let on_focus = move |_| {
        if let Some(SearchComing(coming)) = coming {
            coming.run(());
        }
    };
    view! {
        <form
            class="search-box"
            role="search"
            action=AppRoute::Search.href()
            method="get"
            aria-label=move || td_string!(lang.get(), search_site)
            on:submit=on_submit
            on:focusin=on_focus
        >
            <input
                class="search-box__input"
                type="search"
                name=QUERY_PARAM
                node_ref=input
                prop:value=shown
                value=shown
                enterkeyhint="search"
                autocomplete="off"
                spellcheck="false"
                aria-label=move || td_string!(lang.get(), search)
            />
            <button class="search-box__button" type="submit">
                {move || td_string!(lang.get(), search)}
            </button>
        </form>
    }
}
