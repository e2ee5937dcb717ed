//! Generates the `i18n` module from `locales/{ja,zh,en}.json` with
//! `leptos_i18n_build` (what leptos_i18n's `load_locales!` macro does), with
//! two differences: interpolated strings can be used as plain strings
//! (`td_string!` for attributes and titles: the parser's
//! `interpolate_display` option), and a key missing from or surplus in any
//! language, or a placeholder that differs, fails the build instead of
//! warning (the same check `cargo xtask test` runs, `xtask/src/locales.rs`).

use std::path::{Path, PathBuf};

use leptos_i18n_build::options::CodegenOptions;
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

// The check shared with `cargo xtask test`; its tests are not built here.
#[path = "xtask/src/locales.rs"]
#[allow(dead_code)]
mod locales;

fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=xtask/src/locales.rs");
    if let Err(message) = generate() {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

fn generate() -> Result<(), String> {
    let manifest_dir = PathBuf::from(env("CARGO_MANIFEST_DIR")?);
    check_keys(&manifest_dir.join("locales"))?;

    let [default, others @ ..] = locales::LANGUAGES;
    let config = Config::new(default)
        .and_then(|config| config.add_locales(others))
        .map_err(|e| e.to_string())?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations =
        TranslationsInfos::parse_at_dir(&manifest_dir, config).map_err(|e| e.to_string())?;
    translations.emit_diagnostics();

    let out = PathBuf::from(env("OUT_DIR")?).join("i18n");
    translations
        .generate_i18n_module_with_options(out.clone(), CodegenOptions::new())
        .map_err(|e| format!("{}: {e}", out.display()))
}

/// Every language has exactly the default's keys and placeholders.
fn check_keys(dir: &Path) -> Result<(), String> {
    let [default, others @ ..] = locales::LANGUAGES;
    let default = locales::read(dir, default)?;
    let others = others
        .iter()
        .map(|lang| locales::read(dir, lang).map(|strings| (*lang, strings)))
        .collect::<Result<Vec<_>, _>>()?;
    let problems = locales::problems(&default, &others);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("locales/: {}", problems.join("\nlocales/: ")))
    }
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set (run through cargo)"))
}
