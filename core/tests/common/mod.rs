//! Shared by the property tests: how many cases to run.

use proptest::prelude::ProptestConfig;

/// `base` cases, times `HOSTILE_SCALE` (`cargo xtask fuzz` sets it to 10).
pub fn cases(base: u32) -> ProptestConfig {
    let scale: u32 = std::env::var("HOSTILE_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    ProptestConfig {
        cases: base * scale,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
