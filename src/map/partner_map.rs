//! The interactive partner map: an SVG world in Equal Earth with a marker
//! per partner. Panning and zooming change one transform on one group;
//! markers keep their screen size through a CSS variable, and the set of
//! markers (culled and clustered) is recomputed only when a gesture ends.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos_use_element_size::use_element_size;
use leptos_use_event_listener::{use_event_listener_with_options, UseEventListenerOptions};
use reader_core::geo::{great_circle, svg_path, WorldProjection};
use reader_core::map_view::{
    group_by_distance, group_markers, label_width, place_labels, MapView, MarkerGroup, Rect,
};
use reader_core::world::World;
use reader_core::{Cities, Id, Relation};
use wasm_bindgen::JsCast;

use super::map_legend::{marker_shape, MapLegend};
use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// Marker radius and label font size, in CSS pixels.
const MARKER_PX: f64 = 7.0;
const LABEL_PX: f64 = 12.0;
/// A screen cell this wide (px) holding this many partners becomes a cluster.
const CLUSTER_CELL_PX: f64 = 28.0;
const CLUSTER_FROM: usize = 6;
/// On a kiosk, targets are 46 px across and never overlap.
const TOUCH_PX: f64 = 46.0;
/// Arcs from home are drawn for every partner up to this many; beyond, only
/// for the selected one.
const ARCS_UP_TO: usize = 150;
const ZOOM_STEP: f64 = 1.6;

/// Everything about the map that does not change with pan, zoom or selection.
struct MapModel {
    world_size: (f64, f64),
    countries: Vec<(Option<String>, String)>,
    home: (f64, f64),
    /// Each partner's position in world units.
    points: Vec<(f64, f64)>,
    projection: WorldProjection,
}

impl MapModel {
    fn new(cities: &Cities, world: Option<&World>) -> Self {
        let width = world.map_or(1000.0, |w| w.width);
        let projection = WorldProjection::fit_width(width);
        Self {
            world_size: projection.size(),
            countries: world
                .map(|w| {
                    w.countries
                        .iter()
                        .map(|c| (c.code.clone(), c.d.clone()))
                        .collect()
                })
                .unwrap_or_default(),
            home: projection.project(cities.home.lon, cities.home.lat),
            points: cities
                .partners
                .iter()
                .map(|p| projection.project(p.lon, p.lat))
                .collect(),
            projection,
        }
    }

    fn arc(&self, cities: &Cities, index: usize) -> String {
        let p = &cities.partners[index];
        let lines = great_circle((cities.home.lon, cities.home.lat), (p.lon, p.lat), 48);
        let projected: Vec<Vec<(f64, f64)>> = lines
            .iter()
            .map(|line| {
                line.iter()
                    .map(|&(lon, lat)| self.projection.project(lon, lat))
                    .collect()
            })
            .collect();
        svg_path(projected.iter().map(Vec::as_slice), false)
    }
}

/// One thing drawn on the map at a place.
#[derive(Clone, PartialEq)]
enum Marker {
    Partner {
        index: usize,
        at: (f64, f64),
        label: Option<(f64, f64, &'static str)>,
    },
    Cluster {
        count: usize,
        at: (f64, f64),
    },
}

#[component]
pub fn PartnerMap(
    cities: Arc<Cities>,
    world: Option<Arc<World>>,
    /// Indexes of the partners the filters let through.
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
    // Published ahead of time, the zoom buttons wait for the app.
    let ahead = crate::state::ahead_of_time();
    let model = Arc::new(MapModel::new(&cities, world.as_deref()));
    let (world_w, world_h) = model.world_size;
    let view = RwSignal::new(MapView::whole(world_w, world_h));
    // The view markers are laid out for; follows `view` when a gesture ends.
    let settled = RwSignal::new(view.get_untracked());
    let settle = move || settled.set(view.get_untracked());

    let container = frame_ref.unwrap_or_default();
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let size = use_element_size(container);
    // World units per CSS pixel at zoom 1.
    let units_per_px = Memo::new(move |_| {
        let width = size.width.get();
        if width > 0.0 {
            world_w / width
        } else {
            1.0
        }
    });

    let kiosk = crate::kiosk::is_kiosk();
    let markers = {
        let model = model.clone();
        let cities = cities.clone();
        Memo::new(move |_| {
            let v = settled.get();
            let upp = units_per_px.get();
            let visible = visible.get();
            let points: Vec<(f64, f64)> = visible.iter().map(|&i| model.points[i]).collect();
            let area = v.screen_with_margin(0.5);
            let mut groups: Vec<MarkerGroup> = if kiosk {
                // Touch: partners closer than a fingertip become one cluster,
                // so no two 44 px targets overlap.
                let on_screen: Vec<usize> = (0..points.len())
                    .filter(|&i| {
                        let (x, y) = v.to_screen(points[i]);
                        area.contains(x, y)
                    })
                    .collect();
                let px: Vec<(f64, f64)> = on_screen
                    .iter()
                    .map(|&i| {
                        let (x, y) = v.to_screen(points[i]);
                        (x / upp, y / upp)
                    })
                    .collect();
                group_by_distance(&px, TOUCH_PX)
                    .into_iter()
                    .map(|g| MarkerGroup {
                        at: points[on_screen[g[0]]],
                        members: g.into_iter().map(|j| on_screen[j]).collect(),
                    })
                    .collect()
            } else {
                group_markers(&points, &v, area, CLUSTER_CELL_PX * upp, CLUSTER_FROM)
            };
            // West to east: the order Tab walks the markers in.
            groups.sort_by(|a, b| a.at.0.total_cmp(&b.at.0).then(a.at.1.total_cmp(&b.at.1)));
            // Labels for single markers, placed in screen pixels.
            let singles: Vec<(usize, (f64, f64))> = groups
                .iter()
                .filter(|g| g.members.len() == 1)
                .map(|g| (visible[g.members[0]], g.at))
                .collect();
            let anchors: Vec<(f64, f64)> = singles
                .iter()
                .map(|&(_, at)| {
                    let (x, y) = v.to_screen(at);
                    (x / upp, y / upp)
                })
                .collect();
            let sizes: Vec<(f64, f64)> = singles
                .iter()
                .map(|&(i, _)| {
                    (
                        label_width(cities.partners[i].names.text(lang.code()), LABEL_PX),
                        LABEL_PX * 1.3,
                    )
                })
                .collect();
            let bounds = Rect::new(0.0, 0.0, v.width / upp, v.height / upp);
            let placed = place_labels(&anchors, &sizes, MARKER_PX, bounds);
            let labels: HashMap<usize, (f64, f64, &'static str)> = singles
                .iter()
                .zip(placed)
                .filter_map(|(&(i, _), p)| p.map(|p| (i, (p.dx, p.dy, p.anchor.as_svg()))))
                .collect();
            groups
                .into_iter()
                .map(|g| match g.members.as_slice() {
                    [one] => {
                        let index = visible[*one];
                        Marker::Partner {
                            index,
                            at: g.at,
                            label: labels.get(&index).copied(),
                        }
                    }
                    many => Marker::Cluster {
                        count: many.len(),
                        at: g.at,
                    },
                })
                .collect::<Vec<_>>()
        })
    };

    // A kiosk reset returns the map to the whole world.
    if let Some(resets) = use_context::<crate::kiosk::KioskResets>() {
        Effect::new(move |previous: Option<u32>| {
            let count = resets.0.get();
            if previous.is_some_and(|p| p != count) {
                view.set(MapView::whole(world_w, world_h));
                settle();
            }
            count
        });
    }

    // Keep the selected partner in sight.
    {
        let model = model.clone();
        Effect::new(move |_| {
            if let Some(index) = selected.get() {
                let at = model.points[index];
                let v = view.get_untracked();
                let (x, y) = v.to_screen(at);
                if !v.screen_with_margin(-0.1).contains(x, y) {
                    view.set(v.centre_on(at, 2.0));
                    settle();
                }
            }
        });
    }

    // Wheel: zoom about the pointer. Not passive, so the page does not scroll.
    let wheel_settle = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    let _ = use_event_listener_with_options(
        svg,
        ev::wheel,
        move |event: web_sys::WheelEvent| {
            event.prevent_default();
            let Some(at) = svg_point(
                svg,
                units_per_px.get_untracked(),
                event.client_x(),
                event.client_y(),
            ) else {
                return;
            };
            let factor = (-event.delta_y() * 0.002).exp().clamp(0.5, 2.0);
            view.update(|v| *v = v.zoom_at(at, factor));
            wheel_settle.set_value(Some(gloo_timers::callback::Timeout::new(150, move || {
                settle()
            })));
        },
        UseEventListenerOptions::default().passive(false),
    );

    // Pointers: one drags, two pinch.
    let pointers = StoredValue::new_local(HashMap::<i32, (f64, f64)>::new());
    let dragged = StoredValue::new(false);
    let on_pointer_down = move |event: web_sys::PointerEvent| {
        if event.button() > 0 {
            return;
        }
        dragged.set_value(false);
        pointers.update_value(|p| {
            p.insert(
                event.pointer_id(),
                (event.client_x() as f64, event.client_y() as f64),
            );
        });
    };
    let on_pointer_move = move |event: web_sys::PointerEvent| {
        let id = event.pointer_id();
        let now = (event.client_x() as f64, event.client_y() as f64);
        let Some(before) = pointers.with_value(|p| p.get(&id).copied()) else {
            return;
        };
        let upp = units_per_px.get_untracked();
        let others: Vec<(f64, f64)> = pointers.with_value(|p| {
            p.iter()
                .filter(|(k, _)| **k != id)
                .map(|(_, v)| *v)
                .collect()
        });
        match others.as_slice() {
            [] => {
                let (dx, dy) = (now.0 - before.0, now.1 - before.1);
                if !dragged.get_value() && dx.hypot(dy) < 4.0 {
                    return;
                }
                if !dragged.get_value() {
                    dragged.set_value(true);
                    if let Some(svg) = svg.get_untracked() {
                        let _ = svg.set_pointer_capture(id);
                    }
                }
                view.update(|v| *v = v.pan(dx * upp, dy * upp));
            }
            [other, ..] => {
                dragged.set_value(true);
                let (d0, d1) = (distance(before, *other), distance(now, *other));
                if d0 > 0.0 {
                    let mid = ((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0);
                    if let Some(at) = svg_point(svg, upp, mid.0 as i32, mid.1 as i32) {
                        view.update(|v| *v = v.zoom_at(at, d1 / d0));
                    }
                }
            }
        }
        pointers.update_value(|p| {
            p.insert(id, now);
        });
    };
    let on_pointer_end = move |event: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&event.pointer_id());
        });
        if pointers.with_value(|p| p.is_empty()) {
            settle();
        }
    };

    let zoom_by = move |factor: f64| {
        view.update(|v| *v = v.zoom(factor));
        settle();
    };
    let reset = move || {
        view.set(MapView::whole(world_w, world_h));
        settle();
    };
    let on_key = move |event: web_sys::KeyboardEvent| {
        let step = 0.1;
        let v = view.get_untracked();
        let (sx, sy) = (v.width * step, v.height * step);
        let next = match event.key().as_str() {
            "ArrowLeft" => v.pan(sx, 0.0),
            "ArrowRight" => v.pan(-sx, 0.0),
            "ArrowUp" => v.pan(0.0, sy),
            "ArrowDown" => v.pan(0.0, -sy),
            "+" | "=" => v.zoom(ZOOM_STEP),
            "-" | "_" => v.zoom(1.0 / ZOOM_STEP),
            "0" => MapView::whole(world_w, world_h),
            _ => return,
        };
        event.prevent_default();
        view.set(next);
        settle();
    };

    // Markers keep their screen size: one CSS variable, set through the DOM
    // (a `style` attribute in a published page would break the CSP), so
    // it is the stylesheet's default (1) until the app runs.
    let markers_group = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        let scale = format!("{:.5}", units_per_px.get() / view.with(|v| v.k));
        if let Some(group) = markers_group.get() {
            let group: &web_sys::SvgElement = group.unchecked_ref();
            let _ = group.style().set_property("--marker-scale", &scale);
        }
    });

    let shaded: Memo<BTreeSet<String>> = {
        let cities = cities.clone();
        Memo::new(move |_| {
            visible
                .get()
                .iter()
                .map(|&i| cities.partners[i].country.code.to_ascii_uppercase())
                .collect()
        })
    };
    let countries = model
        .countries
        .iter()
        .map(|(code, d)| {
            let code = code.clone();
            view! {
                <path
                    class="partner-map__country"
                    class:partner-map__country--partner=move || {
                        code.as_ref().is_some_and(|c| shaded.with(|s| s.contains(c)))
                    }
                    d=d.clone()
                />
            }
        })
        .collect_view();
    let arcs = {
        let model = model.clone();
        let cities = cities.clone();
        move || {
            let visible = visible.get();
            let chosen: Vec<usize> = if visible.len() <= ARCS_UP_TO {
                visible
            } else {
                selected.get().into_iter().collect()
            };
            chosen
                .into_iter()
                .map(|i| {
                    let is_selected = move || selected.get() == Some(i);
                    view! {
                        <path
                            class="partner-map__arc"
                            class:partner-map__arc--selected=is_selected
                            d=model.arc(&cities, i)
                        />
                    }
                })
                .collect_view()
        }
    };
    let home = model.home;

    let marker_view = {
        let cities = cities.clone();
        move |marker: Marker| match marker {
            Marker::Partner { index, at, label } => {
                let partner = &cities.partners[index];
                let id = partner.id.clone();
                let names = partner.names.clone();
                let name = move || names.text(lang.code()).to_owned();
                let relation = partner.relation;
                let href = format!("/partners/{id}");
                let id_attr = id.to_string();
                let on_click = move |event: web_sys::MouseEvent| {
                    event.prevent_default();
                    if !dragged.get_value() {
                        on_select.run(id.clone());
                    }
                };
                let select_by_label = on_click.clone();
                let marker_class = move || {
                    let selected = if selected.get() == Some(index) {
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
                            aria-current=move || (selected.get() == Some(index)).then_some("true")
                            data-partner-id=id_attr
                            on:click=on_click
                        >
                            <g class="map-marker__body">
                                // A larger invisible target for fingers (kiosk.css sizes it).
                                <circle class="map-marker__hit" r="0"/>
                                <path class="map-marker__shape" d=marker_shape(relation, MARKER_PX)/>
                            </g>
                        </a>
                        </g>
                        {label.map(|(dx, dy, anchor)| view! {
                            <g class="map-marker__body">
                                <text
                                    class="map-marker__label"
                                    x=dx
                                    y=dy
                                    text-anchor=anchor
                                    aria-hidden="true"
                                    on:click=select_by_label
                                >
                                    {name}
                                </text>
                            </g>
                        })}
                    </g>
                }
                .into_any()
            }
            Marker::Cluster { count, at } => {
                let zoom_in = move || {
                    view.update(|v| *v = v.centre_on(at, v.k * 2.5));
                    settle();
                };
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
                .into_any()
            }
        }
    };

    view! {
        <div class="partner-map">
            <div
                class="partner-map__frame"
                node_ref=container
                role="group"
                aria-label=move || td_string!(lang.get(), map_label)
                aria-describedby="partner-map-help"
                tabindex="0"
                on:keydown=on_key
            >
                <p id="partner-map-help" class="visually-hidden">{move || td_string!(lang.get(), map_help)}</p>
                // The drawing itself is no image to a screen reader; its links are the content.
                <svg
                    class="partner-map__svg"
                    role="presentation"
                    node_ref=svg
                    viewBox=format!("0 0 {world_w:.1} {world_h:.1}")
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_end
                    on:pointercancel=on_pointer_end
                >
                    <g transform=move || view.with(|v| format!("translate({:.2} {:.2}) scale({:.4})", v.tx, v.ty, v.k))>
                        <g class="partner-map__countries" aria-hidden="true">{countries}</g>
                        <g class="partner-map__arcs" aria-hidden="true">{arcs}</g>
                        <g class="partner-map__markers" node_ref=markers_group>
                            <g
                                class="map-home"
                                aria-hidden="true"
                                transform=format!("translate({:.2} {:.2})", home.0, home.1)
                            >
                                <g class="map-marker__body">
                                    <path class="map-home__shape" d=super::map_legend::HOME_SHAPE/>
                                </g>
                            </g>
                            // Rebuilt whole when the settled view changes, not keyed with
                            // `<For>`: tachys 0.2's keyed list kept about 200 bytes for
                            // every marker it replaced, and a kiosk's attract mode
                            // replaces markers all day.
                            {
                                let marker_view = marker_view.clone();
                                move || markers.get().into_iter().map(marker_view.clone()).collect_view()
                            }
                        </g>
                    </g>
                </svg>
                <div class="partner-map__controls">
                    <button type="button" class="partner-map__button" disabled=ahead aria-label=move || td_string!(lang.get(), zoom_in) on:click=move |_| zoom_by(ZOOM_STEP)>
                        "+"
                    </button>
                    <button type="button" class="partner-map__button" disabled=ahead aria-label=move || td_string!(lang.get(), zoom_out) on:click=move |_| zoom_by(1.0 / ZOOM_STEP)>
                        "−"
                    </button>
                    <button type="button" class="partner-map__button" disabled=ahead aria-label=move || td_string!(lang.get(), zoom_reset) on:click=move |_| reset()>
                        "⟲"
                    </button>
                </div>
            </div>
            <MapLegend home_names=cities.home.names.clone()/>
        </div>
    }
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// A client point as map screen units (the SVG's viewBox).
fn svg_point(
    svg: NodeRef<leptos::svg::Svg>,
    units_per_px: f64,
    x: i32,
    y: i32,
) -> Option<(f64, f64)> {
    let svg = svg.get_untracked()?;
    let element: &web_sys::Element = svg.unchecked_ref();
    let rect = element.get_bounding_client_rect();
    Some((
        (x as f64 - rect.left()) * units_per_px,
        (y as f64 - rect.top()) * units_per_px,
    ))
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

/// The relations a map can show, in legend order.
pub const RELATIONS: [Relation; 3] = [Relation::Sister, Relation::Exchange, Relation::Contact];
