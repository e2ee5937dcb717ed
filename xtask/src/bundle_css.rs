//! `cargo xtask bundle-css`: `style/app.css` with its `@import`s inlined, in
//! order, into `target/css/app.css`, the one stylesheet the page loads. Run
//! by Trunk as a pre-build hook, so `trunk serve` and `trunk build` both do.

use std::path::Path;

use crate::root;

pub fn run() -> Result<(), String> {
    let style = root().join("style");
    let bundle = bundle(&style, "app.css")?;
    let out = crate::paths::scratch("css");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let path = out.join("app.css");
    // Unchanged content is not rewritten, so watchers do not loop.
    if std::fs::read_to_string(&path).ok().as_deref() != Some(bundle.as_str()) {
        std::fs::write(&path, bundle)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

fn bundle(dir: &Path, entry: &str) -> Result<String, String> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).map_err(|e| format!("style/{name}: {e}"))
    };
    let mut out = String::new();
    for line in read(entry)?.lines() {
        match imported(line) {
            Some(name) => {
                out.push_str(&format!("/* {name} */\n"));
                out.push_str(&read(name)?);
                out.push('\n');
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// The file of an `@import "x.css";` line.
fn imported(line: &str) -> Option<&str> {
    line.trim().strip_prefix("@import \"")?.strip_suffix("\";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stylesheet_is_bundled_once_in_order() {
        let style = root().join("style");
        let bundle = bundle(&style, "app.css").unwrap();
        assert!(!bundle.contains("@import"));
        let tokens = bundle.find("/* tokens.css */").unwrap();
        let print = bundle.find("/* print.css */").unwrap();
        assert!(
            tokens < print,
            "tokens come first, print after the components"
        );
        for entry in std::fs::read_dir(&style).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name != "app.css" {
                assert_eq!(
                    bundle.matches(&format!("/* {name} */")).count(),
                    1,
                    "{name} bundled once"
                );
            }
        }
    }
}
