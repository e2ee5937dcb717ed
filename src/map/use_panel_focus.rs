//! Where keyboard focus goes on the map page, written once: it moves for one
//! reason only, a partner the reader chose (on the map or in the table).
//! Then the panel takes focus when it opens, and closing it gives focus back
//! to the control that made the choice, or to the map. A selection from the
//! URL, from "back" or from a kiosk's attract mode leaves focus where it is.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the reader chose: the partner (by id) and the control they chose
/// it with, if it is known.
pub struct Choice {
    pub partner: String,
    pub from: Option<web_sys::Element>,
}

pub struct PanelFocus {
    /// The reader chose a partner.
    pub reader_chose: Callback<Choice>,
    /// The panel closed: focus back to where the choice was made.
    pub give_back: Callback<()>,
}

pub fn use_panel_focus(
    panel: NodeRef<leptos::html::Section>,
    map_frame: NodeRef<leptos::html::Div>,
    selected_id: Signal<Option<String>>,
) -> PanelFocus {
    // The partner whose panel takes focus when it opens: set by the
    // reader's choice only, and spent when that panel opens.
    let focus_on_open = StoredValue::new(None::<String>);
    let chosen_from = StoredValue::new_local(None::<web_sys::Element>);
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let opened = selected_id.get_untracked();
            if opened.is_some() && focus_on_open.get_value() == opened {
                focus_on_open.set_value(None);
                let _ = panel.focus();
            }
        }
    });
    let reader_chose = Callback::new(move |choice: Choice| {
        chosen_from.set_value(choice.from);
        let already_open = selected_id.get_untracked().as_deref() == Some(choice.partner.as_str());
        match panel.get_untracked().filter(|_| already_open) {
            // The panel of this partner is open already: no new panel will
            // come to take the focus, so it takes it now.
            Some(panel) => {
                focus_on_open.set_value(None);
                let _ = panel.focus();
            }
            None => focus_on_open.set_value(Some(choice.partner)),
        }
    });
    let give_back = Callback::new(move |()| {
        let from = chosen_from
            .with_value(|from| from.clone())
            .and_then(|el| now_in_page(el, map_frame));
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

/// The control that made the choice as the page has it now: itself, or,
/// where the map was drawn again meanwhile (it moved to show the partner),
/// the marker of the same partner that replaced it.
fn now_in_page(
    element: web_sys::Element,
    map_frame: NodeRef<leptos::html::Div>,
) -> Option<web_sys::Element> {
    if element.is_connected() {
        return Some(element);
    }
    // Ids are letters, digits, `-` and `_` (`reader_core::Id`): safe in a selector.
    let id = element.get_attribute("data-partner-id")?;
    let frame = map_frame.get_untracked()?;
    frame
        .query_selector(&format!("[data-partner-id=\"{id}\"]"))
        .ok()
        .flatten()
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
