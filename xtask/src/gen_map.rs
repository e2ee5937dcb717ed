//! `cargo xtask gen-map`: the app's world map from Natural Earth, offline.
//!
//! Reads world-atlas' 110m countries (TopoJSON, npm, in build-tools/) and
//! i18n-iso-countries' code table, and writes every outline as rings of
//! longitude and latitude to `public/map/world-110m.json`; the app projects
//! them (reader-core's `world` and `map::projection`), centred on home.

use std::collections::HashMap;

use reader_core::world::{topojson, WORLD_FILE};

use crate::root;

/// Points closer than this (degrees) to the previous one are dropped.
const MIN_STEP: f64 = 0.15;
const SOURCE: &str = "Natural Earth 1:110m admin 0 countries (public domain), via npm world-atlas 2.0.2 \
(ISC, Mike Bostock); ISO 3166 codes from npm i18n-iso-countries (MIT). Rings of longitude and latitude \
written by cargo xtask gen-map; the app projects them to Equal Earth centred on the home district.";

pub fn generate() -> Result<String, String> {
    let modules = root().join("build-tools/node_modules");
    let read = |path: &str| {
        std::fs::read_to_string(modules.join(path))
            .map_err(|e| format!("cannot read build-tools/node_modules/{path}: {e}"))
    };
    let topology = read("world-atlas/countries-110m.json")?;
    let codes: Vec<Vec<String>> = serde_json::from_str(&read("i18n-iso-countries/codes.json")?)
        .map_err(|e| format!("codes.json: {e}"))?;
    let alpha2: HashMap<String, String> = codes
        .into_iter()
        .filter_map(|row| Some((row.get(2)?.clone(), row.first()?.clone())))
        .collect();
    let world = topojson::to_world(&topology, &alpha2, MIN_STEP, SOURCE)?;
    serde_json::to_string(&world)
        .map(|json| json + "\n")
        .map_err(|e| e.to_string())
}

/// Writes the file, or with `check` fails if the committed one differs.
pub fn run(check: bool) -> Result<(), String> {
    let path = root().join("public/map").join(WORLD_FILE);
    let fresh = generate()?;
    if check {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        return if committed == fresh {
            println!("{} is up to date", path.display());
            Ok(())
        } else {
            Err(format!(
                "{} is stale: run `cargo xtask gen-map`",
                path.display()
            ))
        };
    }
    std::fs::create_dir_all(path.parent().unwrap_or(&path)).map_err(|e| e.to_string())?;
    std::fs::write(&path, &fresh).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {} ({} bytes)", path.display(), fresh.len());
    Ok(())
}
