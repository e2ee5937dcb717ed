use leptos::prelude::*;
use reader_core::map::shapes::MarkerShape;
use reader_core::{LocalizedText, Relation};

use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

pub use reader_core::map::shapes::HOME_SHAPE;

/// What the shapes and colours mean: home's star, then one entry per
/// relation (each with its own shape, so colour is never the only cue).
#[component]
pub fn MapLegend(
    /// The home district's names, for "本区(…)".
    home_names: LocalizedText,
) -> impl IntoView {
    let lang = use_language();
    view! {
        <div class="map-legend">
            <h2 class="map-legend__title">{move || td_string!(lang.get(), legend)}</h2>
            <ul class="map-legend__list">
                <li class="map-legend__item">
                    <svg class="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
                        <path class="map-home__shape" d=HOME_SHAPE/>
                    </svg>
                    {move || td_string!(lang.get(), home, name = home_names.text(lang.code())).to_string()}
                </li>
                {Relation::ALL
                    .iter()
                    .map(|&relation| view! {
                        <li class=format!("map-legend__item map-marker--{}", relation.as_str())>
                            <svg class="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
                                <path class="map-marker__shape" d=MarkerShape::for_relation(relation).path(7.0)/>
                            </svg>
                            {move || text::relation_label(relation, lang.get())}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
