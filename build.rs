//! Generates the `i18n` module from `locales/{ja,zh,en}.json` with
//! leptos_i18n's parser and code generator (what its `load_locales!` macro
//! does), with two differences: interpolated strings can be used as plain
//! strings (`td_string!` for attributes and titles), and a key missing from
//! or surplus in any language fails the build instead of warning.

use std::path::PathBuf;

use leptos_i18n_parser::parse_locales::cfg_file::ConfigFile;
use leptos_i18n_parser::parse_locales::options::Config;
use leptos_i18n_parser::parse_locales::parse_locales;

fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=Cargo.toml");
    if let Err(message) = generate() {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

fn generate() -> Result<(), String> {
    let mut manifest_dir = PathBuf::from(env("CARGO_MANIFEST_DIR")?);
    let config_file = ConfigFile::new(&mut manifest_dir).map_err(|e| e.to_string())?;
    let mut config: Config = config_file.into();
    config.options = config.options.interpolate_display(true);
    let parsed = parse_locales(Some(manifest_dir), config).map_err(|e| e.to_string())?;

    let problems: Vec<String> = parsed
        .diag
        .errors()
        .iter()
        .map(ToString::to_string)
        .chain(parsed.diag.warnings().iter().map(ToString::to_string))
        .collect();
    if !problems.is_empty() {
        return Err(format!("locales/: {}", problems.join("\nlocales/: ")));
    }

    let code = leptos_i18n_codegen::gen_code(&parsed, None, false, None, false)
        .map_err(|e| e.to_string())?;
    let out = PathBuf::from(env("OUT_DIR")?).join("i18n.rs");
    std::fs::write(&out, code.to_string()).map_err(|e| format!("{}: {e}", out.display()))
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set (run through cargo)"))
}
