use std::sync::Arc;

use leptos::prelude::*;
use reader_core::geo::{great_circle, svg_path, WorldProjection};
use reader_core::map_view::{label_width, place_labels, Rect};
use reader_core::print::PartnerRow;
use reader_core::world::World;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::map::map_legend::{marker_shape, HOME_SHAPE};

/// A still map for paper: the part of the world that holds home and the
/// given partners, with arcs, markers and names. Nothing on it reacts.
#[component]
pub fn StaticPartnerMap(
    rows: Vec<PartnerRow>,
    home: (f64, f64),
    world: Option<Arc<World>>,
) -> impl IntoView {
    let lang = use_language();
    let width = world.as_ref().map_or(1000.0, |w| w.width);
    let projection = WorldProjection::fit_width(width);
    let (world_w, world_h) = projection.size();
    let home_at = projection.project(home.0, home.1);
    let points: Vec<(f64, f64)> = rows
        .iter()
        .map(|r| projection.project(r.lon, r.lat))
        .collect();
    // The box around home and every partner, padded, at least a third of the world wide.
    let (mut x0, mut y0, mut x1, mut y1) = (home_at.0, home_at.1, home_at.0, home_at.1);
    for &(x, y) in &points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let pad = 40.0;
    let min_w = world_w / 3.0;
    if x1 - x0 < min_w {
        let mid = (x0 + x1) / 2.0;
        (x0, x1) = (mid - min_w / 2.0, mid + min_w / 2.0);
    }
    let (x0, y0) = ((x0 - pad).max(0.0), (y0 - pad).max(0.0));
    let (x1, y1) = ((x1 + pad).min(world_w), (y1 + pad).min(world_h));
    let (vw, vh) = (x1 - x0, y1 - y0);
    // Markers and labels at a fixed size relative to the box: 1/60 of its width.
    let unit = vw / 600.0;
    let sizes: Vec<(f64, f64)> = rows
        .iter()
        .map(|r| (label_width(&r.name, 11.0), 14.0))
        .collect();
    let anchors: Vec<(f64, f64)> = points
        .iter()
        .map(|&(x, y)| ((x - x0) / unit, (y - y0) / unit))
        .collect();
    let labels = place_labels(
        &anchors,
        &sizes,
        6.0,
        Rect::new(0.0, 0.0, vw / unit, vh / unit),
    );
    let arcs: Vec<String> = rows
        .iter()
        .map(|r| {
            let lines = great_circle(home, (r.lon, r.lat), 48);
            let projected: Vec<Vec<(f64, f64)>> = lines
                .iter()
                .map(|line| {
                    line.iter()
                        .map(|&(lon, lat)| projection.project(lon, lat))
                        .collect()
                })
                .collect();
            svg_path(projected.iter().map(Vec::as_slice), false)
        })
        .collect();
    let countries = world
        .map(|w| {
            w.countries
                .iter()
                .map(|c| view! { <path class="static-map__country" d=c.d.clone()/> })
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
                    <path class="map-marker__shape" d=marker_shape(row.relation, 6.0)/>
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
                {arcs.into_iter().map(|d| view! { <path class="static-map__arc" d=d/> }).collect_view()}
            </g>
            <g class="static-map__home" transform=format!("translate({:.1} {:.1}) scale({unit:.4})", home_at.0, home_at.1)>
                <path class="map-home__shape" d=HOME_SHAPE/>
            </g>
            {markers}
        </svg>
    }
}
