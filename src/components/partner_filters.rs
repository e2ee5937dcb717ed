use leptos::prelude::*;
use reader_core::partners::PartnerFilter;
use reader_core::{Continent, Relation};

use super::partner_map::RELATIONS;
use crate::text;

/// Relation and continent filters; they apply to the map and the table alike.
#[component]
pub fn PartnerFilters(
    filter: RwSignal<PartnerFilter>,
    /// The continents that occur in the data, in contract order.
    continents: Vec<Continent>,
) -> impl IntoView {
    let on_relation = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        filter.update(|f| f.relation = Relation::parse(&value));
    };
    let on_continent = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        filter.update(|f| f.continent = Continent::parse(&value));
    };
    view! {
        <div class="partner-filters">
            <label class="partner-filters__field">
                <span class="partner-filters__label">{text::FILTER_RELATION}</span>
                <select class="partner-filters__select" on:change=on_relation>
                    <option value="" selected=move || filter.with(|f| f.relation.is_none())>{text::FILTER_ALL}</option>
                    {RELATIONS
                        .into_iter()
                        .map(|r| view! {
                            <option value=r.as_str() selected=move || filter.with(|f| f.relation == Some(r))>
                                {text::relation_label(r)}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="partner-filters__field">
                <span class="partner-filters__label">{text::FILTER_CONTINENT}</span>
                <select class="partner-filters__select" on:change=on_continent>
                    <option value="" selected=move || filter.with(|f| f.continent.is_none())>{text::FILTER_ALL}</option>
                    {continents
                        .into_iter()
                        .map(|c| view! {
                            <option value=c.as_str() selected=move || filter.with(|f| f.continent == Some(c))>
                                {text::continent_label(c)}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
