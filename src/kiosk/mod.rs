//! Kiosk mode: entered with `?kiosk=1` on any route (that route becomes the
//! kiosk's home), kept for the browser session, left with `?kiosk=0`. An
//! unattended kiosk counts down and returns to its home, resetting text size,
//! map zoom and selection; at home on the map, attract mode shows partners.

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use reader_core::kiosk::{idle_override, kiosk_switch, IdleState, IdleTimer, KioskSettings};
use reader_core::{AppRoute, FontScale, LoadError};

use crate::language::use_language;
use crate::reading_aids::{ColourThemeSetting, FuriganaSetting};
use crate::{api, language, prefs, CitiesData, FontScaleSetting};

mod notices;
pub use notices::{KioskCountdownNotice, KioskSettingsNotice};

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
            prefs::save_kiosk(&entered_on.path(), idle_override(param("idle").as_deref()))
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

/// What the kiosk's runner works with: the kiosk, and the signals the
/// pages read (resets, attract mode, countdown, the operator's notices).
#[derive(Clone, Copy)]
pub struct Runner {
    kiosk: Kiosk,
    resets: KioskResets,
    attracting: RwSignal<bool>,
    countdown: RwSignal<Option<u32>>,
    setup_notices: RwSignal<Vec<LoadError>>,
}

/// Runs an active kiosk (in the owner of [`KioskRunner`]).
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
                let home = config.home.path();
                if location.pathname.get_untracked() != home {
                    navigate(&home, NavigateOptions::default());
                }
                font_scale.set(FontScale::Large);
                theme.choice.set(None);
                furigana.set(false);
                let kiosk_language = language::remembered();
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
    window()
        .speech_synthesis()
        .is_ok_and(|synth| synth.speaking() && !synth.paused())
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
