use leptos::prelude::*;

use crate::text;

/// Where the article sits, as the newsroom names it; each crumb leads to the column.
#[component]
pub fn Breadcrumbs(crumbs: Vec<String>) -> impl IntoView {
    (!crumbs.is_empty()).then(|| {
        view! {
            <nav class="breadcrumbs screen-only" aria-label=text::BREADCRUMBS>
                <ol class="breadcrumbs__list">
                    {crumbs
                        .into_iter()
                        .map(|crumb| view! {
                            <li class="breadcrumbs__item">
                                <a class="breadcrumbs__link" href="/">{crumb}</a>
                            </li>
                        })
                        .collect_view()}
                </ol>
            </nav>
        }
    })
}
