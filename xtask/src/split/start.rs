//! How the page starts the app: Trunk's loader script in `index.html`,
//! replaced by one that fetches the main module with its integrity (Trunk's
//! passes wasm-bindgen a bare URL, so the module's bytes were never
//! checked), and that tells the page's own script when the app cannot start;
//! and that script's texts for it, from `locales/`.
//!
//! When: the shell (a route not published) has nothing to show without the
//! app and starts it at once, its head preloading the app's modules. A
//! published page reads without it, so nothing of the app competes with its
//! first paint: publish leaves the preloads out (between
//! [`APP_PRELOADS_BEGIN`] and [`APP_PRELOADS_END`]) and the script starts
//! the app once the page has painted its content (Paint Timing's
//! `first-contentful-paint`, else the frame after the first), when it has
//! loaded or the browser is idle, or at once when the reader presses a control only the app can run
//! (the page's own script says so with [`WANTED_EVENT`] and replays the
//! press once the app runs).

use std::path::Path;

use super::rewrite::replace_exactly_once;

/// The place in `index.html`'s own script for the texts shown when the app
/// cannot start.
pub const FAILED_TEXTS_PLACEHOLDER: &str =
    "{ /* the texts for an app that cannot start: filled in by cargo xtask dist */ }";

/// The event the page's own script answers with those texts.
pub const FAILED_EVENT: &str = "reader:app-failed";

/// The event the page's own script sends when the reader wants what only
/// the app does (it sets `window.__readerAppWanted` too, for a press made
/// before this script ran).
pub const WANTED_EVENT: &str = "reader:app-wanted";

/// The event this script sends as it starts fetching the app: the page's
/// own script then asks for the route's data and parts beside it.
pub const STARTING_EVENT: &str = "reader:app-starting";

/// Around the shell's preloads of the app's modules: publish leaves out
/// what is between them.
pub const APP_PRELOADS_BEGIN: &str =
    "<!-- the app's modules, fetched at once by the shell; a published page leaves them out -->";
pub const APP_PRELOADS_END: &str = "<!-- end of the app's modules -->";

/// A file of the app as served, with its integrity.
#[derive(Clone, Copy)]
pub struct Served<'a> {
    pub path: &'a str,
    pub integrity: &'a str,
}

/// The script that starts the app: the `glue` (JS), the `loader` of the
/// parts it imports, and the main module `wasm`.
pub fn start_script(glue: Served, loader: Served, wasm: Served) -> String {
    let (js, js_integrity) = (glue.path, glue.integrity);
    let (loader, loader_integrity) = (loader.path, loader.integrity);
    let (wasm, integrity) = (wasm.path, wasm.integrity);
    format!(
        r#"<script type="module">
// The app: its glue and the loader the glue imports, each preloaded with
// its integrity (what the import then uses), and its main module, fetched
// with its integrity, so that bytes that are not the build's are refused;
// once more past the browser's cache, which may keep bytes the server has
// since corrected. If the app cannot start, the page's own script says so.
// The shell starts it at once; a published page once it has painted (then
// on load or when idle), or when the reader asks for what only the app
// does. (cargo xtask dist)
const fetchApp = (cache) => fetch('{wasm}', {{ integrity: '{integrity}', cache }});
const preload = (href, integrity) => document.querySelector(`link[rel="modulepreload"][href="${{href}}"]`)
  ? Promise.resolve()
  : new Promise((resolve, reject) => {{
    const link = Object.assign(document.createElement('link'), {{ rel: 'modulepreload', href, integrity, crossOrigin: 'anonymous' }});
    link.onload = resolve;
    link.onerror = () => reject(new Error(`${{href}} could not be loaded`));
    document.head.append(link);
  }});
let started = false;
async function start() {{
  if (started) return;
  started = true;
  dispatchEvent(new CustomEvent('{STARTING_EVENT}'));
  try {{
    await Promise.all([preload('{js}', '{js_integrity}'), preload('{loader}', '{loader_integrity}')]);
    const bindings = await import('{js}');
    const wasm = await bindings.default({{ module_or_path: fetchApp('default').catch(() => fetchApp('reload')) }});
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));
  }} catch (error) {{
    console.error('the app could not start:', error);
    dispatchEvent(new CustomEvent('{FAILED_EVENT}'));
  }}
}}
if (!document.getElementById('published') || window.__readerAppWanted) {{
  start();
}} else {{
  addEventListener('{WANTED_EVENT}', start);
  // Once the page has painted its content: then on load, or when the
  // browser is idle, whichever comes first.
  const painted = () => {{
    if (document.readyState === 'complete') start();
    else addEventListener('load', start);
    if (window.requestIdleCallback) requestIdleCallback(start);
  }};
  if (((window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || []).includes('paint')) {{
    new PerformanceObserver((entries, observer) => {{
      if (!entries.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      painted();
    }}).observe({{ type: 'paint', buffered: true }});
  }} else {{
    requestAnimationFrame(() => setTimeout(painted));
  }}
}}
</script>"#
    )
}

/// `index.html` with the tags that preload `hrefs` (the app's modules)
/// gathered at the end of its head between [`APP_PRELOADS_BEGIN`] and
/// [`APP_PRELOADS_END`].
pub fn fence_app_preloads(index: &str, hrefs: &[&str]) -> Result<String, String> {
    let mut out = index.to_owned();
    let mut tags = Vec::new();
    for href in hrefs {
        let attribute = format!("href=\"{href}\"");
        let mut found = out.match_indices(&attribute).filter_map(|(at, _)| {
            let start = out[..at].rfind('<')?;
            let end = at + out[at..].find('>')? + 1;
            out[start..end]
                .starts_with("<link ")
                .then_some((start, end))
        });
        let (start, end) = match (found.next(), found.next()) {
            (Some(tag), None) => tag,
            (None, _) => return Err(format!("dist/index.html does not preload {href}")),
            (Some(_), Some(_)) => return Err(format!("dist/index.html preloads {href} twice")),
        };
        tags.push(out[start..end].to_owned());
        out.replace_range(start..end, "");
    }
    let fenced = format!(
        "{APP_PRELOADS_BEGIN}\n{}\n{APP_PRELOADS_END}\n</head>",
        tags.join("\n")
    );
    replace_exactly_once(&out, "</head>", &fenced)
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

    fn script() -> String {
        start_script(
            Served {
                path: "/app-1.js",
                integrity: "sha384-GLUE",
            },
            Served {
                path: "/split-1.js",
                integrity: "sha384-LOADER",
            },
            Served {
                path: "/app-1_bg.wasm",
                integrity: "sha384-ABC",
            },
        )
    }

    #[test]
    fn the_app_is_fetched_with_its_integrity() {
        let out = replace_trunk_loader(TRUNK, "/app-1.js", "/app-1_bg.wasm", &script()).unwrap();
        assert!(out.starts_with("<head><script>var x = 1;</script>\n<script type=\"module\">"));
        assert!(out.ends_with("</script></head>"));
        assert!(!out.contains("import init"));
        assert!(out.contains("fetch('/app-1_bg.wasm', { integrity: 'sha384-ABC', cache })"));
        assert!(out.contains(
            "preload('/app-1.js', 'sha384-GLUE'), preload('/split-1.js', 'sha384-LOADER')"
        ));
        assert!(out.contains("await import('/app-1.js')"));
        assert!(out.contains("module_or_path: fetchApp('default')"));
        assert!(out.contains("dispatchEvent(new CustomEvent('reader:app-failed'))"));
        // What the soak benchmark and the page's tests read stays.
        assert!(out.contains("TrunkApplicationStarted"));
        assert!(out.contains("window.wasmBindings = bindings"));
    }

    #[test]
    fn a_published_page_starts_the_app_after_its_first_paint_or_when_asked() {
        let out = script();
        assert!(out.contains(
            "if (!document.getElementById('published') || window.__readerAppWanted) {\n  start();"
        ));
        assert!(out.contains("addEventListener('reader:app-wanted', start);"));
        assert!(out.contains("entries.getEntriesByName('first-contentful-paint')"));
        assert!(out.contains("requestAnimationFrame(() => setTimeout(painted))"));
        assert!(out.contains("dispatchEvent(new CustomEvent('reader:app-starting'));"));
    }

    #[test]
    fn the_projects_page_script_asks_for_the_app_and_waits_for_it_to_start() {
        let index = std::fs::read_to_string(crate::root().join("index.html")).unwrap();
        assert!(index.contains(&format!("new CustomEvent('{WANTED_EVENT}')")));
        assert!(index.contains(&format!("addEventListener('{STARTING_EVENT}'")));
    }

    #[test]
    fn the_shells_preloads_of_the_app_are_gathered_between_the_fences() {
        let index = concat!(
            "<head><link rel=\"stylesheet\" href=\"/a.css\">\n",
            "<link rel=\"modulepreload\" href=\"/app-1.js\" integrity=\"x\"><link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\">\n",
            "<script type=\"module\">import('/app-1.js')</script>",
            "<link rel=\"modulepreload\" href=\"/split-1.js\">\n</head>"
        );
        let out =
            fence_app_preloads(index, &["/app-1.js", "/app-1_bg.wasm", "/split-1.js"]).unwrap();
        let (before, fenced) = out.split_once(APP_PRELOADS_BEGIN).unwrap();
        let (fenced, after) = fenced.split_once(APP_PRELOADS_END).unwrap();
        assert_eq!(after, "\n</head>");
        assert!(!before.contains("<link rel=\"modulepreload\""));
        assert!(!before.contains("/app-1_bg.wasm"));
        assert!(before.contains("<link rel=\"stylesheet\" href=\"/a.css\">"));
        assert!(before.contains("import('/app-1.js')"));
        assert_eq!(fenced.matches("<link ").count(), 3);
        for href in ["/app-1.js", "/app-1_bg.wasm", "/split-1.js"] {
            assert!(fenced.contains(&format!("href=\"{href}\"")), "{href}");
        }
        // A module not preloaded, or preloaded twice, is an error.
        assert!(fence_app_preloads(index, &["/app-2.js"]).is_err());
        let twice = index.replace(
            "</head>",
            "<link rel=\"modulepreload\" href=\"/app-1.js\">\n</head>",
        );
        assert!(fence_app_preloads(&twice, &["/app-1.js"]).is_err());
    }

    #[test]
    fn a_loader_not_found_or_not_as_expected_is_an_error() {
        let script = script();
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
