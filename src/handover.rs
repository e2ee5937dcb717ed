//! Taking over a published page without a trace.
//!
//! A page published by `cargo xtask publish` arrives with its content
//! already rendered (by these same views, `src/prerender.rs`) inside
//! `#published`, so the reader sees the article before the app has
//! downloaded. The app then renders into a hidden root beside it; once the
//! app's page shows what the published one shows (its data loaded, partner
//! names linked), [`Handover::ready`] swaps the two in one step: the same
//! layout, so no shift; the scroll position stays; the focused control is
//! focused again in the app's copy. Until then the page's own small script
//! (in `index.html`) answers the controls that can work without the app.
//!
//! Without a published page (a route the newsroom has not published, or
//! the development server), the app mounts into the body as it always did.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The id of the published content in a published page.
const PUBLISHED_ID: &str = "published";

/// The page's handover, in context; [`ready`](Self::ready) is called by a
/// page once it shows its data.
#[derive(Clone, Copy)]
pub struct Handover {
    pages: StoredValue<Option<(Element, Element)>, LocalStorage>,
    before: StoredValue<Vec<Box<dyn FnOnce()>>, LocalStorage>,
}

impl Handover {
    /// Runs `f` just before the swap: for state the published page's own
    /// script may have changed meanwhile (the text size the reader chose).
    pub fn before_swap(self, f: impl FnOnce() + 'static) {
        self.before.update_value(|before| before.push(Box::new(f)));
    }

    /// The handover in context, if the app was mounted with one.
    pub fn use_context() -> Option<Self> {
        use_context::<Handover>()
    }

    /// The app's page is complete: show it in place of the published one.
    /// Only the first call does anything.
    pub fn ready(self) {
        if let Some((published, app)) = self.pages.try_update_value(Option::take).flatten() {
            for f in self
                .before
                .try_update_value(std::mem::take)
                .unwrap_or_default()
            {
                f();
            }
            swap(&published, &app);
        }
    }
}

/// Mounts `app`: beside the published content if there is some, else into
/// the body.
pub fn mount<V: IntoView + 'static>(app: fn() -> V) {
    let document = document();
    let published = document.get_element_by_id(PUBLISHED_ID);
    let (Some(published), Some(body)) = (published, document.body()) else {
        mark_running();
        leptos::mount::mount_to_body(app);
        return;
    };
    let Ok(root) = document.create_element("div") else {
        mark_running();
        leptos::mount::mount_to_body(app);
        return;
    };
    root.set_id("app");
    let _ = root.set_attribute("hidden", "");
    let _ = body.append_child(&root);
    let Ok(root_html) = root.clone().dyn_into::<HtmlElement>() else {
        return;
    };
    let handle = leptos::mount::mount_to(root_html, move || {
        provide_context(Handover {
            pages: StoredValue::new_local(Some((published, root))),
            before: StoredValue::new_local(Vec::new()),
        });
        app()
    });
    handle.forget();
}

/// The interface language a published page was sent in (its `<html
/// lang>`), if this is one.
pub fn published_language() -> Option<String> {
    let document = document();
    document.get_element_by_id(PUBLISHED_ID)?;
    document.document_element()?.get_attribute("lang")
}

/// Tells the page's own script that the app runs its controls now.
fn mark_running() {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-app", "running");
    }
}

fn swap(published: &Element, app: &Element) {
    let focused = document()
        .active_element()
        .and_then(|active| path_from(published, &active));
    // Both changes before the next layout: the reader never sees a frame
    // without content, and the page keeps its height (and scroll).
    let _ = app.remove_attribute("hidden");
    published.remove();
    if let Some(path) = focused {
        if let Some(element) = follow(app, &path) {
            focus_in_place(&element);
        }
    }
    mark_running();
}

/// The child indexes that lead from `root` to `target`, if it is inside.
fn path_from(root: &Element, target: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut node = target.clone();
    while &node != root {
        let parent = node.parent_element()?;
        let children = parent.children();
        let index = (0..children.length()).find(|&i| children.item(i).as_ref() == Some(&node))?;
        path.push(index);
        node = parent;
    }
    path.reverse();
    Some(path)
}

fn follow(root: &Element, path: &[u32]) -> Option<Element> {
    path.iter()
        .try_fold(root.clone(), |node, &index| node.children().item(index))
}

fn focus_in_place(element: &Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let _ = html.focus_with_options(&options);
    } else if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus_with_options(&options);
    }
}

/// Marks the page ready once `complete()` holds (checked after each render
/// it depends on). Pages call this where they build their loaded view.
pub fn when_complete(complete: impl Fn() -> bool + 'static) {
    if let Some(handover) = Handover::use_context() {
        Effect::new(move |_| {
            if complete() {
                handover.ready();
            }
        });
    }
}
