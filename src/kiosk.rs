//! Kiosk mode: entered with `?kiosk=1` on any route (that route becomes the
//! kiosk's home), kept for the browser session, left with `?kiosk=0`. An
//! unattended kiosk counts down and returns to its home, resetting text size,
//! map zoom and selection; at home on the map, attract mode shows partners.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use reader_core::kiosk::{
    idle_override, is_app_route, kiosk_switch, IdleState, IdleTimer, KioskSettings,
};
use reader_core::FontScale;

use crate::i18n::{td_string, use_i18n};
use crate::{api, language, prefs, text, CitiesData, FontScaleSetting};

/// How a kiosk behaves, once its settings are known.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskConfig {
    pub home: String,
    pub idle_seconds: u32,
    pub attract: bool,
}

/// `Some` in kiosk mode.
#[derive(Clone, Copy)]
pub struct Kiosk(pub RwSignal<Option<KioskConfig>>);

impl Kiosk {
    /// Untracked: kiosk mode is decided before anything renders and lasts
    /// for the page's life, and views read this while they are built.
    pub fn active(&self) -> bool {
        self.0.with_untracked(Option::is_some)
    }
}

/// Counts kiosk resets; views that keep their own state (the map's zoom)
/// return to it when this changes.
#[derive(Clone, Copy)]
pub struct KioskResets(pub RwSignal<u32>);

/// Milliseconds between two partners in attract mode.
const ATTRACT_EVERY_MS: f64 = 6_000.0;

/// Reads `?kiosk=` and `?idle=` and the session, before anything renders.
pub fn init() -> Kiosk {
    let window = window();
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    match kiosk_switch(param("kiosk").as_deref()) {
        Some(true) => prefs::save_kiosk(&path, idle_override(param("idle").as_deref())),
        Some(false) => prefs::clear_kiosk(),
        None => {}
    }
    let config = prefs::load_kiosk().map(|(home, idle)| KioskConfig {
        home: if is_app_route(&home) {
            home
        } else {
            "/".to_owned()
        },
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
    Kiosk(RwSignal::new(config))
}

/// Runs an active kiosk: settings from `/data/kiosk.json`, idle watching,
/// countdown, reset and attract mode. Place once inside the `Router`.
#[component]
pub fn KioskRunner() -> impl IntoView {
    let kiosk = expect_context::<Kiosk>();
    let resets = KioskResets(RwSignal::new(0));
    provide_context(resets);
    let countdown = RwSignal::new(None::<u32>);
    provide_context(KioskCountdown(countdown));
    if !kiosk.active() {
        return;
    }

    // Settings: the file's, with the query's idle time and entry route first.
    let idle_from_query = prefs::load_kiosk().and_then(|(_, idle)| idle);
    leptos::task::spawn_local(async move {
        if let Some(settings) = api::load_kiosk_settings().await {
            kiosk.0.update(|config| {
                if let Some(config) = config {
                    config.attract = settings.attract;
                    config.idle_seconds = idle_from_query.unwrap_or(settings.idle_seconds);
                    if let Some(home) = settings.home.filter(|h| is_app_route(h)) {
                        config.home = home;
                    }
                }
            });
        }
    });

    let now = || window().performance().map(|p| p.now()).unwrap_or(0.0);
    let idle_seconds = kiosk
        .0
        .with_untracked(|c| c.as_ref().map(|c| c.idle_seconds))
        .unwrap_or(90);
    let timer = StoredValue::new(IdleTimer::new(idle_seconds, now()));
    Effect::new(move |_| {
        if let Some(config) = kiosk.0.get() {
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
        });
        on_cleanup(move || handle.remove());
    }
    let no_menu = window_event_listener_untyped("contextmenu", |event| event.prevent_default());
    on_cleanup(move || no_menu.remove());

    let location = use_location();
    let navigate = use_navigate();
    let font_scale = expect_context::<FontScaleSetting>().0;
    let cities = expect_context::<CitiesData>().0;
    let i18n = use_i18n();
    let tick = move || {
        let Some(config) = kiosk.0.get_untracked() else {
            return;
        };
        let t = now();
        match timer.with_value(|timer| timer.state(t)) {
            IdleState::Active => countdown.set(None),
            IdleState::Warning { seconds_left } => countdown.set(Some(seconds_left)),
            IdleState::Expired if !rested.get_value() => {
                // Back to the start: home, the kiosk's language, large text,
                // whole map, no selection, top.
                countdown.set(None);
                if location.pathname.get_untracked() != config.home {
                    navigate(&config.home, NavigateOptions::default());
                }
                font_scale.set(FontScale::Large);
                let kiosk_language = language::remembered();
                if i18n.get_locale_untracked() != kiosk_language {
                    i18n.set_locale(kiosk_language);
                }
                resets.0.update(|n| *n += 1);
                window().scroll_to_with_x_and_y(0.0, 0.0);
                rested.set_value(true);
                last_attract.set_value(t);
            }
            IdleState::Expired => {
                let on_map = config.home == "/partners";
                let due = t - last_attract.get_value() >= ATTRACT_EVERY_MS;
                if config.attract && on_map && due && !prefers_reduced_motion() {
                    let ids: Vec<String> = cities
                        .get_untracked()
                        .and_then(Result::ok)
                        .map(|c| c.partners.iter().map(|p| p.id.to_string()).collect())
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

/// Seconds left before an idle kiosk resets, while it counts down.
#[derive(Clone, Copy)]
pub struct KioskCountdown(pub RwSignal<Option<u32>>);

/// "Returning to the start in N seconds", politely; any touch cancels it.
#[component]
pub fn KioskCountdownNotice() -> impl IntoView {
    let countdown = use_context::<KioskCountdown>().map(|c| c.0);
    let i18n = use_i18n();
    move || {
        let lang = i18n.get_locale();
        countdown.and_then(|c| c.get()).map(|seconds| {
            view! {
                <div class="kiosk-countdown" role="status" aria-live="polite">
                    <p class="kiosk-countdown__text">{text::kiosk_countdown(seconds, lang)}</p>
                    <button type="button" class="kiosk-countdown__stay button-primary">{td_string!(lang, kiosk_stay)}</button>
                </div>
            }
        })
    }
}

fn prefers_reduced_motion() -> bool {
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
