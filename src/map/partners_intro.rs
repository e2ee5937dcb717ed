//! The map page's intro: its heading, what is shown (counts, said again to
//! screen readers when the selection changes), what is wrong with the data,
//! and the filters and timeline that choose what the map shows.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use reader_core::partners::{counts, PartnerFilter};
use reader_core::{Cities, Continent};

use super::partner_filters::PartnerFilters;
use super::timeline::Timeline;
use crate::i18n::td_string;
use crate::language::use_language;
use crate::shell::data_notice::DataNotices;
use crate::text;

/// The timeline's state: the year shown (`this_year` shows every
/// partnership), from the decade of the first partnership, if any.
#[derive(Clone, Copy)]
pub struct Years {
    pub this_year: u16,
    pub first_year: Option<u16>,
    pub year: RwSignal<u16>,
    pub playing: RwSignal<bool>,
}

#[component]
pub fn PartnersIntro(
    cities: Arc<Cities>,
    /// Indexes of the partners the filters and the timeline let through.
    #[prop(into)]
    visible: Signal<Vec<usize>>,
    #[prop(into)] selected: Signal<Option<usize>>,
    /// The address names a partner the data does not have.
    #[prop(into)]
    unknown: Signal<bool>,
    /// The world's outlines could not be loaded.
    world_missing: bool,
    filter: RwSignal<PartnerFilter>,
    years: Years,
) -> impl IntoView {
    let lang = use_language();
    let counts_text = {
        let cities = cities.clone();
        move || {
            text::counts_sentence(
                counts(visible.get().iter().map(|&i| &cities.partners[i])),
                lang.get(),
            )
        }
    };
    let continents: Vec<Continent> = Continent::ALL
        .iter()
        .copied()
        .filter(|c| cities.partners.iter().any(|p| p.continent == *c))
        .collect();
    let home_names = cities.home.names.clone();
    let Years {
        this_year,
        first_year,
        year,
        playing,
    } = years;
    view! {
        <div class="partners__intro">
            <h1 class="partners__title">{move || td_string!(lang.get(), partners_title)}</h1>
            <p class="visually-hidden" role="status" aria-live="polite">{selection_announcement(cities.clone(), selected)}</p>
            <p class="partners__counts" role="status">
                <span class="partners__home">{move || home_names.text(lang.code()).to_owned()}</span>
                {counts_text}
            </p>
            <DataNotices notices=cities.notices.clone()/>
            // Read with `try_get`: leaving the map changes the route this
            // derives from before the page that made it is gone, and this
            // view may be asked again in between.
            {move || unknown.try_get().unwrap_or(false).then(|| view! {
                <div class="partners__unknown" role="alert">
                    <h2>{move || td_string!(lang.get(), unknown_partner)}</h2>
                    <p>{move || td_string!(lang.get(), unknown_partner_help)}</p>
                </div>
            })}
            {world_missing.then(|| view! { <p class="partners__no-world" role="status">{move || td_string!(lang.get(), world_unavailable)}</p> })}
            <div class="partners__controls">
                <PartnerFilters filter=filter continents=continents/>
                {first_year.map(|first_year| view! {
                    <Timeline first_year=first_year this_year=this_year year=year playing=playing/>
                })}
            </div>
        </div>
    }
}

/// Said by screen readers when the selection changes: the partner chosen,
/// or that the choice was cleared.
fn selection_announcement(cities: Arc<Cities>, selected: Signal<Option<usize>>) -> Memo<String> {
    let lang = use_language();
    let had_selection = StoredValue::new(false);
    Memo::new(move |_| {
        let lang = lang.get();
        match selected.get() {
            Some(i) => {
                had_selection.set_value(true);
                text::selected_announcement(cities.partners[i].names.text(lang.as_str()), lang)
            }
            None if had_selection.get_value() => td_string!(lang, selection_cleared).to_owned(),
            None => String::new(),
        }
    })
}
