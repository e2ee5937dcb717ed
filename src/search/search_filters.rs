use std::sync::Arc;

use leptos::prelude::*;
use reader_core::search::SearchParams;
use reader_core::{Cities, Id};

use crate::i18n::td_string;
use crate::language::use_language;

/// What the filters offer: the years and partners the query's results
/// have (kept while the next search runs, so the controls stay put).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offered {
    pub years: Vec<u16>,
    pub partners: Vec<Id>,
}

/// Narrowing the results by year and by partner city: each choice is a
/// new address (`&year=`, `&partner=`), so it is kept by reload, back and
/// shared links.
#[component]
pub fn SearchFilters(
    #[prop(into)] params: Signal<SearchParams>,
    #[prop(into)] offered: Signal<Offered>,
    #[prop(into)] cities: Signal<Option<Arc<Cities>>>,
    #[prop(into)] on_change: Callback<SearchParams>,
) -> impl IntoView {
    let lang = use_language();
    let years = move || {
        let chosen = params.with(|p| p.year);
        let mut years = offered.with(|o| o.years.clone());
        if let Some(year) = chosen.filter(|y| !years.contains(y)) {
            years.push(year);
            years.sort_unstable_by(|a, b| b.cmp(a));
        }
        years
            .into_iter()
            .map(|year| {
                view! {
                    <option value=year.to_string() selected=chosen == Some(year)>
                        {move || td_string!(lang.get(), timeline_year, year).to_string()}
                    </option>
                }
            })
            .collect_view()
    };
    let partners = move || {
        let chosen = params.with(|p| p.partner.clone());
        let mut ids = offered.with(|o| o.partners.clone());
        if let Some(id) = chosen.clone().filter(|id| !ids.contains(id)) {
            ids.push(id);
        }
        let code = lang.code();
        let mut named: Vec<(String, Id)> = ids
            .into_iter()
            .map(|id| (partner_name(cities.get().as_deref(), &id, code), id))
            .collect();
        named.sort();
        named
            .into_iter()
            .map(|(name, id)| {
                let selected = chosen.as_ref() == Some(&id);
                view! { <option value=id.to_string() selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let on_year = move |event| {
        let year = reader_core::search::parse_year(&event_target_value(&event));
        on_change.run(params.get_untracked().with_year(year));
    };
    let on_partner = move |event| {
        let partner = Id::parse(&event_target_value(&event));
        on_change.run(params.get_untracked().with_partner(partner));
    };
    view! {
        <fieldset class="search-filters">
            <legend class="search-filters__legend">{move || td_string!(lang.get(), search_filters)}</legend>
            <label class="search-filters__filter">
                <span class="search-filters__label">{move || td_string!(lang.get(), search_filter_year)}</span>
                <select class="search-filters__select" on:change=on_year>
                    <option value="" selected=move || params.with(|p| p.year.is_none())>{move || td_string!(lang.get(), filter_all)}</option>
                    {years}
                </select>
            </label>
            <label class="search-filters__filter">
                <span class="search-filters__label">{move || td_string!(lang.get(), search_filter_partner)}</span>
                <select class="search-filters__select" on:change=on_partner>
                    <option value="" selected=move || params.with(|p| p.partner.is_none())>{move || td_string!(lang.get(), filter_all)}</option>
                    {partners}
                </select>
            </label>
        </fieldset>
    }
}

/// A partner's name in the reader's language, from the app's cities; its
/// id when the cities do not name it.
fn partner_name(cities: Option<&Cities>, id: &Id, lang: &str) -> String {
    cities
        .and_then(|cities| cities.partners.iter().find(|p| &p.id == id))
        .map_or_else(|| id.to_string(), |p| p.names.text(lang).to_owned())
}
