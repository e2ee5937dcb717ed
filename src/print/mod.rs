//! What only paper shows (and the print view shows on screen): the site's
//! name, the partners as a table and a still map, and a footer that leads
//! back online (the address, the print date, a QR code).
//!
//! The table, the still map and the QR code are a part of the app that is
//! downloaded when an article is shown (`crate::parts`). Printing waits for
//! it: the print buttons, and Ctrl+P / ⌘P pressed in the moment before it
//! has arrived, print once it is here (or cannot come).

pub mod print_parts;
pub mod static_map;

use leptos::prelude::*;

/// Whether what paper shows is here; printing is held until it is. One per
/// article page, in context for its print buttons.
#[derive(Clone, Copy)]
pub struct PrintGate {
    /// The printed parts are here, or cannot come: printing may go ahead.
    open: RwSignal<bool>,
    /// The reader asked to print before that.
    pending: RwSignal<bool>,
    /// A printed part could not be downloaded.
    missing: RwSignal<bool>,
    /// Asks for the printed parts again (tracked by the views that show them).
    again: Trigger,
}

impl PrintGate {
    /// For the page being built: provided in context, and Ctrl+P / ⌘P
    /// held while it is closed.
    pub fn provide() -> Self {
        let gate = Self {
            open: RwSignal::new(false),
            pending: RwSignal::new(false),
            missing: RwSignal::new(false),
            again: Trigger::new(),
        };
        provide_context(gate);
        Effect::new(move |_| {
            if gate.open.get() && gate.pending.get() {
                gate.pending.set(false);
                let _ = window().print();
            }
        });
        #[cfg(target_arch = "wasm32")]
        {
            let keys = window_event_listener(leptos::ev::keydown, move |event| {
                let print_key =
                    (event.ctrl_key() || event.meta_key()) && event.key().eq_ignore_ascii_case("p");
                if print_key && !gate.open.get_untracked() {
                    event.prevent_default();
                    gate.pending.set(true);
                }
            });
            on_cleanup(move || keys.remove());
        }
        gate
    }

    /// The page's gate, if it has one.
    pub fn use_context() -> Option<Self> {
        use_context::<PrintGate>()
    }

    /// What paper shows is here (or cannot come), while `open()` holds: it
    /// closes again while the parts are asked for again.
    pub fn opens_when(self, open: impl Fn() -> bool + 'static) {
        follow(self.open, open);
    }

    /// Whether what paper shows is here (tracked).
    pub fn is_open(self) -> bool {
        self.open.get()
    }

    /// A part of what paper shows cannot come, while `missing()` holds.
    pub fn missing_when(self, missing: impl Fn() -> bool + 'static) {
        follow(self.missing, missing);
    }

    /// Whether a part of what paper shows could not be downloaded (tracked).
    pub fn part_missing(self) -> bool {
        self.missing.get()
    }

    /// Asks again for the printed parts that could not be downloaded.
    pub fn retry_parts(self) {
        if self.missing.get_untracked() {
            self.again.notify();
        }
    }

    /// Subscribes to [`retry_parts`](Self::retry_parts): the views of the
    /// parts are made again when it is called.
    pub fn track_retries(self) {
        self.again.track();
    }
}

/// Keeps `flag` at `value()`, written only when that changes.
fn follow(flag: RwSignal<bool>, value: impl Fn() -> bool + 'static) {
    Effect::new(move |_| {
        let now = value();
        if flag.get_untracked() != now {
            flag.set(now);
        }
    });
}

/// Prints the page, once what paper shows is here (the page's gate, taken
/// from context when the button was made: handlers run outside it).
pub fn print(gate: Option<PrintGate>) {
    match gate {
        Some(gate) if !gate.open.get_untracked() => gate.pending.set(true),
        _ => {
            let _ = window().print();
        }
    }
}
