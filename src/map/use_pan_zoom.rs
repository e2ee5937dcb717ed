//! Pan and zoom for an SVG map, in the shape of leptos-use's hooks (an
//! options struct in, a return struct out): the one place that writes the
//! map's view. Drag, wheel (about the pointer), pinch, the keyboard (arrows,
//! `+`, `-`, `0`) and the returned callbacks all go through it, and each
//! gesture ends by settling the view, so whatever is laid out per view
//! (markers, labels) is recomputed once per gesture, not once per frame.
//!
//! ```ignore
//! let svg = NodeRef::<leptos::svg::Svg>::new();
//! let UsePanZoomReturn { view, on_key, zoom_by, .. } = use_pan_zoom(
//!     svg,
//!     UsePanZoomOptions { world: (1000.0, 487.0), viewport, units_per_px },
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

pub struct UsePanZoomOptions {
    /// The world's size in world units.
    pub world: (f64, f64),
    /// The viewport's size in the same units (the SVG's view box), which
    /// follows the element's shape.
    pub viewport: Signal<(f64, f64)>,
    /// World units per CSS pixel at zoom 1.
    pub units_per_px: Signal<f64>,
}

#[derive(Clone, Copy)]
pub struct UsePanZoomReturn {
    /// The view now, changing every frame of a gesture.
    pub view: Signal<MapView>,
    /// The view as of the end of the last gesture.
    pub settled: Signal<MapView>,
    pub zoom_by: Callback<f64>,
    /// Back to the whole world.
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
    } = options;
    let map = Views {
        view: RwSignal::new(MapView::whole(world, viewport.get_untracked())),
        settled: RwSignal::new(MapView::whole(world, viewport.get_untracked())),
        svg,
        units_per_px,
    };
    // The viewport changes shape (a rotated phone, the first measurement):
    // the same place and zoom in the new shape.
    Effect::watch(
        move || viewport.get(),
        move |size, previous, _| {
            if previous.is_some_and(|p| p != size) {
                map.set(map.view.get_untracked().resized(*size), true);
            }
        },
        false,
    );
    zoom_with_the_wheel(map);
    let dragged = pan_and_pinch(map);
    let whole = move || MapView::whole(world, viewport.get_untracked());
    let now = move || map.view.get_untracked();
    UsePanZoomReturn {
        view: map.view.into(),
        settled: map.settled.into(),
        zoom_by: Callback::new(move |factor: f64| map.set(now().zoom(factor), true)),
        reset: Callback::new(move |()| map.set(whole(), true)),
        centre_on: Callback::new(move |(at, k): ((f64, f64), f64)| {
            map.set(now().centre_on(at, k), true)
        }),
        on_key: Callback::new(move |event: web_sys::KeyboardEvent| {
            if let Some(next) = view_for_key(now(), &event.key(), whole) {
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
}

impl Views {
    /// Every change ends here: write the view, and settle it unless a
    /// gesture goes on.
    fn set(self, next: MapView, settle: bool) {
        self.view.set(next);
        if settle {
            self.settled.set(next);
        }
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

/// The view a key moves to: arrows pan a tenth of the view, `+` and `-`
/// zoom a step, `0` shows the whole world; other keys do nothing.
fn view_for_key(v: MapView, key: &str, whole: impl Fn() -> MapView) -> Option<MapView> {
    let (sx, sy) = (v.width * 0.1, v.height * 0.1);
    Some(match key {
        "ArrowLeft" => v.pan(sx, 0.0),
        "ArrowRight" => v.pan(-sx, 0.0),
        "ArrowUp" => v.pan(0.0, sy),
        "ArrowDown" => v.pan(0.0, -sy),
        "+" | "=" => v.zoom(ZOOM_STEP),
        "-" | "_" => v.zoom(1.0 / ZOOM_STEP),
        "0" => whole(),
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
