//! Kiosk mode: entered with `?kiosk=1` on any route (that route becomes the
//! kiosk's home), kept for the browser session, left with `?kiosk=0`. An
//! unattended kiosk counts down and returns to its home, resetting text size,
//! map zoom and selection; at home on the map, attract mode shows partners.

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use reader_core::kiosk::{idle_override, kiosk_switch, KioskSettings};
use reader_core::{AppRoute, LoadError};

use crate::prefs;

mod notices;
mod runner;

pub use notices::{KioskCountdownNotice, KioskSettingsNotice};
pub use runner::{run, Runner};

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

/// How long the operator sees what was wrong with the kiosk's settings.
const SETUP_NOTICE_MS: u32 = 20_000;

/// Mistakes in `kiosk.json` (or why it could not be loaded), shown to the
/// operator at set-up.
#[derive(Clone, Copy)]
pub struct KioskSettingsNotices(pub RwSignal<Vec<LoadError>>);

/// Counts kiosk resets; views that keep their own state (the map's zoom)
/// return to it when this changes.
#[derive(Clone, Copy)]
pub struct KioskResets(pub RwSignal<u32>);

/// Set while attract mode runs (a kiosk idle at home on the map, for a
/// reader who has not asked for less motion): the map may play its
/// timeline. Any input clears it.
#[derive(Clone, Copy)]
pub struct KioskAttract(pub RwSignal<bool>);

/// Milliseconds between two partners in attract mode.
const ATTRACT_EVERY_MS: f64 = 6_000.0;

/// Reads `?kiosk=` and `?idle=` and the session, before anything renders.
pub fn init() -> Kiosk {
    let window = window();
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    // The route kiosk mode is entered on becomes its home, if it is one of
    // the app's routes exactly (anything else: the column).
    let entered_on = location
        .pathname()
        .ok()
        .and_then(|path| AppRoute::parse(&path))
        .unwrap_or(AppRoute::Column);
    let entering = kiosk_switch(param("kiosk").as_deref());
    match entering {
        Some(true) => {
            prefs::save_kiosk(&entered_on.href(), idle_override(param("idle").as_deref()))
        }
        Some(false) => prefs::clear_kiosk(),
        None => {}
    }
    let config = prefs::load_kiosk().map(|(home, idle)| KioskConfig {
        home: AppRoute::parse(&home).unwrap_or(AppRoute::Column),
        idle_seconds: idle.unwrap_or(KioskSettings::default().idle_seconds),
        attract: true,
    });
    if let Some(root) = document().document_element() {
        let _ = if config.is_some() {
            root.class_list().add_1("kiosk")
        } else {
            root.class_list().remove_1("kiosk")
        };
    }
    Kiosk {
        config: RwSignal::new(config),
        setting_up: entering == Some(true),
    }
}

/// Runs an active kiosk: settings from `/data/kiosk.json`, idle watching,
/// countdown, reset and attract mode. Place once inside the `Router`.
#[component]
pub fn KioskRunner() -> impl IntoView {
    let kiosk = expect_context::<Kiosk>();
    let resets = KioskResets(RwSignal::new(0));
    provide_context(resets);
    let attracting = RwSignal::new(false);
    provide_context(KioskAttract(attracting));
    let countdown = RwSignal::new(None::<u32>);
    provide_context(KioskCountdown(countdown));
    let setup_notices = RwSignal::new(Vec::<LoadError>::new());
    provide_context(KioskSettingsNotices(setup_notices));
    if !kiosk.active() {
        return;
    }
    // The runner is a part of the app of its own, downloaded on a kiosk only.
    let runner = Runner {
        kiosk,
        resets,
        attracting,
        countdown,
        setup_notices,
    };
    leptos::task::spawn_local(ScopedFuture::new(async move {
        if crate::parts::run_kiosk(runner).await.is_err() {
            leptos::logging::warn!(
                "kiosk mode could not be downloaded: the kiosk runs as a plain reader"
            );
        }
    }));
}

/// Seconds left before an idle kiosk resets, while it counts down.
#[derive(Clone, Copy)]
pub struct KioskCountdown(pub RwSignal<Option<u32>>);

/// Whether the reader asks for less motion (read when it matters, never while rendering).
pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether the page runs as a kiosk (for views that differ there).
pub fn is_kiosk() -> bool {
    use_context::<Kiosk>().is_some_and(|k| k.active())
}
