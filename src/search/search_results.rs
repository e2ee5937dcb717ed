use leptos::prelude::*;
use reader_core::search::{Excerpt, ExcerptPart};

use crate::api::SearchHit;
use crate::i18n::td_string;
use crate::language::use_language;

/// The results, in the index's order (relevance): each its title (a link
/// to the article), date and excerpt.
#[component]
pub fn SearchResultList(
    #[prop(into)] hits: Signal<Vec<SearchHit>>,
    list: NodeRef<leptos::html::Ol>,
) -> impl IntoView {
    let lang = use_language();
    view! {
        <ol
            class="search-results"
            node_ref=list
            aria-label=move || td_string!(lang.get(), search_results)
        >
            {move || hits.get().into_iter().map(|hit| view! { <SearchResult hit/> }).collect_view()}
        </ol>
    }
}

#[component]
fn SearchResult(hit: SearchHit) -> impl IntoView {
    let lang = use_language();
    let title = match hit.route {
        Some(route) => view! { <a href=route.href()>{hit.title}</a> }.into_any(),
        None => hit.title.into_any(),
    };
    let date = hit.date.map(|date| {
        view! {
            <p class="search-results__date">
                <time datetime=date.to_string()>{move || date.format(lang.code())}</time>
            </p>
        }
    });
    view! {
        <li class="search-results__item">
            <h2 class="search-results__title">{title}</h2>
            {date}
            <ExcerptText excerpt=hit.excerpt/>
        </li>
    }
}

/// An excerpt as text, the matched words in `<mark>`: never as HTML.
#[component]
fn ExcerptText(excerpt: Excerpt) -> impl IntoView {
    let parts = match excerpt {
        Excerpt::Marked(parts) => parts,
        Excerpt::Lead(lead) => vec![ExcerptPart::Text(lead)],
        Excerpt::None => return ().into_any(),
    };
    let runs = parts
        .into_iter()
        .map(|part| match part {
            ExcerptPart::Text(text) => text.into_any(),
            ExcerptPart::Mark(text) => view! { <mark>{text}</mark> }.into_any(),
        })
        .collect_view();
    view! { <p class="search-results__excerpt">{runs}</p> }.into_any()
}
