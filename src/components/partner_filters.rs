use leptos::prelude::*;
use reader_core::partners::PartnerFilter;
use reader_core::{Continent, Relation};

use super::partner_map::RELATIONS;
use crate::i18n::td_string;
use crate::text;

/// Relation and continent filters; they apply to the map and the table alike.
#[component]
pub fn PartnerFilters(
    filter: RwSignal<PartnerFilter>,
    /// The continents that occur in the data, in contract order.
    continents: Vec<Continent>,
) -> impl IntoView {
    let lang = crate::language::current();
    let relations = RELATIONS
        .iter()
        .map(|&r| (r.as_str(), text::relation_label(r, lang)))
        .collect();
    let continents = continents
        .iter()
        .map(|&c| (c.as_str(), text::continent_label(c, lang)))
        .collect();
    view! {
        <div class="partner-filters">
            <FilterSelect
                label=td_string!(lang, filter_relation)
                options=relations
                current=Signal::derive(move || filter.with(|f| f.relation.map(Relation::as_str)))
                on_change=Callback::new(move |value: String| filter.update(|f| f.relation = Relation::parse(&value)))
            />
            <FilterSelect
                label=td_string!(lang, filter_continent)
                options=continents
                current=Signal::derive(move || filter.with(|f| f.continent.map(Continent::as_str)))
                on_change=Callback::new(move |value: String| filter.update(|f| f.continent = Continent::parse(&value)))
            />
        </div>
    }
}

/// A labelled select of "all" plus `options` (value, label).
#[component]
fn FilterSelect(
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    current: Signal<Option<&'static str>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = crate::language::current();
    view! {
        <label class="partner-filters__field">
            <span class="partner-filters__label">{label}</span>
            <select class="partner-filters__select" on:change=move |event| on_change.run(event_target_value(&event))>
                <option value="" selected=move || current.get().is_none()>{td_string!(lang, filter_all)}</option>
                {options
                    .into_iter()
                    .map(|(value, label)| view! {
                        <option value=value selected=move || current.get() == Some(value)>{label}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
