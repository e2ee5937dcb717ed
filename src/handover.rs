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
//! A published page is never replaced by an error the server did not mean
//! as its word on the content: when the app's page ends in a failure that
//! is not final (`LoadError::is_final`: the server unreachable or slow, a
//! 5xx, bad data, a part of the app missing), the published page stays,
//! its own controls still working, and [`RefreshNotice`] says it could not
//! be refreshed, with a retry; the app takes over once a retry succeeds. A
//! 404 or 410 (an article withdrawn) is final: its view takes over.
//!
//! Without a published page (a route the newsroom has not published, or
//! the development server), the app mounts into the body.
//!
//! [`RefreshNotice`]: crate::shell::refresh_notice::RefreshNotice

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The id of the published content in a published page.
const PUBLISHED_ID: &str = "published";

/// The page's handover, in context; [`ready`](Self::ready) is called by a
/// page once it shows its data, [`hold`](Self::hold) when it could not.
#[derive(Clone, Copy)]
pub struct Handover {
    pages: StoredValue<Option<(Element, Element)>, LocalStorage>,
    before: StoredValue<Vec<Box<dyn FnOnce()>>, LocalStorage>,
    /// The route (path) the published page shows.
    path: StoredValue<String>,
    /// While the published page stays for a page that could not be
    /// refreshed: that page's retry.
    held: RwSignal<Option<Callback<()>>>,
    /// A retry asked for and not yet answered.
    retrying: RwSignal<bool>,
    /// The place of the notice in the published page, once made.
    notice: StoredValue<Option<Element>, LocalStorage>,
    /// Pieces of the app's page still to render in tasks of their own
    /// ([`in_a_task_of_its_own`]): the page is not complete before they are.
    staged: RwSignal<u32>,
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
            let notice = self.notice.try_update_value(Option::take).flatten();
            swap(&published, &app, notice.as_ref());
            let _ = self.held.try_set(None);
        }
    }

    /// The app's page could not be refreshed (its failure is not final):
    /// the published page stays, with the notice and `retry`, if it shows
    /// the route the reader is on; on another route (the reader followed a
    /// link meanwhile) the app's page, error and all, takes over.
    pub fn hold(self, retry: Callback<()>) {
        if !self.pages.with_value(Option::is_some) {
            return;
        }
        if !self.shows_route() {
            self.ready();
            return;
        }
        self.retrying.set(false);
        if self.held.with_untracked(Option::is_none) {
            set_refresh_failed(true);
            self.held.set(Some(retry));
        } else {
            // The notice stays as it is (and keeps the focus it may have).
            self.held.update_untracked(|held| *held = Some(retry));
        }
    }

    /// Whether the published page is still in view and shows the route the
    /// reader is on.
    fn shows_route(self) -> bool {
        let path = window().location().pathname().unwrap_or_default();
        self.pages.with_value(Option::is_some) && self.path.with_value(|p| *p == path)
    }

    /// The retry of the page held, while the published page stays (tracked).
    pub fn held(self) -> Option<Callback<()>> {
        self.held.get()
    }

    /// Whether a retry is under way (tracked).
    pub fn retrying(self) -> bool {
        self.retrying.get()
    }

    /// Tries the held page's data again (once at a time).
    pub fn retry(self) {
        if self.retrying.get_untracked() {
            return;
        }
        if let Some(retry) = self.held.get_untracked() {
            self.retrying.set(true);
            retry.run(());
        }
    }

    /// The published page's content, while it is in view.
    fn published(self) -> Option<Element> {
        self.pages
            .with_value(|p| p.as_ref().map(|(published, _)| published.clone()))
    }

    /// The size (CSS pixels) at which the published page shows the element
    /// `selector` finds in it, while it is in view: the app's copy, hidden
    /// until the swap, cannot be measured, and will show at the same size.
    pub fn published_size(self, selector: &str) -> Option<(f64, f64)> {
        let rect = self
            .published()?
            .query_selector(selector)
            .ok()??
            .get_bounding_client_rect();
        (rect.width() > 0.0 && rect.height() > 0.0).then(|| (rect.width(), rect.height()))
    }

    /// Where the notice goes in the published page: the published page's
    /// last box, which stays in view at the bottom of the window
    /// (style/notices.css), so nothing the reader is reading moves.
    pub fn notice_place(self) -> Option<Element> {
        if let Some(place) = self.notice.with_value(Clone::clone) {
            return Some(place);
        }
        let published = self.published()?;
        let place = document().create_element("div").ok()?;
        place.set_class_name("refresh-notice");
        published.append_child(&place).ok()?;
        self.notice.set_value(Some(place.clone()));
        Some(place)
    }
}

/// A piece of the app's page (the header, the page's content, the map…):
/// while the app takes over a published page (which stays in view
/// meanwhile), rendered in a task of its own, so that no task holds up a
/// tap for long, and counted in `staged` until it has rendered (the swap
/// waits for it). Otherwise rendered at once.
pub fn in_a_task_of_its_own(children: Children) -> AnyView {
    let Some(handover) =
        Handover::use_context().filter(|handover| handover.pages.with_value(Option::is_some))
    else {
        return children().into_any();
    };
    handover.staged.update(|n| *n += 1);
    let children = StoredValue::new_local(Some(children));
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::background::next_task().await;
        if ready.try_set(true).is_none() {
            // The render this set scheduled runs before this goes on.
            leptos::task::tick().await;
        }
        let _ = handover.staged.try_update(|n| *n = n.saturating_sub(1));
    });
    (move || {
        ready
            .get()
            .then(|| children.try_update_value(Option::take).flatten())
            .flatten()
            .map(untrack)
    })
    .into_any()
}

/// Mounts `app`: beside the published content if there is some, else into
/// the body.
pub fn mount<V: IntoView + 'static>(app: fn() -> V) {
    // The executor the app's tasks run on, before anything spawns one:
    // taking over, the app mounts a task later, and what the caller starts
    // meanwhile (the service worker's registration) spawns first.
    let _ = any_spawner::Executor::init_wasm_bindgen();
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
    let path = window().location().pathname().unwrap_or_default();
    // The reader is reading the published page meanwhile: the app renders
    // in a task after the one that compiled and started it.
    wasm_bindgen_futures::spawn_local(async move {
        crate::background::next_task().await;
        let handle = leptos::mount::mount_to(root_html, move || {
            provide_context(Handover {
                pages: StoredValue::new_local(Some((published, root))),
                before: StoredValue::new_local(Vec::new()),
                path: StoredValue::new(path),
                held: RwSignal::new(None),
                retrying: RwSignal::new(false),
                notice: StoredValue::new_local(None),
                staged: RwSignal::new(0),
            });
            app()
        });
        handle.forget();
    });
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
        set_refresh_failed(false);
    }
}

/// `<html data-refresh="failed">` while a published page stays for a page
/// that could not be refreshed (the page's own script still runs its
/// controls, as `data-app` is not set).
fn set_refresh_failed(failed: bool) {
    if let Some(html) = document().document_element() {
        let _ = match failed {
            true => html.set_attribute("data-refresh", "failed"),
            false => html.remove_attribute("data-refresh"),
        };
    }
}

fn swap(published: &Element, app: &Element, notice: Option<&Element>) {
    let active = document().active_element();
    // The reader's retry took over: the page changed under the notice, so
    // focus goes where it goes after a change of page.
    let from_notice = match (notice, &active) {
        (Some(notice), Some(active)) => notice.contains(Some(&**active)),
        _ => false,
    };
    let focused = active.and_then(|active| path_from(published, &active));
    // Both changes before the next layout: the reader never sees a frame
    // without content, and the page keeps its height (and scroll).
    let _ = app.remove_attribute("hidden");
    published.remove();
    if from_notice {
        if let Ok(Some(main)) = app.query_selector("#main") {
            focus_in_place(&main);
        }
    } else if let Some(element) = focused.and_then(|path| follow(app, &path)) {
        focus_in_place(&element);
    }
    mark_running();
}

/// The child indexes that lead from `root` to `target`, if it is inside;
/// counting only what shows on screen in both pages (the parts of the app
/// for paper, `print-only`, may not have arrived in the app's page yet).
fn path_from(root: &Element, target: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut node = target.clone();
    while &node != root {
        let parent = node.parent_element()?;
        let index = on_screen_children(&parent).position(|child| child == node)?;
        path.push(u32::try_from(index).ok()?);
        node = parent;
    }
    path.reverse();
    Some(path)
}

fn follow(root: &Element, path: &[u32]) -> Option<Element> {
    path.iter().try_fold(root.clone(), |node, &index| {
        on_screen_children(&node).nth(usize::try_from(index).ok()?)
    })
}

/// `parent`'s child elements, without those only paper shows.
fn on_screen_children(parent: &Element) -> impl Iterator<Item = Element> {
    let children = parent.children();
    (0..children.length())
        .filter_map(move |i| children.item(i))
        .filter(|child| !child.class_list().contains("print-only"))
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

/// When a page is complete: one per page, made where the page starts
/// (outside its `<Suspense>`), with the one effect that watches it. Where
/// the page builds a view (inside a `Suspend` too), it says what makes
/// that view complete; no effect is made there.
#[derive(Clone, Copy)]
pub struct Completion(Option<RwSignal<Option<Rule>, LocalStorage>>);

/// What makes a page's view complete, or failed for now.
#[derive(Clone)]
struct Rule {
    complete: Rc<dyn Fn() -> bool>,
    failed: Rc<dyn Fn() -> bool>,
    retry: Callback<()>,
}

impl Completion {
    /// The page's completion; nothing to watch without a published page.
    pub fn of_page() -> Self {
        let Some(handover) = Handover::use_context() else {
            return Self(None);
        };
        let rule = RwSignal::new_local(None::<Rule>);
        Effect::new(move |_| {
            let Some(rule) = rule.get() else {
                return;
            };
            if (rule.failed)() {
                handover.hold(rule.retry);
            } else if handover.staged.get() == 0 && (rule.complete)() {
                handover.ready();
            }
        });
        Self(Some(rule))
    }

    /// The page's view is being built again (its data loads anew): nothing
    /// makes it complete until it says what does.
    pub fn pending(self) {
        if let Some(rule) = self.0 {
            if rule.with_untracked(Option::is_some) {
                rule.set(None);
            }
        }
    }

    /// The page is complete once `complete()` holds (checked after each
    /// render it depends on).
    pub fn when(self, complete: impl Fn() -> bool + 'static) {
        self.unless_failed(complete, || false, Callback::new(|_| ()));
    }

    /// Like [`when`](Self::when), for a view whose data (or part of the
    /// app) can fail to arrive for a reason that is not final: while
    /// `failed()` holds, a published page of the route stays, with the
    /// notice and `retry` ([`Handover::hold`]).
    pub fn unless_failed(
        self,
        complete: impl Fn() -> bool + 'static,
        failed: impl Fn() -> bool + 'static,
        retry: Callback<()>,
    ) {
        if let Some(rule) = self.0 {
            // Set once the view being built has rendered (an effect's
            // first run comes after the render that made it): the page is
            // never swapped in while it still shows its loading line.
            let new_rule = StoredValue::new_local(Some(Rule {
                complete: Rc::new(complete),
                failed: Rc::new(failed),
                retry,
            }));
            Effect::new(move |_| {
                if let Some(new_rule) = new_rule.try_update_value(Option::take).flatten() {
                    rule.set(Some(new_rule));
                }
            });
        }
    }
}

/// Whether a published page of the route the reader is on is in view: a
/// page that could not load it then leaves the document's title as it is
/// (the published page's), since that page stays.
pub fn published_in_view() -> bool {
    Handover::use_context().is_some_and(Handover::shows_route)
}

/// Whether a load ended in a failure that is not the server's final word
/// on the content (see `LoadError::is_final`).
pub fn failed_for_now<T>(outcome: Option<&Result<T, reader_core::LoadError>>) -> bool {
    matches!(outcome, Some(Err(error)) if !error.is_final())
}
