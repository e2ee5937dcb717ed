//! Kiosk mode's runner (a part of the app of its own, `src/parts.rs`): the
//! settings file, idle watching, countdown, reset and attract mode.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use leptos_use_idle::{use_idle_with_options, UseIdleOptions, UseIdleReturn};
use leptos_use_interval_fn::use_interval_fn;
use leptos_use_preferences::use_prefers_reduced_motion;
use reader_core::kiosk::{IdleState, IdleTimer};
use reader_core::{AppRoute, LoadError};

use crate::kiosk_mode::{Kiosk, KioskConfig, KioskSignals};
use crate::language;
use crate::motion::now_ms as now;
use crate::settings::ReaderSettings;
use crate::state::CitiesData;
use crate::{api, prefs};

/// How long the operator sees what was wrong with the kiosk's settings.
const SETUP_NOTICE_MS: u32 = 20_000;
/// Milliseconds between two partners in attract mode.
const ATTRACT_EVERY_MS: f64 = 6_000.0;
/// How often the runner looks at how long the kiosk has been idle.
const TICK_MS: u64 = 500;
/// Someone is here: any touch, key, pointer or wheel.
const SOMEONE_IS_HERE: [&str; 5] = ["pointerdown", "keydown", "wheel", "touchstart", "input"];

/// What the kiosk's runner works with: the kiosk, and the signals the
/// pages read.
#[derive(Clone, Copy)]
pub struct Runner {
    pub kiosk: Kiosk,
    pub signals: KioskSignals,
}

/// Runs an active kiosk (in the owner of `parts::KioskRunner`).
pub fn run(Runner { kiosk, signals }: Runner) {
    load_settings(kiosk, signals);
    let no_menu = window_event_listener_untyped("contextmenu", |event| event.prevent_default());
    on_cleanup(move || no_menu.remove());
    let watch = Watch {
        kiosk,
        signals,
        idle: watch_idle(kiosk, signals),
        settings: expect_context::<ReaderSettings>(),
        pathname: use_location().pathname,
        reduced_motion: use_prefers_reduced_motion(),
        cities: expect_context::<CitiesData>(),
    };
    let navigate = use_navigate();
    let _ = use_interval_fn(move || watch.tick(&navigate), TICK_MS);
}

/// Settings: the file's, with the query's idle time first. A refused
/// setting keeps its default; the operator setting the kiosk up is told.
fn load_settings(kiosk: Kiosk, signals: KioskSignals) {
    let idle_from_query = prefs::load_kiosk().and_then(|(_, idle)| idle);
    leptos::task::spawn_local(async move {
        let problems = match api::load_kiosk_settings().await {
            Ok(Some(file)) => {
                let settings = file.settings;
                kiosk.config.update(|config| {
                    if let Some(config) = config {
                        config.attract = settings.attract;
                        config.idle_seconds = idle_from_query.unwrap_or(settings.idle_seconds);
                        if let Some(home) = settings.home {
                            config.home = home;
                        }
                    }
                });
                file.notices.into_iter().map(LoadError::BadData).collect()
            }
            Ok(None) => Vec::new(),
            Err(error) => vec![error],
        };
        let notices = signals.setup_notices.0;
        if kiosk.setting_up && !problems.is_empty() {
            let _ = notices.try_set(problems);
            gloo_timers::future::TimeoutFuture::new(SETUP_NOTICE_MS).await;
            let _ = notices.try_set(Vec::new());
        }
    });
}

/// How long nobody has been there, and what follows from it between ticks.
#[derive(Clone, Copy)]
struct Idle {
    timer: StoredValue<IdleTimer>,
    /// After a reset, until someone comes: attract mode may run.
    rested: StoredValue<bool>,
    last_attract: StoredValue<f64>,
    attract_index: StoredValue<usize>,
}

/// The idle time, restarted by anyone who comes (which also ends the
/// countdown and attract mode) and by the kiosk's settings when they load.
fn watch_idle(kiosk: Kiosk, signals: KioskSignals) -> Idle {
    let idle_seconds = kiosk
        .config
        .with_untracked(|c| c.as_ref().map(|c| c.idle_seconds))
        .unwrap_or(90);
    let idle = Idle {
        timer: StoredValue::new(IdleTimer::new(idle_seconds, now())),
        rested: StoredValue::new(false),
        last_attract: StoredValue::new(0.0),
        attract_index: StoredValue::new(0),
    };
    Effect::new(move |_| {
        if let Some(config) = kiosk.config.get() {
            idle.timer
                .set_value(IdleTimer::new(config.idle_seconds, now()));
        }
    });
    // Only `last_active` is read: the countdown needs the seconds left, and
    // the idle time follows the settings file (`IdleTimer`).
    let UseIdleReturn { last_active, .. } = use_idle_with_options(
        u64::from(idle_seconds) * 1000,
        UseIdleOptions::default()
            .events(SOMEONE_IS_HERE.map(str::to_owned).to_vec())
            .listen_for_visibility_change(false),
    );
    Effect::watch(
        move || last_active.get(),
        move |_, _, _| {
            idle.timer.update_value(|t| t.input(now()));
            idle.rested.set_value(false);
            signals.countdown.0.set(None);
            if signals.attract.0.get_untracked() {
                signals.attract.0.set(false);
            }
        },
        false,
    );
    idle
}

/// What a tick of the runner reads and moves.
#[derive(Clone, Copy)]
struct Watch {
    kiosk: Kiosk,
    signals: KioskSignals,
    idle: Idle,
    settings: ReaderSettings,
    pathname: Memo<String>,
    reduced_motion: Signal<bool>,
    cities: CitiesData,
}

impl Watch {
    fn tick(self, navigate: &impl Fn(&str, NavigateOptions)) {
        let Some(config) = self.kiosk.config.get_untracked() else {
            return;
        };
        let (idle, t) = (self.idle, now());
        // Someone listening to an article read aloud is there, though they
        // touch nothing (a paused reading waits for them like a page does).
        if is_speaking() {
            idle.timer.update_value(|timer| timer.input(t));
        }
        let countdown = self.signals.countdown.0;
        match idle.timer.with_value(|timer| timer.state(t)) {
            IdleState::Active => countdown.set(None),
            IdleState::Warning { seconds_left } => countdown.set(Some(seconds_left)),
            IdleState::Expired if !idle.rested.get_value() => {
                self.start_over(&config.home, navigate);
                idle.rested.set_value(true);
                // The home as it is, for one attract interval, before
                // attract mode begins.
                idle.last_attract.set_value(t);
            }
            IdleState::Expired => self.attract(&config, t, navigate),
        }
    }

    /// Back to the start for the next visitor: home, the reader's settings
    /// as a kiosk has them, whole map, no selection, top.
    fn start_over(self, home: &AppRoute, navigate: &impl Fn(&str, NavigateOptions)) {
        self.signals.countdown.0.set(None);
        self.signals.setup_notices.0.set(Vec::new());
        // Only ever the normalised path of one of the app's routes.
        let home = home.href();
        if self.pathname.get_untracked() != home {
            navigate(&home, NavigateOptions::default());
        }
        self.settings.reset_for_kiosk(language::kiosk_language());
        self.signals.resets.0.update(|n| *n += 1);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Attract mode, at home on the map, unless the reader asks for less
    /// motion: first the years play on the map (the timeline), then
    /// partners are shown one after another.
    fn attract(self, config: &KioskConfig, t: f64, navigate: &impl Fn(&str, NavigateOptions)) {
        let idle = self.idle;
        let on_map = config.home == AppRoute::Partners;
        let due = t - idle.last_attract.get_value() >= ATTRACT_EVERY_MS;
        if !(config.attract && on_map && due) || self.reduced_motion.get_untracked() {
            return;
        }
        let attracting = self.signals.attract.0;
        if !attracting.get_untracked() {
            attracting.set(true);
            idle.last_attract.set_value(t);
            return;
        }
        let ids: Vec<reader_core::Id> = self
            .cities
            .value_untracked()
            .map(|c| c.partners.iter().map(|p| p.id.clone()).collect())
            .unwrap_or_default();
        if !ids.is_empty() {
            let i = idle.attract_index.get_value() % ids.len();
            idle.attract_index.set_value(i + 1);
            idle.last_attract.set_value(t);
            let options = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&AppRoute::Partner(ids[i].clone()).href(), options);
        }
    }
}

/// The page's clock, in milliseconds.
/// Whether the browser is reading something aloud now (not paused).
fn is_speaking() -> bool {
    crate::speech::Synthesis::of_window().is_some_and(|synth| synth.is_speaking())
}
