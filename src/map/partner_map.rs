//! The interactive partner map: an SVG world in Equal Earth, centred on
//! the home district, with a marker per partner. It only renders: the view
//! is `use_pan_zoom`'s, and which markers exist (culled, clustered,
//! labelled) is `reader_core::map::layout`'s, recomputed when a gesture ends.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_use_element_size::{use_element_size_with_options, Size, UseElementSizeOptions};
use reader_core::map::labels::label_width;
use reader_core::map::layout::{layout_markers, LayoutOptions, Marker};
use reader_core::map::projection::WorldProjection;
use reader_core::map::view::MapView;
use reader_core::world::ProjectedWorld;
use reader_core::{Cities, Id};
use wasm_bindgen::JsCast;

use super::map_legend::{MapLegend, HOME_SHAPE};
use super::markers::{MarkerView, MARKER_PX};
use super::use_pan_zoom::{
    transform, use_pan_zoom, UsePanZoomOptions, UsePanZoomReturn, ZOOM_STEP,
};
use super::world_layer::{Countries, Routes};
use crate::handover::in_a_task_of_its_own;
use crate::i18n::td_string;
use crate::kiosk_mode::{is_kiosk, KioskResets};
use crate::language::use_language;
use crate::state::ahead_of_time;

/// Label font size, in CSS pixels.
const LABEL_PX: f64 = 12.0;
/// A screen cell this wide (px) holding this many partners becomes a cluster.
const CLUSTER_CELL_PX: f64 = 28.0;
const CLUSTER_FROM: usize = 6;
/// On a kiosk, partners closer than this (px) share one target: a target is
/// a circle 46 px across (`r: 23px` in kiosk.css, for fingers that need 44),
/// so two never overlap.
const TOUCH_PX: f64 = 46.0;
/// The class of the box the map fills (and which is measured).
const CANVAS_CLASS: &str = "partner-map__canvas";
/// The map's assumed size until it is measured (and on a published page):
/// a wide screen's.
const ASSUMED_SIZE: Size = Size {
    width: 900.0,
    height: 440.0,
};

#[component]
pub fn PartnerMap(
    cities: Arc<Cities>,
    /// The world drawn for `projection`, if its outlines could be loaded.
    world: Option<Arc<ProjectedWorld>>,
    projection: WorldProjection,
    /// Indexes of the partners the filters and the timeline let through.
    #[prop(into)]
    visible: Signal<Vec<usize>>,
    #[prop(into)] selected: Signal<Option<usize>>,
    /// Called with the id of the partner a reader picks on the map.
    on_select: Callback<Id>,
    /// The map's focusable frame, for whoever needs to give it focus.
    #[prop(optional)]
    frame_ref: Option<NodeRef<leptos::html::Div>>,
) -> impl IntoView {
    let lang = use_language();
    let (world_w, world_h) = projection.size();
    let points = projected(&cities, &projection);
    let home = projection.project(cities.home.lon, cities.home.lat);
    let countries = countries_later(world, cities.clone(), visible);
    // The drawing fills the canvas, whose size the stylesheet decides (and
    // which is measured, not the SVG).
    let canvas = NodeRef::<leptos::html::Div>::new();
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let (viewport, units_per_px) = use_viewport(canvas, world_w);
    let fit = places_to_fit(home, points.clone(), visible);
    let pan_zoom = use_pan_zoom(
        svg,
        UsePanZoomOptions {
            world: (world_w, world_h),
            viewport,
            units_per_px,
            fit,
        },
    );
    let UsePanZoomReturn { view, reset, .. } = pan_zoom;
    let markers = laid_out_markers(&cities, &points, visible, pan_zoom.settled, units_per_px);
    // A kiosk reset returns the map to its partners.
    if let Some(resets) = use_context::<KioskResets>() {
        Effect::watch(move || resets.count(), move |_, _, _| reset.run(()), false);
    }
    keep_in_sight(selected, points, view, pan_zoom.centre_on);
    let view_box = move || viewport.with(|(w, h)| format!("0 0 {w:.1} {h:.1}"));

    view! {
        <div class="partner-map">
            <div
                class="partner-map__frame"
                node_ref=frame_ref.unwrap_or_default()
                role="group"
                aria-label=move || td_string!(lang.get(), map_label)
                aria-describedby="partner-map-help"
                tabindex="0"
                on:keydown=move |event| pan_zoom.on_key.run(event)
            >
                <p id="partner-map-help" class="visually-hidden">{move || td_string!(lang.get(), map_help)}</p>
                // The drawing itself is no image to a screen reader; its links are the content.
                <div class=CANVAS_CLASS node_ref=canvas>
                <svg class="partner-map__svg" role="presentation" node_ref=svg viewBox=view_box>
                    <g transform=move || view.with(transform)>
                        {countries}
                        <Routes cities=cities.clone() projection=projection visible=visible selected=selected/>
                        <Markers
                            cities=cities.clone()
                            markers=markers
                            home=home
                            selected=selected
                            on_select=on_select
                            pan_zoom=pan_zoom
                            units_per_px=units_per_px
                        />
                    </g>
                </svg>
                </div>
                <ZoomControls zoom_by=pan_zoom.zoom_by reset=reset/>
            </div>
            <MapLegend home_names=cities.home.names.clone()/>
        </div>
    }
}

/// The home and the partners' markers, which keep their screen size
/// whatever the zoom.
#[component]
fn Markers(
    cities: Arc<Cities>,
    markers: Memo<Vec<Marker>>,
    home: (f64, f64),
    selected: Signal<Option<usize>>,
    on_select: Callback<Id>,
    pan_zoom: UsePanZoomReturn,
    units_per_px: Signal<f64>,
) -> impl IntoView {
    let group = NodeRef::<leptos::svg::G>::new();
    scale_markers(group, pan_zoom.view, units_per_px);
    let zoom = Signal::derive(move || pan_zoom.settled.with(|v| v.k));
    let marker_views = move || {
        markers
            .get()
            .into_iter()
            .map(|marker| {
                view! {
                    <MarkerView
                        marker=marker
                        cities=cities.clone()
                        selected=selected
                        dragged=pan_zoom.dragged
                        on_select=on_select
                        zoom_to=pan_zoom.centre_on
                        zoom=zoom
                    />
                }
            })
            .collect_view()
    };
    view! {
        <g class="partner-map__markers" node_ref=group>
            <HomeMarker at=home/>
            // Rebuilt whole when the settled view changes, not keyed with
            // `<For>`: tachys 0.2's keyed list kept about 200 bytes for
            // every marker it replaced, and a kiosk's attract mode
            // replaces markers all day.
            {marker_views}
        </g>
    }
}

/// The home district's star (for the eye only: the legend names it).
#[component]
fn HomeMarker(at: (f64, f64)) -> impl IntoView {
    view! {
        <g class="map-home" aria-hidden="true" transform=format!("translate({:.2} {:.2})", at.0, at.1)>
            <g class="map-marker__body">
                <path class="map-home__shape" d=HOME_SHAPE/>
            </g>
        </g>
    }
}

/// Zoom in, zoom out, back to the partners. Published ahead of time, they wait
/// for the app.
#[component]
fn ZoomControls(zoom_by: Callback<f64>, reset: Callback<()>) -> impl IntoView {
    let lang = use_language();
    let ahead = ahead_of_time();
    view! {
        <div class="partner-map__controls needs-script">
            <button type="button" class="partner-map__button" disabled=ahead aria-label=move || td_string!(lang.get(), zoom_in) on:click=move |_| zoom_by.run(ZOOM_STEP)>
                "+"
            </button>
            <button type="button" class="partner-map__button" disabled=ahead aria-label=move || td_string!(lang.get(), zoom_out) on:click=move |_| zoom_by.run(1.0 / ZOOM_STEP)>
                "−"
            </button>
            <button type="button" class="partner-map__button" disabled=ahead aria-label=move || td_string!(lang.get(), zoom_reset) on:click=move |_| reset.run(())>
                "⟲"
            </button>
        </div>
    }
}

/// The countries (a path each): taking over a published page, drawn in a
/// task after the rest of the map.
fn countries_later(
    world: Option<Arc<ProjectedWorld>>,
    cities: Arc<Cities>,
    visible: Signal<Vec<usize>>,
) -> AnyView {
    in_a_task_of_its_own(Box::new(move || {
        view! { <Countries world=world cities=cities visible=visible/> }.into_any()
    }))
}

/// What the map opens on: the shown partners and home.
fn places_to_fit(
    home: (f64, f64),
    points: Arc<Vec<(f64, f64)>>,
    visible: Signal<Vec<usize>>,
) -> Signal<Vec<(f64, f64)>> {
    Signal::derive(move || {
        visible.with(|shown| {
            let partners = shown.iter().filter_map(|&i| points.get(i).copied());
            std::iter::once(home).chain(partners).collect()
        })
    })
}

/// Where each partner is on the map, in world units.
fn projected(cities: &Cities, projection: &WorldProjection) -> Arc<Vec<(f64, f64)>> {
    let points = cities
        .partners
        .iter()
        .map(|p| projection.project(p.lon, p.lat));
    Arc::new(points.collect())
}

/// The view box (the canvas's shape, the world's width) and world units
/// per CSS pixel, from the canvas's measured size.
fn use_viewport(
    canvas: NodeRef<leptos::html::Div>,
    world_w: f64,
) -> (Signal<(f64, f64)>, Signal<f64>) {
    // Until the canvas can be measured: the size the published page shows
    // it at, while the app takes that page over (so the swap does not draw
    // the map again), else an assumption.
    let (unmeasured_w, unmeasured_h) = crate::handover::Handover::use_context()
        .and_then(|handover| handover.published_size(&format!(".{CANVAS_CLASS}")))
        .unwrap_or((ASSUMED_SIZE.width, ASSUMED_SIZE.height));
    let size = use_element_size_with_options(
        canvas,
        UseElementSizeOptions::default().initial_size(Size {
            width: unmeasured_w,
            height: unmeasured_h,
        }),
    );
    let measured = move || {
        let (w, h) = (size.width.get(), size.height.get());
        if w > 0.0 && h > 0.0 {
            (w, h)
        } else {
            (unmeasured_w, unmeasured_h)
        }
    };
    let viewport = Signal::derive(move || {
        let (w, h) = measured();
        (world_w, world_w * h / w)
    });
    (viewport, Signal::derive(move || world_w / measured().0))
}

/// The markers for the settled view: culled, clustered and labelled in
/// the interface language (targets for fingers on a kiosk).
fn laid_out_markers(
    cities: &Arc<Cities>,
    points: &Arc<Vec<(f64, f64)>>,
    visible: Signal<Vec<usize>>,
    settled: Signal<MapView>,
    units_per_px: Signal<f64>,
) -> Memo<Vec<Marker>> {
    let lang = use_language();
    let options = LayoutOptions {
        marker_px: MARKER_PX,
        label_px: LABEL_PX,
        cluster_cell_px: CLUSTER_CELL_PX,
        cluster_from: CLUSTER_FROM,
        touch_px: is_kiosk().then_some(TOUCH_PX),
    };
    let (cities, points) = (cities.clone(), points.clone());
    Memo::new(move |_| {
        let lang = lang.get();
        let shown: Vec<(usize, (f64, f64))> =
            visible.with(|v| v.iter().map(|&i| (i, points[i])).collect());
        let label = |i: usize| label_width(cities.partners[i].names.text(lang.as_str()), LABEL_PX);
        layout_markers(&shown, label, &settled.get(), units_per_px.get(), &options)
    })
}

/// Keeps the selected partner in sight: a selection off screen is centred.
fn keep_in_sight(
    selected: Signal<Option<usize>>,
    points: Arc<Vec<(f64, f64)>>,
    view: Signal<MapView>,
    centre_on: Callback<((f64, f64), f64)>,
) {
    Effect::new(move |_| {
        if let Some(index) = selected.get() {
            let at = points[index];
            let v = view.get_untracked();
            let (x, y) = v.to_screen(at);
            if !v.screen_with_margin(-0.1).contains(x, y) {
                centre_on.run((at, v.k * 2.0));
            }
        }
    });
}

/// Markers keep their screen size: one CSS variable, set through the DOM
/// (a `style` attribute in a published page would break the CSP), so it
/// is the stylesheet's estimate until the app runs.
fn scale_markers(group: NodeRef<leptos::svg::G>, view: Signal<MapView>, units_per_px: Signal<f64>) {
    Effect::new(move |_| {
        let scale = format!("{:.5}", units_per_px.get() / view.with(|v| v.k));
        if let Some(group) = group.get() {
            let group: &web_sys::SvgElement = group.unchecked_ref();
            let _ = group.style().set_property("--marker-scale", &scale);
        }
    });
}
