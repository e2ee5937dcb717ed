use leptos::prelude::*;
use reader_core::partners::PartnerFilter;
use reader_core::{Continent, Relation};

use crate::i18n::{td_string, Locale};
use crate::language::use_language;
use crate::text;

/// Relation and continent filters; they apply to the map and the table alike.
#[component]
pub fn PartnerFilters(
    filter: RwSignal<PartnerFilter>,
    /// The continents that occur in the data, in contract order.
    continents: Vec<Continent>,
) -> impl IntoView {
    let relations = Relation::ALL
        .iter()
        .map(|&r| {
            (
                r.as_str(),
                Label::new(move |lang| text::relation_label(r, lang)),
            )
        })
        .collect();
    let continents = continents
        .iter()
        .map(|&c| {
            (
                c.as_str(),
                Label::new(move |lang| text::continent_label(c, lang)),
            )
        })
        .collect();
    view! {
        <div class="partner-filters needs-script">
            <FilterSelect
                label=Label::new(|lang| td_string!(lang, filter_relation))
                options=relations
                current=Signal::derive(move || filter.with(|f| f.relation.map(Relation::as_str)))
                on_change=Callback::new(move |value: String| filter.update(|f| f.relation = Relation::parse(&value)))
            />
            <FilterSelect
                label=Label::new(|lang| td_string!(lang, filter_continent))
                options=continents
                current=Signal::derive(move || filter.with(|f| f.continent.map(Continent::as_str)))
                on_change=Callback::new(move |value: String| filter.update(|f| f.continent = Continent::parse(&value)))
            />
        </div>
    }
}

/// Interface text chosen by language.
type Label = Callback<Locale, &'static str>;

/// A labelled select of "all" plus `options` (value, label).
#[component]
fn FilterSelect(
    label: Label,
    options: Vec<(&'static str, Label)>,
    current: Signal<Option<&'static str>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_language();
    view! {
        <label class="partner-filters__field">
            <span class="partner-filters__label">{move || label.run(lang.get())}</span>
            <select class="partner-filters__select" disabled=crate::state::ahead_of_time() on:change=move |event| on_change.run(event_target_value(&event))>
                <option value="" selected=move || current.get().is_none()>{move || td_string!(lang.get(), filter_all)}</option>
                {options
                    .into_iter()
                    .map(|(value, label)| view! {
                        <option value=value selected=move || current.get() == Some(value)>{move || label.run(lang.get())}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
