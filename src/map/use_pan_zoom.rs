//! Pan and zoom for an SVG map, in the shape of leptos-use's hooks: the one
//! place that writes the map's view. Drag, wheel (about the pointer), pinch,
//! the keyboard (arrows, `+`, `-`, `0`) and the returned callbacks all go
//! through it, and each gesture ends by settling the view, so whatever is
//! laid out per view (markers, labels) is recomputed once per gesture, not
//! once per frame.
//!
//! ```ignore
//! let UsePanZoomReturn { view, settled, zoom_by, reset, centre_on, on_key, dragged } =
//!     use_pan_zoom(svg_ref, UsePanZoomOptions::new((1000.0, 487.0), viewport));
//! view! { <svg node_ref=svg_ref><g transform=move || transform(view.get())>…</g></svg> }
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

pub fn use_pan_zoom(
    svg: NodeRef<leptos::svg::Svg>,
    options: UsePanZoomOptions,
) -> UsePanZoomReturn {
    let UsePanZoomOptions {
        world,
        viewport,
        units_per_px,
    } = options;
    let view = RwSignal::new(MapView::whole(world, viewport.get_untracked()));
    let settled = RwSignal::new(view.get_untracked());
    // Every change ends here: write the view, and settle it unless a
    // gesture goes on.
    let set = move |next: MapView, settle: bool| {
        view.set(next);
        if settle {
            settled.set(next);
        }
    };
    let settle = move || settled.set(view.get_untracked());

    // The viewport changes shape (a rotated phone, the first measurement):
    // the same place and zoom in the new shape.
    Effect::new(move |previous: Option<(f64, f64)>| {
        let size = viewport.get();
        if previous.is_some_and(|p| p != size) {
            set(view.get_untracked().resized(size), true);
        }
        size
    });

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
            set(view.get_untracked().zoom_at(at, factor), false);
            let timeout = gloo_timers::callback::Timeout::new(WHEEL_SETTLE_MS, settle);
            wheel_settle.set_value(Some(timeout));
        },
        UseEventListenerOptions::default().passive(false),
    );

    // Pointers: one drags, two pinch.
    let pointers = StoredValue::new_local(HashMap::<i32, (f64, f64)>::new());
    let dragged = RwSignal::new(false);
    let _ = use_event_listener(svg, ev::pointerdown, move |event: web_sys::PointerEvent| {
        if event.button() > 0 {
            return;
        }
        dragged.set(false);
        pointers.update_value(|p| {
            p.insert(
                event.pointer_id(),
                (f64::from(event.client_x()), f64::from(event.client_y())),
            );
        });
    });
    let _ = use_event_listener(svg, ev::pointermove, move |event: web_sys::PointerEvent| {
        let id = event.pointer_id();
        let now = (f64::from(event.client_x()), f64::from(event.client_y()));
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
                if !dragged.get_untracked() {
                    if dx.hypot(dy) < DRAG_FROM_PX {
                        return;
                    }
                    dragged.set(true);
                    if let Some(svg) = svg.get_untracked() {
                        let _ = svg.set_pointer_capture(id);
                    }
                }
                set(view.get_untracked().pan(dx * upp, dy * upp), false);
            }
            [other, ..] => {
                dragged.set(true);
                let (d0, d1) = (distance(before, *other), distance(now, *other));
                let mid = ((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0);
                if d0 > 0.0 {
                    if let Some(at) = svg_point(svg, upp, mid.0 as i32, mid.1 as i32) {
                        set(view.get_untracked().zoom_at(at, d1 / d0), false);
                    }
                }
            }
        }
        pointers.update_value(|p| {
            p.insert(id, now);
        });
    });
    let end = move |event: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&event.pointer_id());
        });
        if pointers.with_value(|p| p.is_empty()) {
            settle();
        }
    };
    let _ = use_event_listener(svg, ev::pointerup, end);
    let _ = use_event_listener(svg, ev::pointercancel, end);

    let zoom_by = Callback::new(move |factor: f64| set(view.get_untracked().zoom(factor), true));
    let reset = Callback::new(move |()| set(MapView::whole(world, viewport.get_untracked()), true));
    let centre_on = Callback::new(move |(at, k): ((f64, f64), f64)| {
        set(view.get_untracked().centre_on(at, k), true)
    });
    let on_key = Callback::new(move |event: web_sys::KeyboardEvent| {
        let v = view.get_untracked();
        let (sx, sy) = (v.width * 0.1, v.height * 0.1);
        let next = match event.key().as_str() {
            "ArrowLeft" => v.pan(sx, 0.0),
            "ArrowRight" => v.pan(-sx, 0.0),
            "ArrowUp" => v.pan(0.0, sy),
            "ArrowDown" => v.pan(0.0, -sy),
            "+" | "=" => v.zoom(ZOOM_STEP),
            "-" | "_" => v.zoom(1.0 / ZOOM_STEP),
            "0" => MapView::whole(world, viewport.get_untracked()),
            _ => return,
        };
        event.prevent_default();
        set(next, true);
    });

    UsePanZoomReturn {
        view: view.into(),
        settled: settled.into(),
        zoom_by,
        reset,
        centre_on,
        on_key,
        dragged: dragged.into(),
    }
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

/// A client point as screen units of the map (its view box).
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
        (f64::from(x) - rect.left()) * units_per_px,
        (f64::from(y) - rect.top()) * units_per_px,
    ))
}
