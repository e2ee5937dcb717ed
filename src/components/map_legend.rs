use leptos::prelude::*;
use reader_core::map_view::MarkerShape;
use reader_core::Relation;

use super::partner_map::RELATIONS;
use crate::i18n::td_string;
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
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_well_formed_paths() {
        assert_eq!(
            marker_shape(Relation::Sister, 7.0),
            "M-7 0a7 7 0 1 0 14 0a7 7 0 1 0 -14 0Z"
        );
        assert!(marker_shape(Relation::Exchange, 5.0).starts_with("M0-6L6 0"));
    }
}

#[component]
pub fn MapLegend(home_name: String) -> impl IntoView {
    let lang = crate::language::current();
    view! {
        <div class="map-legend">
            <h2 class="map-legend__title">{td_string!(lang, legend)}</h2>
            <ul class="map-legend__list">
                <li class="map-legend__item">
                    <svg class="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
                        <path class="map-home__shape" d=HOME_SHAPE/>
                    </svg>
                    {td_string!(lang, home, name = home_name).to_string()}
                </li>
                {RELATIONS
                    .into_iter()
                    .map(|relation| view! {
                        <li class=format!("map-legend__item map-marker--{}", relation.as_str())>
                            <svg class="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
                                <path class="map-marker__shape" d=marker_shape(relation, 7.0)/>
                            </svg>
                            {text::relation_label(relation, lang)}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
