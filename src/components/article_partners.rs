use leptos::logging::warn;
use leptos::prelude::*;
use leptos_i18n::Locale as _;
use reader_core::{Cities, Id};

use crate::i18n::td_string;
use crate::i18n::Locale;

/// この記事の提携都市: the partners the article is about, each a link to
/// it on the map. Ids missing from the partner data are skipped with a
/// console warning.
#[component]
pub fn ArticlePartners(
    ids: Vec<Id>,
    cities: std::sync::Arc<Cities>,
    lang: Locale,
) -> impl IntoView {
    let partners: Vec<_> = ids
        .iter()
        .filter_map(|id| {
            let found = cities.partners.iter().find(|p| &p.id == id);
            if found.is_none() {
                warn!("article names partner {id}, which cities.json does not have (or left off)");
            }
            found
        })
        .map(|p| {
            (
                p.id.clone(),
                p.names.text(lang.as_str()).to_owned(),
                p.country.names.text(lang.as_str()).to_owned(),
            )
        })
        .collect();
    (!partners.is_empty()).then(|| {
        view! {
            <section class="article-partners screen-only" lang=lang.as_str() aria-labelledby="article-partners-heading">
                <h2 class="article-partners__heading" id="article-partners-heading">{td_string!(lang, in_this_article)}</h2>
                <ul class="article-partners__list">
                    {partners
                        .into_iter()
                        .map(|(id, name, country)| view! {
                            <li class="article-partners__item">
                                <a href=format!("/partners/{id}")>{name}</a>
                                <span class="article-partners__country">{country}</span>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
