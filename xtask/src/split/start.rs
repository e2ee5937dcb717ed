//! How the page starts the app: Trunk's loader script in `index.html`,
//! replaced by one that fetches the main module with its integrity (Trunk's
//! passes wasm-bindgen a bare URL, so the module's bytes were never
//! checked), and that tells the page's own script when the app cannot start;
//! and that script's texts for it, from `locales/`.

use std::path::Path;

use super::rewrite::replace_exactly_once;

/// The place in `index.html`'s own script for the texts shown when the app
/// cannot start.
pub const FAILED_TEXTS_PLACEHOLDER: &str =
    "{ /* the texts for an app that cannot start: filled in by cargo xtask dist */ }";

/// The event the page's own script answers with those texts.
pub const FAILED_EVENT: &str = "reader:app-failed";

/// The script that starts the app, for the glue `js` and the main module
/// `wasm` (paths as served) with the main module's `integrity`.
pub fn start_script(js: &str, wasm: &str, integrity: &str) -> String {
    format!(
        r#"<script type="module">
// The app: its glue (preloaded with its integrity) and its main module,
// fetched with its integrity, so that bytes that are not the build's are
// refused; once more past the browser's cache, which may keep bytes the
// server has since corrected. If the app cannot start, the page's own
// script says so. (cargo xtask dist)
const fetchApp = (cache) => fetch('{wasm}', {{ integrity: '{integrity}', cache }});
try {{
  const bindings = await import('{js}');
  const wasm = await bindings.default({{ module_or_path: fetchApp('default').catch(() => fetchApp('reload')) }});
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));
}} catch (error) {{
  console.error('the app could not start:', error);
  dispatchEvent(new CustomEvent('{FAILED_EVENT}'));
}}
</script>"#
    )
}

/// `index.html` with Trunk's loader script (the module script that imports
/// the glue `js` and initialises it with the main module `wasm`) replaced.
pub fn replace_trunk_loader(
    index: &str,
    js: &str,
    wasm: &str,
    script: &str,
) -> Result<String, String> {
    let opening = "<script type=\"module\"";
    let mut found = None;
    let mut from = 0;
    while let Some(at) = index[from..].find(opening).map(|at| from + at) {
        let end = index[at..]
            .find("</script>")
            .map(|end| at + end + "</script>".len())
            .ok_or("dist/index.html: a module script is not closed")?;
        let element = &index[at..end];
        if element.contains("import init") && element.contains(js) {
            if found.is_some() {
                return Err(format!("dist/index.html starts {js} twice"));
            }
            if !element.contains(wasm) {
                return Err(format!("dist/index.html starts {js} without {wasm}"));
            }
            found = Some((at, end));
        }
        from = end;
    }
    let (start, end) =
        found.ok_or_else(|| format!("dist/index.html has no script starting {js}"))?;
    Ok(format!("{}{script}{}", &index[..start], &index[end..]))
}

/// `index.html` with the texts of each interface language for an app that
/// cannot start: `{"ja": {"heading", "message", "reload"}, …}`.
pub fn fill_failed_texts(index: &str, locales: &Path) -> Result<String, String> {
    let mut texts = serde_json::Map::new();
    for lang in crate::locales::LANGUAGES {
        let strings = crate::locales::read(locales, lang)?;
        let text = |key: &str| {
            strings
                .get(key)
                .cloned()
                .ok_or_else(|| format!("locales/{lang}.json has no {key}"))
        };
        texts.insert(
            lang.to_owned(),
            serde_json::json!({
                "heading": text("app_failed_heading")?,
                "message": text("app_failed")?,
                "reload": text("retry")?,
            }),
        );
    }
    // In a script: no text may close it.
    let json = serde_json::Value::Object(texts)
        .to_string()
        .replace('<', "\\u003c");
    replace_exactly_once(index, FAILED_TEXTS_PLACEHOLDER, &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk 0.21's loader, as it writes it (wasm-bindgen ≥ 0.2.93).
    const TRUNK: &str = "<head><script>var x = 1;</script>\n<script type=\"module\">\nimport init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n</script></head>";

    #[test]
    fn the_main_module_is_fetched_with_its_integrity() {
        let script = start_script("/app-1.js", "/app-1_bg.wasm", "sha384-ABC");
        let out = replace_trunk_loader(TRUNK, "/app-1.js", "/app-1_bg.wasm", &script).unwrap();
        assert!(out.starts_with("<head><script>var x = 1;</script>\n<script type=\"module\">"));
        assert!(out.ends_with("</script></head>"));
        assert!(!out.contains("import init"));
        assert!(out.contains("fetch('/app-1_bg.wasm', { integrity: 'sha384-ABC', cache })"));
        assert!(out.contains("await import('/app-1.js')"));
        assert!(out.contains("module_or_path: fetchApp('default')"));
        assert!(out.contains("dispatchEvent(new CustomEvent('reader:app-failed'))"));
        // What the soak benchmark and the page's tests read stays.
        assert!(out.contains("TrunkApplicationStarted"));
        assert!(out.contains("window.wasmBindings = bindings"));
    }

    #[test]
    fn a_loader_not_found_or_not_as_expected_is_an_error() {
        let script = start_script("/app-1.js", "/app-1_bg.wasm", "sha384-ABC");
        for (index, js, wasm) in [
            (TRUNK, "/app-2.js", "/app-1_bg.wasm"),
            (TRUNK, "/app-1.js", "/app-2_bg.wasm"),
            (
                "<script type=\"module\">import init from '/app-1.js';",
                "/app-1.js",
                "/app-1_bg.wasm",
            ),
        ] {
            assert!(
                replace_trunk_loader(index, js, wasm, &script).is_err(),
                "{index}"
            );
        }
        let twice = format!("{TRUNK}{TRUNK}");
        assert!(replace_trunk_loader(&twice, "/app-1.js", "/app-1_bg.wasm", &script).is_err());
    }

    #[test]
    fn the_failure_texts_come_from_every_locale_and_cannot_close_the_script() {
        let dir = std::env::temp_dir().join(format!("xtask-start-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for lang in crate::locales::LANGUAGES {
            let json = format!(
                r#"{{"app_failed_heading": "{lang} heading", "app_failed": "{lang} </script><b>", "retry": "{lang} again"}}"#
            );
            std::fs::write(dir.join(format!("{lang}.json")), json).unwrap();
        }
        let index = format!("var failed = {FAILED_TEXTS_PLACEHOLDER};");
        let out = fill_failed_texts(&index, &dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!out.contains("</script>"));
        let json: serde_json::Value = serde_json::from_str(
            out.trim_start_matches("var failed = ")
                .trim_end_matches(';'),
        )
        .unwrap();
        for lang in crate::locales::LANGUAGES {
            assert_eq!(json[lang]["heading"], format!("{lang} heading"));
            assert_eq!(json[lang]["message"], format!("{lang} </script><b>"));
            assert_eq!(json[lang]["reload"], format!("{lang} again"));
        }
    }

    #[test]
    fn the_projects_page_script_answers_the_failure_with_the_texts_of_every_language() {
        let index = std::fs::read_to_string(crate::root().join("index.html")).unwrap();
        assert!(index.contains(&format!("addEventListener('{FAILED_EVENT}'")));
        assert!(fill_failed_texts(&index, &crate::root().join("locales")).is_ok());
    }
}
