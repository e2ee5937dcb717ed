use leptos::prelude::*;

use crate::i18n::td_string;
use crate::language::use_language;

/// Where the article sits, as the newsroom names it; each crumb leads to the column.
#[component]
pub fn Breadcrumbs(
    crumbs: Vec<String>,
    /// The language the crumbs are written in: the article's.
    crumbs_lang: Option<String>,
) -> impl IntoView {
    let lang = use_language();
    (!crumbs.is_empty()).then(|| {
        view! {
            <nav class="breadcrumbs screen-only" aria-label=move || td_string!(lang.get(), breadcrumbs)>
                <ol class="breadcrumbs__list" lang=crumbs_lang>
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
