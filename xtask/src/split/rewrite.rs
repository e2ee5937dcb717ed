//! The text the split rewrites: wasm-split's loader (each part fetched by
//! its hashed name with its integrity) and `index.html` (the new names of
//! the app's files, with their integrity).

use std::collections::BTreeMap;

use super::APP;

/// What the loader does with each part, in place of wasm-split's own fetch
/// and `instantiateStreaming`: the part is fetched by its hashed name with
/// its integrity and compiled once, or taken as the page's first script
/// began compiling it (while the main module was still on its way); a
/// fetch refused is tried once more with `cache: 'reload'`.
pub(super) const LOADER_PRELUDE: &str = r#"// Each part compiled once: as the page's first script began it (beside
// the main module), else now. Fetched with its integrity; if that fails,
// once more past the browser's cache, which may keep bytes the server has
// since corrected. (cargo xtask dist)
function __part(path, integrity) {
    const fetchPart = (cache) =>
        WebAssembly.compileStreaming(fetch(new URL(path, import.meta.url), { integrity, cache }));
    const started = globalThis.__wasmParts && globalThis.__wasmParts[path];
    if (started) {
        delete globalThis.__wasmParts[path];
        return started.catch(() => fetchPart('reload'));
    }
    return fetchPart('default').catch(() => fetchPart('reload'));
}
async function __instantiate(compiled, imports) {
    return WebAssembly.instantiate(await compiled, imports);
}
"#;

/// The loader fetches each part by its hashed name and with its integrity,
/// compiled once (see [`LOADER_PRELUDE`]).
pub(super) fn point_loader_at_parts(
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

/// The JS and wasm Trunk's loader names in `index.html`.
pub(super) fn trunk_outputs(index: &str) -> Result<(String, String), String> {
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
pub(super) fn rename_asset(
    index: &str,
    old: &str,
    new: &str,
    hash: &str,
) -> Result<String, String> {
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

pub(super) fn replace_exactly_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("expected {from:?} once, found it {n} times")),
    }
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
