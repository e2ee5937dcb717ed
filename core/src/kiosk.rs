//! Kiosk mode: its settings, and when an unattended kiosk resets itself.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::Value;

use crate::error::{DataError, Expected, Found, Problem};
use crate::json::{decode_text, kind_of, quote, utf8_text};
use crate::route::AppRoute;

pub const KIOSK_FILE: &str = "kiosk.json";

/// `/data/kiosk.json` (optional): where the kiosk returns, after how long,
/// and whether the map shows its partners by itself when nobody is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskSettings {
    /// The kiosk's home; by default the route kiosk mode was entered on.
    pub home: Option<AppRoute>,
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

/// The settings a kiosk runs on, and what in its file was refused (each
/// refused field keeps its default; the operator is told at start-up).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KioskFile {
    pub settings: KioskSettings,
    pub notices: Vec<DataError>,
}

pub const MIN_IDLE_SECONDS: u32 = 1;
pub const MAX_IDLE_SECONDS: u32 = 24 * 60 * 60;

/// Reads `kiosk.json` field by field: a field that is wrong is refused and
/// named, the others still apply. A file that is not a JSON object at all
/// leaves every default.
pub fn decode_kiosk(bytes: impl AsRef<[u8]>) -> KioskFile {
    let mut out = KioskFile::default();
    let Some(fields) = known_fields(bytes.as_ref(), &mut out.notices) else {
        return out;
    };
    match fields.get("home") {
        None | Some(Value::Null) => {}
        Some(Value::String(home)) => match AppRoute::parse(home) {
            Some(route) => out.settings.home = Some(route),
            None => out.notices.push(DataError::new(
                KIOSK_FILE,
                "home",
                Problem::NotARoute { found: quote(home) },
            )),
        },
        Some(other) => out.notices.push(wrong("home", Expected::Text, other)),
    }
    match fields.get("idle_seconds") {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) => match idle_seconds(n) {
            Ok(seconds) => out.settings.idle_seconds = seconds,
            Err(error) => out.notices.push(error),
        },
        Some(other) => out
            .notices
            .push(wrong("idle_seconds", Expected::WholeNumber, other)),
    }
    match fields.get("attract") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(attract)) => out.settings.attract = *attract,
        Some(other) => out.notices.push(wrong("attract", Expected::Boolean, other)),
    }
    out
}

/// The file's known fields, each read on its own: an unknown field is never
/// read, a known one that cannot be read is that field's problem. `None`
/// when the file is not a JSON object of UTF-8 text.
fn known_fields(
    bytes: &[u8],
    notices: &mut Vec<DataError>,
) -> Option<serde_json::Map<String, Value>> {
    let file = KIOSK_FILE;
    let text = utf8_text(file, bytes).map_err(|e| notices.push(e)).ok()?;
    let raw = decode_text::<BTreeMap<String, &RawValue>>(file, &text)
        .map_err(|e| notices.push(e))
        .ok()?;
    let mut fields = serde_json::Map::new();
    for name in ["home", "idle_seconds", "attract"] {
        if let Some(value) = raw.get(name) {
            match serde_json::from_str::<Value>(value.get()) {
                Ok(value) => {
                    fields.insert(name.to_owned(), value);
                }
                Err(_) => notices.push(DataError::new(file, name, Problem::NumberTooLarge)),
            }
        }
    }
    Some(fields)
}

/// A field of the wrong type.
fn wrong(field: &str, expected: Expected, value: &Value) -> DataError {
    DataError::new(
        KIOSK_FILE,
        field,
        Problem::WrongType {
            expected,
            found: Found {
                kind: kind_of(value),
                literal: None,
            },
        },
    )
}

/// `idle_seconds`, within bounds.
fn idle_seconds(n: &serde_json::Number) -> Result<u32, DataError> {
    match n.as_u64().and_then(|s| u32::try_from(s).ok()) {
        Some(s) if (MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(&s) => Ok(s),
        _ => Err(DataError::new(
            KIOSK_FILE,
            "idle_seconds",
            Problem::OutOfRange {
                min: MIN_IDLE_SECONDS.to_string(),
                max: MAX_IDLE_SECONDS.to_string(),
                found: n.to_string(),
            },
        )),
    }
}

/// The values of `?kiosk=` that enter kiosk mode, and those that leave it,
/// exactly (the page's own script reads the same lists: `cargo xtask codegen`).
pub const KIOSK_ON: [&str; 3] = ["1", "true", "on"];
pub const KIOSK_OFF: [&str; 3] = ["0", "false", "off"];

/// `?kiosk=1` enters kiosk mode, `?kiosk=0` leaves it; anything else
/// (` 1`, `+1`, `yes`) keeps it as it is.
pub fn kiosk_switch(value: Option<&str>) -> Option<bool> {
    let value = value?;
    if KIOSK_ON.contains(&value) {
        Some(true)
    } else if KIOSK_OFF.contains(&value) {
        Some(false)
    } else {
        None
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
        for odd in [" 1", "1 ", "+1", "TRUE", "On"] {
            assert_eq!(
                kiosk_switch(Some(odd)),
                None,
                "{odd:?}: as the page's script reads it"
            );
        }
        assert_eq!(kiosk_switch(None), None);
        assert_eq!(idle_override(Some("4")), Some(4));
        assert_eq!(idle_override(Some("0")), None);
        assert_eq!(idle_override(Some("-3")), None);
    }

    #[test]
    fn settings_decode_with_defaults() {
        assert_eq!(decode_kiosk("{}"), KioskFile::default());
        let f = decode_kiosk(
            r#"{"home": "/partners", "idle_seconds": 120, "attract": false, "x": 1e400}"#,
        );
        assert_eq!(
            f.settings,
            KioskSettings {
                home: Some(AppRoute::Partners),
                idle_seconds: 120,
                attract: false
            }
        );
        assert!(f.notices.is_empty());
    }

    #[test]
    fn a_wrong_field_is_refused_and_named_and_the_others_apply() {
        for (json, path) in [
            (
                r#"{"home": "https://evil.example", "idle_seconds": 30}"#,
                "home",
            ),
            (r#"{"home": "//evil.example", "idle_seconds": 30}"#, "home"),
            (
                "{\"home\": \"/\\t/evil.example\", \"idle_seconds\": 30}",
                "home",
            ),
            (r#"{"home": "/news/index", "idle_seconds": 30}"#, "home"),
            (r#"{"home": 5, "idle_seconds": 30}"#, "home"),
            (
                r#"{"idle_seconds": -30, "home": "/partners"}"#,
                "idle_seconds",
            ),
            (
                r#"{"idle_seconds": 0, "home": "/partners"}"#,
                "idle_seconds",
            ),
            (
                r#"{"idle_seconds": 1e12, "home": "/partners"}"#,
                "idle_seconds",
            ),
            (
                r#"{"idle_seconds": 2.5, "home": "/partners"}"#,
                "idle_seconds",
            ),
            (
                r#"{"idle_seconds": "30", "home": "/partners"}"#,
                "idle_seconds",
            ),
            (
                r#"{"attract": "yes", "home": "/partners", "idle_seconds": 30}"#,
                "attract",
            ),
            (
                r#"{"idle_seconds": 1e400, "home": "/partners"}"#,
                "idle_seconds",
            ),
            (r#"{"home": "/NEWS/INDEX", "idle_seconds": 30}"#, "home"),
        ] {
            let f = decode_kiosk(json);
            let paths: Vec<&str> = f.notices.iter().map(|n| n.path.as_str()).collect();
            assert_eq!(paths, [path], "{json}");
            if path == "home" {
                assert_eq!(
                    (f.settings.home, f.settings.idle_seconds),
                    (None, 30),
                    "{json}"
                );
            } else {
                assert_eq!(f.settings.home, Some(AppRoute::Partners), "{json}");
            }
        }
    }

    #[test]
    fn a_file_that_is_not_an_object_keeps_every_default() {
        for text in ["[]", "not json", "", "\"/partners\""] {
            let f = decode_kiosk(text);
            assert_eq!(f.settings, KioskSettings::default(), "{text}");
            assert_eq!(f.notices.len(), 1, "{text}");
        }
    }
}
