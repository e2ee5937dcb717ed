//! The release build in parts: the app's wasm split at its `#[wasm_split]`
//! points (`src/parts.rs`), so a reader downloads a part (the partner map,
//! the printed parts, kiosk mode) only when the page needs it.
//!
//! Trunk 0.21 builds the app in one piece. This step runs after it, as
//! cargo-leptos does for `--split`: the raw module Trunk's cargo build left
//! (linked with `--emit-relocs`, built with `--cfg wasm_split`) is split by
//! `wasm_split_cli_support`; wasm-bindgen runs on the main module with
//! `--keep-lld-exports` (the parts link against its exports); wasm-opt runs
//! on every module. Then the files Trunk wrote are replaced:
//!
//! - every file is named by a hash, so it can be cached for good; the main
//!   module's glue and the parts' loader import each other, so both carry
//!   one hash of the whole build;
//! - `index.html` names the new files, with subresource integrity for each
//!   (the loader by a `modulepreload`, each part by the `integrity` its
//!   loader fetches it with), and its own script learns which parts each
//!   route needs, to ask for them while the main module downloads;
//! - the main module is fetched with its integrity too: Trunk's loader
//!   script is replaced by one that does (`start.rs`), and that tells the
//!   page's own script when the app cannot start, and that on a published
//!   page waits until the page has painted (publish leaves the preloads
//!   out);
//! - the service worker precaches every part with its integrity, so a
//!   kiosk that loaded once opens the map offline.
//!
//! The content-security-policy hashes and the published pages are made
//! afterwards from the rewritten `index.html`, as before.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::shell::{run, Cmd};

mod rewrite;
pub(crate) mod start;

use rewrite::{point_loader_at_parts, rename_asset, replace_exactly_once, trunk_outputs};

/// The name of the app's wasm, as cargo and Trunk name it.
const APP: &str = "changning-reader";
/// The loader's name in the module wasm-split writes (rewritten below).
const LOADER: &str = "./__wasm_split.js";
/// The place in `index.html`'s script for the parts each route needs.
pub const ROUTE_PARTS_PLACEHOLDER: &str = "{ /* filled in by cargo xtask dist */ }";
/// The place in `sw.js` for the parts to precache.
pub const PRECACHE_PLACEHOLDER: &str = "[ /* filled in by cargo xtask dist */ ]";

/// The flags the release build's cargo needs for the split (Trunk passes
/// them to cargo through the environment). `erase_components` repeats
/// `.cargo/config.toml`: the variable replaces that file's flags.
pub const RUSTFLAGS: &str = "--cfg erase_components --cfg wasm_split -C link-args=--emit-relocs";

/// Which parts of the app a page needs from its start, by the kind of page
/// the script in `index.html` finds (the map, the print view, a kiosk, the
/// search): the split names of `src/parts.rs`.
const ROUTE_PARTS: &[(&str, &[&str])] = &[
    ("partners", &["map"]),
    ("print", &["print"]),
    ("kiosk", &["kiosk"]),
    ("search", &["search"]),
];

/// What the split wrote, for the report.
pub struct Parts {
    /// Each part's files as served (`/split_map-….wasm`), by split name.
    pub by_split: BTreeMap<String, Vec<String>>,
}

/// Splits the app Trunk built into `dist`, replacing its wasm and JS.
pub fn apply(dist: &Path, tools: &Path) -> Result<Parts, String> {
    // What cargo built, in its target directory; the split's own work in xtask's.
    let raw = crate::paths::cargo_target_dir()?
        .join(format!("wasm32-unknown-unknown/release/{APP}.wasm"));
    let work = crate::paths::scratch("split");
    if work.exists() {
        std::fs::remove_dir_all(&work)
            .map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    let bindgen_dir = work.join("bindgen");
    std::fs::create_dir_all(&bindgen_dir).map_err(|e| e.to_string())?;
    let input = read(&raw)?;
    let main = work.join("main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main;
        options.link_name = LOADER;
        options.main_module = "./changning-reader.js";
        options
    })
    .map_err(|e| format!("wasm-split: {e:#}"))?;
    if split.split_modules.is_empty() {
        return Err(format!(
            "{} has no split points: was it built with RUSTFLAGS=\"{RUSTFLAGS}\"?",
            raw.display()
        ));
    }

    run(Cmd::new("wasm-bindgen").args([
        "--target=web",
        "--no-typescript",
        "--keep-lld-exports",
        &format!("--out-dir={}", bindgen_dir.display()),
        &format!("--out-name={APP}"),
        &main.display().to_string(),
    ]))?;
    let wasm_opt = tools.join("wasm-opt");
    let optimise = |file: &Path| {
        // A profile wants the functions' names (SPLIT_KEEP_NAMES=1).
        let mut args = vec!["-Oz".to_string()];
        if std::env::var_os("SPLIT_KEEP_NAMES").is_some() {
            args.push("--debuginfo".into());
        }
        args.push(format!("--output={}", file.display()));
        args.push(file.display().to_string());
        run(Cmd::new(&wasm_opt.display().to_string()).args(args))
    };
    let main_wasm = bindgen_dir.join(format!("{APP}_bg.wasm"));
    optimise(&main_wasm)?;
    for part in &split.split_modules {
        optimise(part)?;
    }

    // Each part is a leaf: named by its own content.
    let mut part_names = BTreeMap::new();
    let mut part_integrity = BTreeMap::new();
    let mut build = Sha256::new();
    for part in &split.split_modules {
        let bytes = read(part)?;
        let stem = stem(part)?;
        let name = format!("{stem}-{}.wasm", short_hash(&bytes));
        build.update(&bytes);
        part_integrity.insert(stem.clone(), integrity(&bytes));
        write(&dist.join(&name), &bytes)?;
        part_names.insert(stem, name);
    }
    let main_bytes = read(&main_wasm)?;
    build.update(&main_bytes);
    let glue = read_text(&bindgen_dir.join(format!("{APP}.js")))?;
    let loader = read_text(&work.join(LOADER.trim_start_matches("./")))?;
    build.update(glue.as_bytes());
    build.update(loader.as_bytes());
    let id: String = build
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let js_name = format!("{APP}-{id}.js");
    let wasm_name = format!("{APP}-{id}_bg.wasm");
    let loader_name = format!("wasm-split-{id}.js");

    let loader = point_loader_at_parts(&loader, &part_names, &part_integrity)?
        .replace("\"./changning-reader.js\"", &format!("\"./{js_name}\""));
    // The glue imports the loader (once for each split point's imports);
    // the wasm still names it by its first name, as the keys of its
    // imports do.
    let import = format!("from \"{LOADER}\"");
    if !glue.contains(&import) {
        return Err(format!("wasm-bindgen's glue does not import {LOADER}"));
    }
    let glue = glue
        .replace(&import, &format!("from \"./{loader_name}\""))
        .replace(&format!("'{APP}_bg.wasm'"), &format!("'{wasm_name}'"));
    write(&dist.join(&wasm_name), &main_bytes)?;
    write(&dist.join(&js_name), glue.as_bytes())?;
    write(&dist.join(&loader_name), loader.as_bytes())?;

    let index_path = dist.join("index.html");
    let index = read_text(&index_path)?;
    let (old_js, old_wasm) = trunk_outputs(&index)?;
    let mut index = rename_asset(&index, &old_js, &js_name, &integrity(glue.as_bytes()))?;
    index = rename_asset(&index, &old_wasm, &wasm_name, &integrity(&main_bytes))?;
    let (js_path, wasm_path) = (format!("/{js_name}"), format!("/{wasm_name}"));
    let loader_path = format!("/{loader_name}");
    let (glue_integrity, main_integrity) = (integrity(glue.as_bytes()), integrity(&main_bytes));
    let loader_integrity = integrity(loader.as_bytes());
    let served = |path, integrity| start::Served { path, integrity };
    let start = start::start_script(
        served(&js_path, &glue_integrity),
        served(&loader_path, &loader_integrity),
        served(&wasm_path, &main_integrity),
    );
    index = start::replace_trunk_loader(&index, &js_path, &wasm_path, &start)?;
    index = start::fill_failed_texts(&index, &crate::root().join("locales"))?;
    // The loader is imported by the glue: a modulepreload with its integrity
    // is what the import then uses.
    let preload = format!(
        "<link rel=\"modulepreload\" href=\"{loader_path}\" crossorigin=\"anonymous\" integrity=\"{loader_integrity}\">"
    );
    index = replace_exactly_once(&index, "</head>", &format!("{preload}\n</head>"))?;
    // The shell's preloads, which a published page leaves out.
    index = start::fence_app_preloads(&index, &[&js_path, &wasm_path, &loader_path])?;

    let mut by_split: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (split_name, stems) in &split.prefetch_map {
        let files = stems
            .iter()
            .map(|stem| {
                part_names
                    .get(stem)
                    .map(|name| format!("/{name}"))
                    .ok_or_else(|| format!("wasm-split named a part it did not write: {stem}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        by_split.insert(split_name.clone(), files);
    }
    index = replace_exactly_once(
        &index,
        ROUTE_PARTS_PLACEHOLDER,
        &route_parts_json(&by_split, &part_names, &part_integrity)?,
    )?;
    write(&index_path, index.as_bytes())?;

    // Each part with its integrity: the worker saves only the build's bytes.
    let precache: Vec<serde_json::Value> = part_names
        .iter()
        .map(|(stem, name)| serde_json::json!([format!("/{name}"), part_integrity[stem]]))
        .collect();
    let worker_path = dist.join("sw.js");
    let worker = read_text(&worker_path)?;
    let worker = replace_exactly_once(
        &worker,
        PRECACHE_PLACEHOLDER,
        &serde_json::Value::Array(precache).to_string(),
    )?;
    write(&worker_path, worker.as_bytes())?;

    for old in [&old_js, &old_wasm] {
        let path = dist.join(old.trim_start_matches('/'));
        std::fs::remove_file(&path)
            .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    Ok(Parts { by_split })
}

/// `{"partners": [["/chunk_4-….wasm", "sha384-…"], …], …}` for the page's
/// script, which begins compiling the parts a page needs from its start.
fn route_parts_json(
    by_split: &BTreeMap<String, Vec<String>>,
    names: &BTreeMap<String, String>,
    integrity: &BTreeMap<String, String>,
) -> Result<String, String> {
    let by_file: BTreeMap<String, &String> = names
        .iter()
        .map(|(stem, name)| (format!("/{name}"), &integrity[stem]))
        .collect();
    let mut routes = serde_json::Map::new();
    for (kind, splits) in ROUTE_PARTS {
        let mut files = Vec::new();
        for split in *splits {
            let parts = by_split.get(*split).ok_or_else(|| {
                format!("a {kind} page needs the part {split}, which the build does not have")
            })?;
            for file in parts {
                files.push(serde_json::json!([file, by_file[file]]));
            }
        }
        routes.insert((*kind).to_owned(), serde_json::Value::Array(files));
    }
    Ok(serde_json::Value::Object(routes).to_string())
}

/// `sha384-…`, as subresource integrity writes it.
pub fn integrity(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn stem(path: &Path) -> Result<String, String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("a part without a name: {}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &PathBuf, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
