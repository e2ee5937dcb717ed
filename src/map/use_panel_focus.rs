//! Where keyboard focus goes on the map page, written once: it moves for one
//! reason only, a partner the reader chose (on the map or in the table).
//! Then the panel takes focus when it opens, and closing it gives focus back
//! to the control that made the choice, or to the map. A selection from the
//! URL, from "back" or from a kiosk's attract mode leaves focus where it is.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub struct PanelFocus {
    /// The reader chose a partner with this control (if it is known).
    pub reader_chose: Callback<Option<web_sys::Element>>,
    /// The panel closed: focus back to where the choice was made.
    pub give_back: Callback<()>,
}

pub fn use_panel_focus(
    panel: NodeRef<leptos::html::Section>,
    map_frame: NodeRef<leptos::html::Div>,
) -> PanelFocus {
    let focus_panel_on_open = StoredValue::new(false);
    let chosen_from = StoredValue::new_local(None::<web_sys::Element>);
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            if focus_panel_on_open.get_value() {
                focus_panel_on_open.set_value(false);
                let _ = panel.focus();
            }
        }
    });
    let reader_chose = Callback::new(move |from: Option<web_sys::Element>| {
        focus_panel_on_open.set_value(true);
        chosen_from.set_value(from);
    });
    let give_back = Callback::new(move |()| {
        let from = chosen_from
            .with_value(|from| from.clone())
            .filter(|el| el.is_connected());
        if !from.is_some_and(|el| focus(&el)) {
            if let Some(frame) = map_frame.get_untracked() {
                let _ = frame.focus();
            }
        }
    });
    PanelFocus {
        reader_chose,
        give_back,
    }
}

/// Focuses an HTML or SVG element (a map marker is an SVG link).
fn focus(element: &web_sys::Element) -> bool {
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        return html.focus().is_ok();
    }
    if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
        return svg.focus().is_ok();
    }
    false
}
