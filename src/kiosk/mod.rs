//! Kiosk mode: entered with `?kiosk=1` on any route (that route becomes the
//! kiosk's home), kept for the browser session, left with `?kiosk=0`. An
//! unattended kiosk counts down and returns to its home, resetting the
//! reader's settings, map zoom and selection; at home on the map, attract
//! mode shows partners.
//!
//! What every view reads of kiosk mode is in [`crate::kiosk_mode`]; this
//! folder holds its entry (`init`), the notices it shows over pages, and
//! its runner, a part of the app of its own (`crate::parts::KioskRunner`
//! downloads and starts it on a kiosk only).

use leptos::prelude::*;
use reader_core::kiosk::{idle_override, kiosk_switch, KioskSettings};
use reader_core::AppRoute;

use crate::kiosk_mode::{Kiosk, KioskConfig};
use crate::prefs;

mod notices;
mod runner;

pub use crate::kiosk_mode::is_kiosk;
pub use notices::{KioskCountdownNotice, KioskSettingsNotice};
pub use runner::{run, Runner};

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
