//! Kiosk mode as every view sees it: whether the page runs as a kiosk, how
//! the kiosk behaves, and the signals its runner (`kiosk/`, a part of the
//! app downloaded on a kiosk only) moves for the pages: resets, attract
//! mode, the countdown and the operator's notices.
//!
//! A leaf: it names no feature folder, so the article, the map and the
//! shell read it without depending on the kiosk's runner.

use leptos::prelude::*;
use reader_core::{AppRoute, LoadError};

/// How a kiosk behaves, once its settings are known.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskConfig {
    /// Where an idle reset returns: always one of the app's own routes.
    pub home: AppRoute,
    pub idle_seconds: u32,
    pub attract: bool,
}

/// Kiosk mode: `config` is `Some` in kiosk mode.
#[derive(Clone, Copy)]
pub struct Kiosk {
    pub config: RwSignal<Option<KioskConfig>>,
    /// Kiosk mode was entered on this page load (`?kiosk=1`): the operator
    /// is setting the kiosk up, and is told about mistakes in its settings.
    pub setting_up: bool,
}

impl Kiosk {
    /// Untracked: kiosk mode is decided before anything renders and lasts
    /// for the page's life, and views read this while they are built.
    pub fn active(&self) -> bool {
        self.config.with_untracked(Option::is_some)
    }
}

/// Whether the page runs as a kiosk (for views that differ there).
pub fn is_kiosk() -> bool {
    use_context::<Kiosk>().is_some_and(|k| k.active())
}

/// Mistakes in `kiosk.json` (or why it could not be loaded), shown to the
/// operator at set-up.
#[derive(Clone, Copy)]
pub struct KioskSettingsNotices(pub RwSignal<Vec<LoadError>>);

/// Counts kiosk resets; views that keep their own state (the map's zoom,
/// a reading aloud) return to it when this changes.
#[derive(Clone, Copy)]
pub struct KioskResets(pub RwSignal<u32>);

impl KioskResets {
    /// How many resets so far (tracked).
    pub fn count(self) -> u32 {
        self.0.get()
    }
}

/// Set while attract mode runs (a kiosk idle at home on the map, for a
/// reader who has not asked for less motion): the map may play its
/// timeline. Any input clears it.
#[derive(Clone, Copy)]
pub struct KioskAttract(pub RwSignal<bool>);

impl KioskAttract {
    /// Whether attract mode runs (tracked).
    pub fn running(self) -> bool {
        self.0.get()
    }
}

/// Seconds left before an idle kiosk resets, while it counts down.
#[derive(Clone, Copy)]
pub struct KioskCountdown(pub RwSignal<Option<u32>>);

/// The signals a kiosk's runner moves and the pages read. Provided on
/// every page; they stay still unless a runner runs.
#[derive(Clone, Copy)]
pub struct KioskSignals {
    pub resets: KioskResets,
    pub attract: KioskAttract,
    pub countdown: KioskCountdown,
    pub setup_notices: KioskSettingsNotices,
}

impl KioskSignals {
    /// New signals, each provided in context.
    pub fn provide() -> Self {
        let signals = KioskSignals {
            resets: KioskResets(RwSignal::new(0)),
            attract: KioskAttract(RwSignal::new(false)),
            countdown: KioskCountdown(RwSignal::new(None)),
            setup_notices: KioskSettingsNotices(RwSignal::new(Vec::new())),
        };
        provide_context(signals.resets);
        provide_context(signals.attract);
        provide_context(signals.countdown);
        provide_context(signals.setup_notices);
        signals
    }
}
