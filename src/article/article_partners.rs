use std::sync::Arc;

use leptos::logging::warn;
use leptos::prelude::*;
use reader_core::route::AppRoute;
use reader_core::{Cities, Id};

use crate::i18n::td_string;
use crate::language::use_language;

/// この記事の提携都市: the partners the article is about, each a link to
/// it on the map. Ids missing from the partner data are skipped with a
/// console warning.
#[component]
pub fn ArticlePartners(ids: Vec<Id>, cities: Arc<Cities>) -> impl IntoView {
    let lang = use_language();
    let partners: Vec<_> = ids
        .iter()
        .filter_map(|id| {
            let found = cities.partners.iter().find(|p| &p.id == id);
            if found.is_none() {
                warn!("article names partner {id}, which cities.json does not have (or left off)");
            }
            found.cloned()
        })
        .collect();
    (!partners.is_empty()).then(|| {
        view! {
            <section class="article-partners screen-only" lang=move || lang.code() aria-labelledby="article-partners-heading">
                <h2 class="article-partners__heading" id="article-partners-heading">{move || td_string!(lang.get(), in_this_article)}</h2>
                <ul class="article-partners__list">
                    {partners
                        .into_iter()
                        .map(|p| {
                            let href = AppRoute::Partner(p.id.clone()).href();
                            let names = p.names.clone();
                            let country = p.country.names.clone();
                            view! {
                                <li class="article-partners__item">
                                    <a href=href>{move || names.text(lang.code()).to_owned()}</a>
                                    <span class="article-partners__country">{move || country.text(lang.code()).to_owned()}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
