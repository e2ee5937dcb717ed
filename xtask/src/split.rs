//! The release build in parts: the app's wasm split at its `#[wasm_split]`
//! points (`src/parts.rs`), so a reader downloads a part (the partner map,
//! the printed parts, kiosk mode, reading aloud) only when the page needs it.
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
//! - the service worker precaches every part, so a kiosk that loaded once
//!   opens the map offline.
//!
//! The content-security-policy hashes and the published pages are made
//! afterwards from the rewritten `index.html`, as before.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::shell::{run, Cmd};

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
/// the script in `index.html` finds (the map, the print view, a kiosk): the
/// split names of `src/parts.rs`.
const ROUTE_PARTS: &[(&str, &[&str])] = &[
    ("partners", &["map"]),
    ("print", &["print"]),
    ("kiosk", &["kiosk"]),
];

/// What the split wrote, for the report.
pub struct Parts {
    /// Each part's files as served (`/split_map-….wasm`), by split name.
    pub by_split: BTreeMap<String, Vec<String>>,
}

/// Splits the app Trunk built into `dist`, replacing its wasm and JS.
pub fn apply(dist: &Path, tools: &Path) -> Result<Parts, String> {
    let root = crate::root();
    let raw = root.join(format!("target/wasm32-unknown-unknown/release/{APP}.wasm"));
    let work = root.join("target/split");
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
        run(Cmd::new(&wasm_opt.display().to_string()).args([
            "-Oz",
            &format!("--output={}", file.display()),
            &file.display().to_string(),
        ]))
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
    // The loader is imported by the glue: a modulepreload with its integrity
    // is what the import then uses.
    let preload = format!(
        "<link rel=\"modulepreload\" href=\"/{loader_name}\" crossorigin=\"anonymous\" integrity=\"{}\">",
        integrity(loader.as_bytes())
    );
    index = replace_exactly_once(&index, "</head>", &format!("{preload}\n</head>"))?;

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

    let precache: Vec<String> = part_names.values().map(|n| format!("\"/{n}\"")).collect();
    let worker_path = dist.join("sw.js");
    let worker = read_text(&worker_path)?;
    let worker = replace_exactly_once(
        &worker,
        PRECACHE_PLACEHOLDER,
        &format!("[{}]", precache.join(", ")),
    )?;
    write(&worker_path, worker.as_bytes())?;

    for old in [&old_js, &old_wasm] {
        let path = dist.join(old.trim_start_matches('/'));
        std::fs::remove_file(&path)
            .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    Ok(Parts { by_split })
}

/// What the loader does with each part, in place of wasm-split's own fetch
/// and `instantiateStreaming`: the part is fetched by its hashed name with
/// its integrity and compiled once, or taken as the page's first script
/// began compiling it (while the main module was still on its way).
const LOADER_PRELUDE: &str = r#"// Each part compiled once: as the page's first script began it (beside
// the main module), else now. Fetched with its integrity. (cargo xtask dist)
function __part(path, integrity) {
    const started = globalThis.__wasmParts && globalThis.__wasmParts[path];
    if (started) {
        delete globalThis.__wasmParts[path];
        return started;
    }
    return WebAssembly.compileStreaming(fetch(new URL(path, import.meta.url), { integrity }));
}
async function __instantiate(compiled, imports) {
    return WebAssembly.instantiate(await compiled, imports);
}
"#;

/// The loader fetches each part by its hashed name and with its integrity,
/// compiled once (see [`LOADER_PRELUDE`]).
fn point_loader_at_parts(
    loader: &str,
    names: &BTreeMap<String, String>,
    integrity: &BTreeMap<String, String>,
) -> Result<String, String> {
    let mut out = loader.to_owned();
    for (stem, name) in names {
        let hash = &integrity[stem];
        out = replace_exactly_once(
            &out,
            &format!("fetch(new URL(\"./{stem}.wasm\", import.meta.url))"),
            &format!("__part(\"/{name}\", \"{hash}\")"),
        )?;
    }
    let streaming = "WebAssembly.instantiateStreaming(src, imports)";
    if out.matches(streaming).count() != names.len() {
        return Err(format!(
            "the loader does not instantiate each part with {streaming}"
        ));
    }
    Ok(format!(
        "{LOADER_PRELUDE}{}",
        out.replace(streaming, "__instantiate(src, imports)")
    ))
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

/// The JS and wasm Trunk's loader names in `index.html`.
fn trunk_outputs(index: &str) -> Result<(String, String), String> {
    let find = |suffix: &str| {
        index
            .split(['"', '\''])
            .find(|s| s.starts_with(&format!("/{APP}-")) && s.ends_with(suffix))
            .map(str::to_owned)
            .ok_or_else(|| format!("dist/index.html names no /{APP}-…{suffix}"))
    };
    Ok((find(".js")?, find("_bg.wasm")?))
}

/// Every mention of `old` becomes `new`, and the integrity of the tag that
/// loads it becomes `hash`.
fn rename_asset(index: &str, old: &str, new: &str, hash: &str) -> Result<String, String> {
    let renamed = index.replace(old, &format!("/{new}"));
    let href = format!("href=\"/{new}\"");
    let start = renamed
        .find(&href)
        .and_then(|at| renamed[..at].rfind('<'))
        .ok_or_else(|| format!("dist/index.html has no tag loading {old}"))?;
    let end = start
        + renamed[start..]
            .find('>')
            .ok_or_else(|| format!("dist/index.html: unclosed tag for {old}"))?;
    let tag = &renamed[start..end];
    let attr = "integrity=\"";
    let value_start = tag
        .find(attr)
        .map(|at| start + at + attr.len())
        .ok_or_else(|| format!("dist/index.html: the tag loading {old} has no integrity"))?;
    let value_end = value_start
        + renamed[value_start..]
            .find('"')
            .ok_or_else(|| format!("dist/index.html: unclosed integrity for {old}"))?;
    Ok(format!(
        "{}{hash}{}",
        &renamed[..value_start],
        &renamed[value_end..]
    ))
}

fn replace_exactly_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("expected {from:?} once, found it {n} times")),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_asset_is_renamed_everywhere_with_its_new_integrity() {
        let index = concat!(
            "<link rel=\"modulepreload\" href=\"/changning-reader-abc.js\" crossorigin=\"anonymous\" integrity=\"sha384-OLD\">",
            "<script type=\"module\">import init from '/changning-reader-abc.js';</script>"
        );
        let out = rename_asset(
            index,
            "/changning-reader-abc.js",
            "changning-reader-0123456789abcdef.js",
            "sha384-NEW",
        )
        .unwrap();
        assert!(!out.contains("abc.js"));
        assert!(out.contains("integrity=\"sha384-NEW\""));
        assert!(out.contains("import init from '/changning-reader-0123456789abcdef.js'"));
    }

    #[test]
    fn the_loader_fetches_each_part_by_its_hashed_name_and_integrity() {
        let loader = "const src = fetch(new URL(\"./split_map.wasm\", import.meta.url));\n\
                      return async (imports) => (WebAssembly.instantiateStreaming(src, imports));";
        let names = BTreeMap::from([("split_map".to_owned(), "split_map-00ff.wasm".to_owned())]);
        let hashes = BTreeMap::from([("split_map".to_owned(), "sha384-X".to_owned())]);
        let out = point_loader_at_parts(loader, &names, &hashes).unwrap();
        assert!(out.starts_with(LOADER_PRELUDE));
        assert!(out.ends_with(
            "const src = __part(\"/split_map-00ff.wasm\", \"sha384-X\");\n\
             return async (imports) => (__instantiate(src, imports));"
        ));
    }

    #[test]
    fn a_missing_place_to_fill_is_an_error_not_a_silent_skip() {
        assert!(replace_exactly_once("abc", "x", "y").is_err());
        assert!(replace_exactly_once("xx", "x", "y").is_err());
    }
}
