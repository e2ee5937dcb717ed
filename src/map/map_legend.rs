use leptos::prelude::*;
use reader_core::map_view::MarkerShape;
use reader_core::{LocalizedText, Relation};

use super::partner_map::RELATIONS;
use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// The home district's marker: a star.
pub const HOME_SHAPE: &str =
    "M0-10L2.9-4L9.5-3.1L4.7 1.5L5.9 8.1L0 5L-5.9 8.1L-4.7 1.5L-9.5-3.1L-2.9-4Z";

/// Each relation has its own shape as well as its own colour, so markers
/// are told apart without colour too.
pub fn marker_shape(relation: Relation, r: f64) -> String {
    let shape = match relation {
        Relation::Sister => MarkerShape::Circle,
        Relation::Exchange => MarkerShape::Diamond,
        Relation::Contact => MarkerShape::Triangle,
    };
    shape.path(r)
}

/// What the shapes and colours mean.
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
                {RELATIONS
                    .into_iter()
                    .map(|relation| view! {
                        <li class=format!("map-legend__item map-marker--{}", relation.as_str())>
                            <svg class="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
                                <path class="map-marker__shape" d=marker_shape(relation, 7.0)/>
                            </svg>
                            {move || text::relation_label(relation, lang.get())}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
