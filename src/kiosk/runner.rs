//! Kiosk mode's runner (a part of the app of its own, `src/parts.rs`): the
//! settings file, idle watching, countdown, reset and attract mode.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use reader_core::kiosk::{IdleState, IdleTimer};
use reader_core::{AppRoute, FontScale, LoadError};

use super::{prefers_reduced_motion, Kiosk, KioskResets, ATTRACT_EVERY_MS, SETUP_NOTICE_MS};
use crate::language::use_language;
use crate::reading_aids::{ColourThemeSetting, FuriganaSetting};
use crate::{api, language, prefs, CitiesData, FontScaleSetting};

/// What the kiosk's runner works with: the kiosk, and the signals the
/// pages read (resets, attract mode, countdown, the operator's notices).
#[derive(Clone, Copy)]
pub struct Runner {
    pub(super) kiosk: Kiosk,
    pub(super) resets: KioskResets,
    pub(super) attracting: RwSignal<bool>,
    pub(super) countdown: RwSignal<Option<u32>>,
    pub(super) setup_notices: RwSignal<Vec<LoadError>>,
}

/// Runs an active kiosk (in the owner of [`super::KioskRunner`]).
pub fn run(runner: Runner) {
    let Runner {
        kiosk,
        resets,
        attracting,
        countdown,
        setup_notices,
    } = runner;

    // Settings: the file's, with the query's idle time first. A refused
    // setting keeps its default; the operator setting the kiosk up is told.
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
        if kiosk.setting_up && !problems.is_empty() {
            let _ = setup_notices.try_set(problems);
            gloo_timers::future::TimeoutFuture::new(SETUP_NOTICE_MS).await;
            let _ = setup_notices.try_set(Vec::new());
        }
    });

    let now = || window().performance().map(|p| p.now()).unwrap_or(0.0);
    let idle_seconds = kiosk
        .config
        .with_untracked(|c| c.as_ref().map(|c| c.idle_seconds))
        .unwrap_or(90);
    let timer = StoredValue::new(IdleTimer::new(idle_seconds, now()));
    Effect::new(move |_| {
        if let Some(config) = kiosk.config.get() {
            timer.set_value(IdleTimer::new(config.idle_seconds, now()));
        }
    });
    // After a reset, until someone comes: attract mode may run.
    let rested = StoredValue::new(false);
    let last_attract = StoredValue::new(0.0);
    let attract_index = StoredValue::new(0usize);

    // Any touch, key, pointer or wheel: someone is here.
    for event in ["pointerdown", "keydown", "wheel", "touchstart"] {
        let handle = window_event_listener_untyped(event, move |_| {
            timer.update_value(|t| t.input(now()));
            rested.set_value(false);
            countdown.set(None);
            if attracting.get_untracked() {
                attracting.set(false);
            }
        });
        on_cleanup(move || handle.remove());
    }
    let no_menu = window_event_listener_untyped("contextmenu", |event| event.prevent_default());
    on_cleanup(move || no_menu.remove());

    let location = use_location();
    let navigate = use_navigate();
    let font_scale = expect_context::<FontScaleSetting>().0;
    let theme = expect_context::<ColourThemeSetting>();
    let furigana = expect_context::<FuriganaSetting>().0;
    let cities = expect_context::<CitiesData>().0;
    let language = use_language();
    let tick = move || {
        let Some(config) = kiosk.config.get_untracked() else {
            return;
        };
        let t = now();
        // Someone listening to an article read aloud is there, though they
        // touch nothing (a paused reading waits for them like a page does).
        if is_speaking() {
            timer.update_value(|timer| timer.input(t));
        }
        match timer.with_value(|timer| timer.state(t)) {
            IdleState::Active => countdown.set(None),
            IdleState::Warning { seconds_left } => countdown.set(Some(seconds_left)),
            IdleState::Expired if !rested.get_value() => {
                // Back to the start: home, the kiosk's language, large text,
                // whole map, no selection, top.
                countdown.set(None);
                setup_notices.set(Vec::new());
                // Only ever the normalised path of one of the app's routes.
                let home = config.home.href();
                if location.pathname.get_untracked() != home {
                    navigate(&home, NavigateOptions::default());
                }
                font_scale.set(FontScale::Large);
                theme.choice.set(None);
                furigana.set(false);
                let kiosk_language = language::kiosk_language();
                language.set(kiosk_language);
                resets.0.update(|n| *n += 1);
                window().scroll_to_with_x_and_y(0.0, 0.0);
                rested.set_value(true);
                // The home as it is, for one attract interval, before attract
                // mode begins.
                last_attract.set_value(t);
            }
            IdleState::Expired => {
                let on_map = config.home == AppRoute::Partners;
                let due = t - last_attract.get_value() >= ATTRACT_EVERY_MS;
                if config.attract && on_map && due && !attracting.get_untracked() {
                    if !prefers_reduced_motion() {
                        // First the years play on the map (the timeline)…
                        attracting.set(true);
                        last_attract.set_value(t);
                    }
                } else if config.attract && on_map && due && !prefers_reduced_motion() {
                    // …then partners are shown one after another.
                    let ids: Vec<String> = cities
                        .get_untracked()
                        .and_then(Result::ok)
                        .map(|c| c.value.partners.iter().map(|p| p.id.to_string()).collect())
                        .unwrap_or_default();
                    if !ids.is_empty() {
                        let i = attract_index.get_value() % ids.len();
                        attract_index.set_value(i + 1);
                        last_attract.set_value(t);
                        let options = NavigateOptions {
                            replace: true,
                            ..Default::default()
                        };
                        navigate(&format!("/partners/{}", ids[i]), options);
                    }
                }
            }
        }
    };
    let interval = gloo_timers::callback::Interval::new(500, tick);
    let interval = StoredValue::new_local(Some(interval));
    on_cleanup(move || interval.update_value(|i| drop(i.take())));
}

/// Whether the browser is reading something aloud now (not paused).
fn is_speaking() -> bool {
    crate::article::speech::Synthesis::of_window().is_some_and(|synth| synth.is_speaking())
}
