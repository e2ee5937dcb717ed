//! Kiosk mode: its settings, and when an unattended kiosk resets itself.

use serde::Deserialize;

use crate::error::DataError;
use crate::json::decode_text;

pub const KIOSK_FILE: &str = "kiosk.json";

/// `/data/kiosk.json` (optional): where the kiosk returns, after how long,
/// and whether the map shows its partners by itself when nobody is there.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct KioskSettings {
    /// The kiosk's home route; by default the route kiosk mode was entered on.
    pub home: Option<String>,
    pub idle_seconds: u32,
    pub attract: bool,
}

impl Default for KioskSettings {
    fn default() -> Self {
        Self {
            home: None,
            idle_seconds: 90,
            attract: true,
        }
    }
}

pub const MIN_IDLE_SECONDS: u32 = 1;
pub const MAX_IDLE_SECONDS: u32 = 24 * 60 * 60;

pub fn decode_kiosk(text: &str) -> Result<KioskSettings, DataError> {
    let settings: KioskSettings = decode_text(KIOSK_FILE, text)?;
    if let Some(home) = &settings.home {
        if !is_app_route(home) {
            return Err(DataError::new(
                KIOSK_FILE,
                "home",
                format!("expected a route of the app such as \"/partners\", found {home:?}"),
            ));
        }
    }
    if !(MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(&settings.idle_seconds) {
        return Err(DataError::new(
            KIOSK_FILE,
            "idle_seconds",
            format!(
                "expected {MIN_IDLE_SECONDS} to {MAX_IDLE_SECONDS}, found {}",
                settings.idle_seconds
            ),
        ));
    }
    Ok(settings)
}

/// A path inside the app: starts with one `/`, no scheme or host.
pub fn is_app_route(path: &str) -> bool {
    path.starts_with('/') && !path.starts_with("//") && !path.contains(['\\', ' ', '?', '#'])
}

/// `?kiosk=1` enters kiosk mode, `?kiosk=0` leaves it; anything else keeps it as is.
pub fn kiosk_switch(value: Option<&str>) -> Option<bool> {
    match value?.trim() {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// `?idle=SECONDS`, within bounds.
pub fn idle_override(value: Option<&str>) -> Option<u32> {
    value?
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|s| (MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(s))
}

/// What an idle kiosk should be doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleState {
    Active,
    /// Counting down to the reset; any input cancels it.
    Warning {
        seconds_left: u32,
    },
    /// Nobody there: reset (or, at home, let attract mode run).
    Expired,
}

/// Idle timing against an injected clock in milliseconds, so that it can be
/// tested without waiting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdleTimer {
    idle_ms: f64,
    warning_ms: f64,
    last_input: f64,
}

impl IdleTimer {
    /// The countdown shows for the last 10 seconds (or the last half of a
    /// shorter idle time).
    pub fn new(idle_seconds: u32, now: f64) -> Self {
        let idle_ms = f64::from(idle_seconds.max(MIN_IDLE_SECONDS)) * 1000.0;
        Self {
            idle_ms,
            warning_ms: (idle_ms / 2.0).min(10_000.0),
            last_input: now,
        }
    }

    pub fn input(&mut self, now: f64) {
        self.last_input = now;
    }

    pub fn idle_for(&self, now: f64) -> f64 {
        (now - self.last_input).max(0.0)
    }

    pub fn state(&self, now: f64) -> IdleState {
        let idle = self.idle_for(now);
        if idle >= self.idle_ms {
            IdleState::Expired
        } else if idle >= self.idle_ms - self.warning_ms {
            IdleState::Warning {
                seconds_left: ((self.idle_ms - idle) / 1000.0).ceil() as u32,
            }
        } else {
            IdleState::Active
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_warns_then_expires_and_input_restarts_it() {
        let mut timer = IdleTimer::new(30, 0.0);
        assert_eq!(timer.state(0.0), IdleState::Active);
        assert_eq!(timer.state(19_999.0), IdleState::Active);
        assert_eq!(
            timer.state(20_000.0),
            IdleState::Warning { seconds_left: 10 }
        );
        assert_eq!(
            timer.state(29_001.0),
            IdleState::Warning { seconds_left: 1 }
        );
        assert_eq!(timer.state(30_000.0), IdleState::Expired);
        timer.input(30_500.0);
        assert_eq!(timer.state(31_000.0), IdleState::Active);
    }

    #[test]
    fn a_short_idle_time_warns_for_its_second_half() {
        let timer = IdleTimer::new(4, 0.0);
        assert_eq!(timer.state(1_999.0), IdleState::Active);
        assert_eq!(timer.state(2_000.0), IdleState::Warning { seconds_left: 2 });
        assert_eq!(timer.state(4_000.0), IdleState::Expired);
    }

    #[test]
    fn a_clock_going_backwards_is_not_idleness() {
        let timer = IdleTimer::new(5, 10_000.0);
        assert_eq!(timer.state(0.0), IdleState::Active);
    }

    #[test]
    fn the_switch_and_idle_override_read_the_query() {
        assert_eq!(kiosk_switch(Some("1")), Some(true));
        assert_eq!(kiosk_switch(Some("0")), Some(false));
        assert_eq!(kiosk_switch(Some("yes please")), None);
        assert_eq!(kiosk_switch(None), None);
        assert_eq!(idle_override(Some("4")), Some(4));
        assert_eq!(idle_override(Some("0")), None);
        assert_eq!(idle_override(Some("-3")), None);
    }

    #[test]
    fn settings_decode_with_defaults_and_refuse_foreign_homes() {
        assert_eq!(decode_kiosk("{}").unwrap(), KioskSettings::default());
        let s =
            decode_kiosk(r#"{"home": "/partners", "idle_seconds": 120, "attract": false, "x": 1}"#)
                .unwrap();
        assert_eq!(
            (s.home.as_deref(), s.idle_seconds, s.attract),
            (Some("/partners"), 120, false)
        );
        assert_eq!(
            decode_kiosk(r#"{"home": "https://evil.example"}"#)
                .unwrap_err()
                .path,
            "home"
        );
        assert_eq!(
            decode_kiosk(r#"{"home": "//evil.example"}"#)
                .unwrap_err()
                .path,
            "home"
        );
        assert_eq!(
            decode_kiosk(r#"{"idle_seconds": 0}"#).unwrap_err().path,
            "idle_seconds"
        );
    }
}
