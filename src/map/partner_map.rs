//! The interactive partner map: an SVG world in Equal Earth, centred on
//! the home district, with a marker per partner. It only renders: the view
//! is `use_pan_zoom`'s, and which markers exist (culled, clustered,
//! labelled) is `reader_core::map::layout`'s, recomputed when a gesture ends.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_use_element_size::{use_element_size_with_options, Size, UseElementSizeOptions};
use reader_core::map::labels::label_width;
use reader_core::map::layout::{layout_markers, LayoutOptions};
use reader_core::map::projection::WorldProjection;
use reader_core::world::ProjectedWorld;
use reader_core::{Cities, Id};
use wasm_bindgen::JsCast;

use super::map_legend::{MapLegend, HOME_SHAPE};
use super::markers::{MarkerView, MARKER_PX};
use super::use_pan_zoom::{
    transform, use_pan_zoom, UsePanZoomOptions, UsePanZoomReturn, ZOOM_STEP,
};
use super::world_layer::{Countries, Routes};
use crate::i18n::td_string;
use crate::language::use_language;

/// Label font size, in CSS pixels.
const LABEL_PX: f64 = 12.0;
/// A screen cell this wide (px) holding this many partners becomes a cluster.
const CLUSTER_CELL_PX: f64 = 28.0;
const CLUSTER_FROM: usize = 6;
/// On a kiosk, partners closer than this (px) share one target: a target is
/// a circle 46 px across (`r: 23px` in kiosk.css, for fingers that need 44),
/// so two never overlap.
const TOUCH_PX: f64 = 46.0;
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
    let kiosk = crate::kiosk::is_kiosk();
    // Published ahead of time, the zoom buttons wait for the app.
    let ahead = crate::state::ahead_of_time();
    let (world_w, world_h) = projection.size();
    let points: Arc<Vec<(f64, f64)>> = Arc::new(
        cities
            .partners
            .iter()
            .map(|p| projection.project(p.lon, p.lat))
            .collect(),
    );
    let home = projection.project(cities.home.lon, cities.home.lat);

    let frame = frame_ref.unwrap_or_default();
    // The drawing fills the canvas, whose size the stylesheet decides (and
    // which is measured, not the SVG).
    let canvas = NodeRef::<leptos::html::Div>::new();
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let size = use_element_size_with_options(
        canvas,
        UseElementSizeOptions::default().initial_size(ASSUMED_SIZE),
    );
    let measured = move || {
        let (w, h) = (size.width.get(), size.height.get());
        if w > 0.0 && h > 0.0 {
            (w, h)
        } else {
            (ASSUMED_SIZE.width, ASSUMED_SIZE.height)
        }
    };
    // The view box has the frame's shape, the world's width.
    let viewport = Signal::derive(move || {
        let (w, h) = measured();
        (world_w, world_w * h / w)
    });
    let units_per_px = Signal::derive(move || world_w / measured().0);
    let UsePanZoomReturn {
        view,
        settled,
        zoom_by,
        reset,
        centre_on,
        on_key,
        dragged,
    } = use_pan_zoom(
        svg,
        UsePanZoomOptions {
            world: (world_w, world_h),
            viewport,
            units_per_px,
        },
    );

    let markers = {
        let (cities, points) = (cities.clone(), points.clone());
        Memo::new(move |_| {
            let lang = lang.get();
            let shown: Vec<(usize, (f64, f64))> =
                visible.with(|v| v.iter().map(|&i| (i, points[i])).collect());
            let options = LayoutOptions {
                marker_px: MARKER_PX,
                label_px: LABEL_PX,
                cluster_cell_px: CLUSTER_CELL_PX,
                cluster_from: CLUSTER_FROM,
                touch_px: kiosk.then_some(TOUCH_PX),
            };
            let label =
                |i: usize| label_width(cities.partners[i].names.text(lang.as_str()), LABEL_PX);
            layout_markers(&shown, label, &settled.get(), units_per_px.get(), &options)
        })
    };

    // A kiosk reset returns the map to the whole world.
    if let Some(resets) = use_context::<crate::kiosk::KioskResets>() {
        Effect::new(move |previous: Option<u32>| {
            let count = resets.0.get();
            if previous.is_some_and(|p| p != count) {
                reset.run(());
            }
            count
        });
    }

    // Keep the selected partner in sight.
    {
        let points = points.clone();
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

    // Markers keep their screen size: one CSS variable, set through the DOM
    // (a `style` attribute in a published page would break the CSP), so it
    // is the stylesheet's estimate until the app runs.
    let markers_group = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        let scale = format!("{:.5}", units_per_px.get() / view.with(|v| v.k));
        if let Some(group) = markers_group.get() {
            let group: &web_sys::SvgElement = group.unchecked_ref();
            let _ = group.style().set_property("--marker-scale", &scale);
        }
    });

    let marker_views = {
        let cities = cities.clone();
        move || {
            markers
                .get()
                .into_iter()
                .map(|marker| {
                    view! {
                        <MarkerView
                            marker=marker
                            cities=cities.clone()
                            selected=selected
                            dragged=dragged
                            on_select=on_select
                            zoom_to=centre_on
                            zoom=Signal::derive(move || settled.with(|v| v.k))
                        />
                    }
                })
                .collect_view()
        }
    };
    let view_box = move || viewport.with(|(w, h)| format!("0 0 {w:.1} {h:.1}"));

    view! {
        <div class="partner-map">
            <div
                class="partner-map__frame"
                node_ref=frame
                role="group"
                aria-label=move || td_string!(lang.get(), map_label)
                aria-describedby="partner-map-help"
                tabindex="0"
                on:keydown=move |event| on_key.run(event)
            >
                <p id="partner-map-help" class="visually-hidden">{move || td_string!(lang.get(), map_help)}</p>
                // The drawing itself is no image to a screen reader; its links are the content.
                <div class="partner-map__canvas" node_ref=canvas>
                <svg class="partner-map__svg" role="presentation" node_ref=svg viewBox=view_box>
                    <g transform=move || view.with(transform)>
                        <Countries world=world cities=cities.clone() visible=visible/>
                        <Routes cities=cities.clone() projection=projection visible=visible selected=selected/>
                        <g class="partner-map__markers" node_ref=markers_group>
                            <g
                                class="map-home"
                                aria-hidden="true"
                                transform=format!("translate({:.2} {:.2})", home.0, home.1)
                            >
                                <g class="map-marker__body">
                                    <path class="map-home__shape" d=HOME_SHAPE/>
                                </g>
                            </g>
                            // Rebuilt whole when the settled view changes, not keyed with
                            // `<For>`: tachys 0.2's keyed list kept about 200 bytes for
                            // every marker it replaced, and a kiosk's attract mode
                            // replaces markers all day.
                            {marker_views}
                        </g>
                    </g>
                </svg>
                </div>
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
            </div>
            <MapLegend home_names=cities.home.names.clone()/>
        </div>
    }
}
