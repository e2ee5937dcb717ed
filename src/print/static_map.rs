use std::sync::Arc;

use leptos::prelude::*;
use reader_core::map::arcs::route_path;
use reader_core::map::labels::{label_width, place_labels, LabelPlacement};
use reader_core::map::projection::{fit_extent, WorldProjection};
use reader_core::map::shapes::{MarkerShape, HOME_SHAPE};
use reader_core::map::view::Rect;
use reader_core::print::PartnerRow;
use reader_core::world::World;

use crate::i18n::td_string;
use crate::language::use_language;

/// World units across, as on the interactive map.
const WORLD_WIDTH: f64 = 1000.0;
/// Room around the partners, and the narrowest part of the world shown.
const PAD: f64 = 40.0;
const MIN_SHARE_OF_WIDTH: f64 = 1.0 / 3.0;
/// Markers and labels are drawn for a box this many units across.
const UNITS_ACROSS: f64 = 600.0;

/// A still map for paper: the part of the world, centred on home as the
/// interactive map is, that holds home and the given partners, with routes,
/// markers and names. Nothing on it reacts.
#[component]
pub fn StaticPartnerMap(
    rows: Vec<PartnerRow>,
    /// Home (lon, lat).
    home: (f64, f64),
    world: Option<Arc<World>>,
) -> impl IntoView {
    let lang = use_language();
    let projection = WorldProjection::centred(WORLD_WIDTH, home.0);
    let world_size = projection.size();
    let home_at = projection.project(home.0, home.1);
    let points: Vec<(f64, f64)> = rows
        .iter()
        .map(|r| projection.project(r.lon, r.lat))
        .collect();
    let all: Vec<(f64, f64)> = std::iter::once(home_at)
        .chain(points.iter().copied())
        .collect();
    let (x0, y0, vw, vh) = fit_extent(&all, PAD, world_size.0 * MIN_SHARE_OF_WIDTH, world_size);
    // Markers and labels at a fixed size relative to the box.
    let unit = vw / UNITS_ACROSS;
    let labels = labels_placed(&rows, &points, (x0, y0, vw, vh), unit);
    let routes: Vec<String> = rows
        .iter()
        .map(|r| route_path(&projection, home, (r.lon, r.lat)))
        .collect();
    let countries = world
        .map(|w| {
            w.project(&projection)
                .countries
                .into_iter()
                .map(|c| view! { <path class="static-map__country" d=c.d/> })
                .collect_view()
        })
        .into_any();
    let markers = rows
        .into_iter()
        .zip(points)
        .zip(labels)
        .map(|((row, at), label)| {
            view! {
                <g
                    class=format!("static-map__marker map-marker--{}", row.relation.as_str())
                    transform=format!("translate({:.1} {:.1}) scale({unit:.4})", at.0, at.1)
                >
                    <path class="map-marker__shape" d=MarkerShape::for_relation(row.relation).path(6.0)/>
                    {label.map(|p| view! {
                        <text class="static-map__label" x=p.dx y=p.dy text-anchor=p.anchor.as_svg()>{row.name}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="static-map"
            viewBox=format!("{x0:.1} {y0:.1} {vw:.1} {vh:.1}")
            role="img"
            aria-label=move || td_string!(lang.get(), map_label)
        >
            <rect class="static-map__sea" x=x0 y=y0 width=vw height=vh/>
            <g class="static-map__countries">{countries}</g>
            <g class="static-map__arcs">
                {routes.into_iter().map(|d| view! { <path class="static-map__arc" d=d/> }).collect_view()}
            </g>
            <g class="static-map__home" transform=format!("translate({:.1} {:.1}) scale({unit:.4})", home_at.0, home_at.1)>
                <path class="map-home__shape" d=HOME_SHAPE/>
            </g>
            {markers}
        </svg>
    }
}

/// Where each partner's label goes on the still map (given the map's
/// box in world units; `unit`: world units per label unit).
fn labels_placed(
    rows: &[PartnerRow],
    points: &[(f64, f64)],
    (x0, y0, vw, vh): (f64, f64, f64, f64),
    unit: f64,
) -> Vec<Option<LabelPlacement>> {
    let sizes: Vec<(f64, f64)> = rows
        .iter()
        .map(|r| (label_width(&r.name, 11.0), 14.0))
        .collect();
    let anchors: Vec<(f64, f64)> = points
        .iter()
        .map(|&(x, y)| ((x - x0) / unit, (y - y0) / unit))
        .collect();
    place_labels(
        &anchors,
        &sizes,
        6.0,
        Rect::new(0.0, 0.0, vw / unit, vh / unit),
    )
}
