//! Pan and zoom for an SVG map, in the shape of leptos-use's hooks (an
//! options struct in, a return struct out): the one place that writes the
//! map's view. Drag, wheel (about the pointer), pinch, the keyboard (arrows,
//! `+`, `-`, `0`) and the returned callbacks all go through it, and each
//! gesture ends by settling the view, so whatever is laid out per view
//! (markers, labels) is recomputed once per gesture, not once per frame.
//!
//! The map opens on the places it is given (`fit`: the shown partners and
//! home), as large as the viewport allows, and follows them when they
//! change (a filter, the timeline) or the viewport does, gliding there
//! unless the reader prefers reduced motion; once the reader has moved
//! the map, it stays where they put it until they reset it.
//!
//! ```ignore
//! let svg = NodeRef::<leptos::svg::Svg>::new();
//! let UsePanZoomReturn { view, on_key, zoom_by, .. } = use_pan_zoom(
//!     svg,
//!     UsePanZoomOptions { world: (1000.0, 487.0), viewport, units_per_px, fit },
//! );
//! view! {
//!     <div tabindex="0" on:keydown=move |event| on_key.run(event)>
//!         <svg node_ref=svg><g transform=move || view.with(transform)>…</g></svg>
//!         <button on:click=move |_| zoom_by.run(ZOOM_STEP)>"+"</button>
//!     </div>
//! }
//! ```

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;
use leptos_use_event_listener::{
    use_event_listener, use_event_listener_with_options, UseEventListenerOptions,
};
use reader_core::map::view::MapView;
use wasm_bindgen::JsCast;

/// How far one step of the zoom buttons and keys zooms.
pub const ZOOM_STEP: f64 = 1.6;
/// How long after the last wheel event a wheel gesture counts as ended.
const WHEEL_SETTLE_MS: u32 = 150;
/// A pointer that moves less than this (CSS px) is a tap, not a drag.
const DRAG_FROM_PX: f64 = 4.0;
/// The room left around the map's places, as a fraction of the viewport on
/// each side: a marker and the start of its label, and more than the edge
/// band where choosing a partner brings it to the middle (`keep_in_sight`
/// in partner_map.rs), so that choosing one the map opened on never moves it.
const FIT_MARGIN: f64 = 0.12;
/// How long the map takes to glide to its places when they change.
const GLIDE_MS: f64 = 300.0;

pub struct UsePanZoomOptions {
    /// The world's size in world units.
    pub world: (f64, f64),
    /// The viewport's size in the same units (the SVG's view box), which
    /// follows the element's shape.
    pub viewport: Signal<(f64, f64)>,
    /// World units per CSS pixel at zoom 1.
    pub units_per_px: Signal<f64>,
    /// The places (world units) the map opens on and returns to.
    pub fit: Signal<Vec<(f64, f64)>>,
}

#[derive(Clone, Copy)]
pub struct UsePanZoomReturn {
    /// The view now, changing every frame of a gesture.
    pub view: Signal<MapView>,
    /// The view as of the end of the last gesture.
    pub settled: Signal<MapView>,
    pub zoom_by: Callback<f64>,
    /// Back to the places the map opens on.
    pub reset: Callback<()>,
    /// Centres a world point, zooming in to at least the given zoom.
    pub centre_on: Callback<((f64, f64), f64)>,
    /// For the map's focusable frame: arrows pan, `+` and `-` zoom, `0` resets.
    pub on_key: Callback<web_sys::KeyboardEvent>,
    /// Whether the pointer that went down last has dragged: a click that
    /// ends a drag is not a choice of what is under it.
    pub dragged: Signal<bool>,
}

/// Pans and zooms the map drawn in `svg` (see the module's example).
pub fn use_pan_zoom(
    svg: NodeRef<leptos::svg::Svg>,
    options: UsePanZoomOptions,
) -> UsePanZoomReturn {
    let UsePanZoomOptions {
        world,
        viewport,
        units_per_px,
        fit,
    } = options;
    let fitted = move |size: (f64, f64)| {
        fit.with_untracked(|places| MapView::fitting(world, size, places, FIT_MARGIN))
    };
    let first = fitted(viewport.get_untracked());
    let map = Views {
        view: RwSignal::new(first),
        settled: RwSignal::new(first),
        svg,
        units_per_px,
        moved_by_reader: RwSignal::new(false),
        glide: StoredValue::new(0),
    };
    // The viewport changes shape (a rotated phone, the first measurement):
    // a map the reader has not moved shows its places again at once; one
    // they moved keeps its place and zoom.
    Effect::watch(
        move || viewport.get(),
        move |size, previous, _| {
            if previous.is_some_and(|p| p != size) {
                if map.moved_by_reader.get_untracked() {
                    map.show(map.view.get_untracked().resized(*size));
                } else {
                    map.show(fitted(*size));
                }
            }
        },
        false,
    );
    // The places change (a filter, the timeline): a map the reader has not
    // moved glides to them.
    Effect::watch(
        move || fit.track(),
        move |_, _, _| {
            if !map.moved_by_reader.get_untracked() {
                map.glide_to(fitted(viewport.get_untracked()));
            }
        },
        false,
    );
    zoom_with_the_wheel(map);
    let dragged = pan_and_pinch(map);
    let home = move || {
        map.moved_by_reader.set(false);
        map.show(fitted(viewport.get_untracked()));
    };
    let now = move || map.view.get_untracked();
    UsePanZoomReturn {
        view: map.view.into(),
        settled: map.settled.into(),
        zoom_by: Callback::new(move |factor: f64| map.set(now().zoom(factor), true)),
        reset: Callback::new(move |()| home()),
        centre_on: Callback::new(move |(at, k): ((f64, f64), f64)| {
            map.set(now().centre_on(at, k), true)
        }),
        on_key: Callback::new(move |event: web_sys::KeyboardEvent| {
            let key = event.key();
            if key == "0" {
                event.prevent_default();
                home();
            } else if let Some(next) = view_for_key(now(), &key) {
                event.prevent_default();
                map.set(next, true);
            }
        }),
        dragged: dragged.into(),
    }
}

/// The view now and as of the last gesture's end, and where they are drawn.
#[derive(Clone, Copy)]
struct Views {
    view: RwSignal<MapView>,
    settled: RwSignal<MapView>,
    svg: NodeRef<leptos::svg::Svg>,
    units_per_px: Signal<f64>,
    /// Whether the reader moved the map since it last showed its places.
    moved_by_reader: RwSignal<bool>,
    /// The glide under way (a number each new one takes, which stops the
    /// one before).
    glide: StoredValue<u32>,
}

impl Views {
    /// Every change by the reader ends here: write the view, and settle
    /// it unless a gesture goes on.
    fn set(self, next: MapView, settle: bool) {
        self.moved_by_reader.set(true);
        self.write(next, settle);
    }

    /// A change the map makes itself, at once.
    fn show(self, next: MapView) {
        self.write(next, true);
    }

    fn write(self, next: MapView, settle: bool) {
        // Whatever glide was under way stops here.
        self.glide.update_value(|n| *n = n.wrapping_add(1));
        self.view.set(next);
        if settle {
            self.settled.set(next);
        }
    }

    /// Moves to `target` over [`GLIDE_MS`], or at once for a reader who
    /// prefers reduced motion; settled when it gets there. A change by the
    /// reader meanwhile stops it where it is.
    fn glide_to(self, target: MapView) {
        let from = self.view.get_untracked();
        if from.same_as(&target) {
            return;
        }
        if crate::motion::prefers_reduced_motion() {
            self.show(target);
            return;
        }
        self.glide.update_value(|n| *n = n.wrapping_add(1));
        let id = self.glide.get_value();
        let start = crate::motion::now_ms();
        glide_frame(self, id, start, from, target);
    }
    fn settle(self) {
        self.settled.set(self.view.get_untracked());
    }

    /// A client point as screen units of the map (its view box).
    fn point(self, x: f64, y: f64) -> Option<(f64, f64)> {
        let svg = self.svg.get_untracked()?;
        let element: &web_sys::Element = svg.unchecked_ref();
        let rect = element.get_bounding_client_rect();
        let upp = self.units_per_px.get_untracked();
        Some(((x - rect.left()) * upp, (y - rect.top()) * upp))
    }
}

/// One frame of a glide from `from` to `to` that started at `start` (ms),
/// the next asked for until it arrives, unless another change took over.
fn glide_frame(map: Views, id: u32, start: f64, from: MapView, to: MapView) {
    request_animation_frame(move || {
        if map.glide.try_get_value() != Some(id) {
            return;
        }
        let t = ((crate::motion::now_ms() - start) / GLIDE_MS).clamp(0.0, 1.0);
        if t >= 1.0 {
            map.view.set(to);
            map.settled.set(to);
            return;
        }
        // Ease out: quick at first, gentle as it arrives.
        let e = 1.0 - (1.0 - t).powi(3);
        let mix = |a: f64, b: f64| a + (b - a) * e;
        map.view.set(MapView {
            k: mix(from.k, to.k),
            tx: mix(from.tx, to.tx),
            ty: mix(from.ty, to.ty),
            ..to
        });
        glide_frame(map, id, start, from, to);
    });
}

/// The view a key moves to: arrows pan a tenth of the view, `+` and `-`
/// zoom a step; other keys do nothing (`0`, back to the map's places, is
/// the caller's).
fn view_for_key(v: MapView, key: &str) -> Option<MapView> {
    let (sx, sy) = (v.width * 0.1, v.height * 0.1);
    Some(match key {
        "ArrowLeft" => v.pan(sx, 0.0),
        "ArrowRight" => v.pan(-sx, 0.0),
        "ArrowUp" => v.pan(0.0, sy),
        "ArrowDown" => v.pan(0.0, -sy),
        "+" | "=" => v.zoom(ZOOM_STEP),
        "-" | "_" => v.zoom(1.0 / ZOOM_STEP),
        _ => return None,
    })
}

/// Wheel: zoom about the pointer, settled once the wheel rests. Not
/// passive, so the page does not scroll.
fn zoom_with_the_wheel(map: Views) {
    let wheel_settle = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    let _ = use_event_listener_with_options(
        map.svg,
        ev::wheel,
        move |event: web_sys::WheelEvent| {
            event.prevent_default();
            let at = map.point(f64::from(event.client_x()), f64::from(event.client_y()));
            let Some(at) = at else {
                return;
            };
            let factor = (-event.delta_y() * 0.002).exp().clamp(0.5, 2.0);
            map.set(map.view.get_untracked().zoom_at(at, factor), false);
            let timeout =
                gloo_timers::callback::Timeout::new(WHEEL_SETTLE_MS, move || map.settle());
            wheel_settle.set_value(Some(timeout));
        },
        UseEventListenerOptions::default().passive(false),
    );
}

/// Pointers: one drags, two pinch; the view settles when the last one is
/// lifted. Returns whether the pointer that went down last has dragged.
fn pan_and_pinch(map: Views) -> RwSignal<bool> {
    let pointers = StoredValue::new_local(HashMap::<i32, (f64, f64)>::new());
    let dragged = RwSignal::new(false);
    let _ = use_event_listener(
        map.svg,
        ev::pointerdown,
        move |event: web_sys::PointerEvent| {
            if event.button() > 0 {
                return;
            }
            dragged.set(false);
            pointers.update_value(|p| {
                p.insert(event.pointer_id(), client_point(&event));
            });
        },
    );
    let _ = use_event_listener(
        map.svg,
        ev::pointermove,
        move |event: web_sys::PointerEvent| {
            let id = event.pointer_id();
            let now = client_point(&event);
            let Some(before) = pointers.with_value(|p| p.get(&id).copied()) else {
                return;
            };
            let other = pointers.with_value(|p| p.iter().find(|(k, _)| **k != id).map(|(_, v)| *v));
            match other {
                None => drag(map, dragged, id, before, now),
                Some(other) => pinch(map, dragged, (before, now), other),
            }
            pointers.update_value(|p| {
                p.insert(id, now);
            });
        },
    );
    let end = move |event: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&event.pointer_id());
        });
        if pointers.with_value(|p| p.is_empty()) {
            map.settle();
        }
    };
    let _ = use_event_listener(map.svg, ev::pointerup, end);
    let _ = use_event_listener(map.svg, ev::pointercancel, end);
    dragged
}

/// One pointer moved from `before` to `now`: past a tap's few pixels, the
/// map follows it (and the pointer is captured).
fn drag(map: Views, dragged: RwSignal<bool>, id: i32, before: (f64, f64), now: (f64, f64)) {
    let (dx, dy) = (now.0 - before.0, now.1 - before.1);
    if !dragged.get_untracked() {
        if dx.hypot(dy) < DRAG_FROM_PX {
            return;
        }
        dragged.set(true);
        if let Some(svg) = map.svg.get_untracked() {
            let _ = svg.set_pointer_capture(id);
        }
    }
    let upp = map.units_per_px.get_untracked();
    map.set(map.view.get_untracked().pan(dx * upp, dy * upp), false);
}

/// One of two pointers moved (`before`, `now`) while the other stays: the
/// map zooms by how much their distance changed, about their middle.
fn pinch(
    map: Views,
    dragged: RwSignal<bool>,
    (before, now): ((f64, f64), (f64, f64)),
    other: (f64, f64),
) {
    dragged.set(true);
    let (d0, d1) = (distance(before, other), distance(now, other));
    let mid = ((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0);
    if d0 > 0.0 {
        if let Some(at) = map.point(mid.0, mid.1) {
            map.set(map.view.get_untracked().zoom_at(at, d1 / d0), false);
        }
    }
}

fn client_point(event: &web_sys::PointerEvent) -> (f64, f64) {
    (f64::from(event.client_x()), f64::from(event.client_y()))
}

/// The SVG transform that shows `view`.
pub fn transform(view: &MapView) -> String {
    format!(
        "translate({:.2} {:.2}) scale({:.4})",
        view.tx, view.ty, view.k
    )
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}
