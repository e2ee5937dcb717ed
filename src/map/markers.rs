//! One marker of the map: a partner (a real SVG link, named by the
//! partner's name, shaped and coloured by the relation) or a cluster of
//! partners (a button that zooms in on them).

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::map::layout::{Label, Marker};
use reader_core::map::shapes::MarkerShape;
use reader_core::route::AppRoute;
use reader_core::{Cities, Id};

use crate::language::use_language;
use crate::text;

/// A marker's radius, in CSS pixels.
pub const MARKER_PX: f64 = 7.0;
/// How much closer a cluster zooms when chosen.
const CLUSTER_ZOOM: f64 = 2.5;

#[component]
pub fn MarkerView(
    marker: Marker,
    cities: Arc<Cities>,
    selected: Signal<Option<usize>>,
    /// Whether the pointer dragged the map: then a click chooses nothing.
    dragged: Signal<bool>,
    on_select: Callback<Id>,
    /// Zooms in on a place: (where, to at least which zoom).
    zoom_to: Callback<((f64, f64), f64)>,
    /// The map's zoom now.
    zoom: Signal<f64>,
) -> impl IntoView {
    match marker {
        Marker::Partner { index, at, label } => view! {
            <PartnerMarker index at label cities selected dragged on_select/>
        }
        .into_any(),
        Marker::Cluster { count, at } => {
            view! { <ClusterMarker count at zoom_to zoom/> }.into_any()
        }
    }
}

/// A partner's marker: a link named by the partner's name, shaped and
/// coloured by the relation, with its label when there is room for one.
#[component]
fn PartnerMarker(
    index: usize,
    at: (f64, f64),
    label: Option<Label>,
    cities: Arc<Cities>,
    selected: Signal<Option<usize>>,
    dragged: Signal<bool>,
    on_select: Callback<Id>,
) -> impl IntoView {
    let lang = use_language();
    let partner = &cities.partners[index];
    let id = partner.id.clone();
    let names = partner.names.clone();
    let name = move || names.text(lang.code()).to_owned();
    let relation = partner.relation;
    let href = AppRoute::Partner(id.clone()).href();
    let id_attr = id.to_string();
    let on_click = move |event: web_sys::MouseEvent| {
        event.prevent_default();
        if !dragged.get_untracked() {
            on_select.run(id.clone());
        }
    };
    let select_by_label = on_click.clone();
    let is_selected = move || selected.get() == Some(index);
    let marker_class = move || {
        let selected = if is_selected() {
            " map-marker--selected"
        } else {
            ""
        };
        format!("map-marker map-marker--{}{selected}", relation.as_str())
    };
    view! {
        <g transform=format!("translate({:.2} {:.2})", at.0, at.1) class=marker_class>
            // The link is the only child of its own group: leptos_macro 0.8
            // makes an ambiguous `a` among siblings an HTML anchor.
            <g>
            <a
                href=href
                class="map-marker__link"
                aria-label=name.clone()
                aria-current=move || is_selected().then_some("true")
                data-partner-id=id_attr
                on:click=on_click
            >
                <g class="map-marker__body">
                    // A larger invisible target for fingers (kiosk.css sizes it).
                    <circle class="map-marker__hit" r="0"/>
                    <path class="map-marker__shape" d=MarkerShape::for_relation(relation).path(MARKER_PX)/>
                </g>
            </a>
            </g>
            {label.map(|label| view! {
                <g class="map-marker__body">
                    <text
                        class="map-marker__label"
                        x=label.dx
                        y=label.dy
                        text-anchor=label.anchor.as_svg()
                        aria-hidden="true"
                        on:click=select_by_label
                    >
                        {name}
                    </text>
                </g>
            })}
        </g>
    }
}

/// Partners too close to tell apart: a button, named by their count, that
/// zooms in on them.
#[component]
fn ClusterMarker(
    count: usize,
    at: (f64, f64),
    zoom_to: Callback<((f64, f64), f64)>,
    zoom: Signal<f64>,
) -> impl IntoView {
    let lang = use_language();
    let zoom_in = move || zoom_to.run((at, zoom.get_untracked() * CLUSTER_ZOOM));
    view! {
        <g
            class="map-cluster"
            role="button"
            tabindex="0"
            aria-label=move || text::cluster_label(count, lang.get())
            transform=format!("translate({:.2} {:.2})", at.0, at.1)
            on:click=move |_| zoom_in()
            on:keydown=move |event: web_sys::KeyboardEvent| {
                if matches!(event.key().as_str(), "Enter" | " ") {
                    event.prevent_default();
                    zoom_in();
                }
            }
        >
            <g class="map-marker__body">
                <circle class="map-marker__hit" r="0"/>
                <circle class="map-cluster__circle" r=cluster_radius(count)/>
                <text class="map-cluster__count" y="4" text-anchor="middle" aria-hidden="true">
                    {count_text(count)}
                </text>
            </g>
        </g>
    }
}

fn cluster_radius(count: usize) -> String {
    format!("{:.1}", 10.0 + (count as f64).log10() * 4.0)
}

fn count_text(count: usize) -> String {
    if count >= 1000 {
        format!("{}k", count / 1000)
    } else {
        count.to_string()
    }
}
