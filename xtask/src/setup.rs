//! Installs what the tasks need when it is missing; cheap when nothing is.

use crate::shell::{output, run, Cmd};
use crate::{root, step};

/// Debian packages: the browser and its driver for tests, the web server of
/// the deploy config with its Brotli module, fonts for Japanese and Chinese
/// text, PDF text and image tools and a QR decoder for the print tests, MeCab with its IPADIC
/// dictionary for the readings (furigana) `publish` writes, and Node.js for
/// wasm-opt (npm's binaryen) and Playwright.
const DEBIAN_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "nginx",
    "libnginx-mod-http-brotli-static",
    "fonts-noto-cjk",
    "poppler-utils",
    "zbar-tools",
    "mecab",
    "mecab-ipadic-utf8",
    "nodejs",
    "npm",
];

const TRUNK_VERSION: &str = "0.21.14";
const TWIGGY_VERSION: &str = "0.8.0";

pub fn all() -> Result<(), String> {
    debian_packages()?;
    rust_tools()?;
    npm_packages()
}

fn debian_packages() -> Result<(), String> {
    let missing: Vec<&str> = DEBIAN_PACKAGES
        .iter()
        .copied()
        .filter(|name| !debian_installed(name))
        .filter(|name| {
            !(matches!(*name, "nodejs" | "npm")
                && output(name_of_binary(name), &["--version"]).is_some())
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!(
        "installing Debian packages: {}",
        missing.join(" ")
    ));
    let sudo = if is_root() { None } else { Some("sudo") };
    let apt = |args: Vec<&str>| match sudo {
        Some(sudo) => Cmd::new(sudo).args(["apt-get"]).args(args),
        None => Cmd::new("apt-get").args(args),
    };
    run(apt(vec!["update", "-q"]))?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend(missing);
    run(apt(install).env("DEBIAN_FRONTEND", "noninteractive"))
}

fn name_of_binary(package: &str) -> &str {
    if package == "nodejs" {
        "node"
    } else {
        package
    }
}

fn debian_installed(package: &str) -> bool {
    output("dpkg-query", &["-W", "-f=${Status}", package])
        .is_some_and(|status| status.contains("install ok installed"))
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0")
}

fn rust_tools() -> Result<(), String> {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        step("adding the wasm32-unknown-unknown target");
        run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if output("cargo", &["clippy", "--version"]).is_none()
        || output("cargo", &["fmt", "--version"]).is_none()
    {
        step("adding clippy and rustfmt");
        run(Cmd::new("rustup").args(["component", "add", "clippy", "rustfmt"]))?;
    }
    let trunk = output("trunk", &["--version"]).unwrap_or_default();
    if trunk.split_whitespace().nth(1) != Some(TRUNK_VERSION) {
        step(&format!(
            "installing trunk {TRUNK_VERSION} (a few minutes, once)"
        ));
        run(Cmd::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }
    let wanted = wasm_bindgen_version()?;
    let installed = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if installed.split_whitespace().nth(1) != Some(wanted.as_str()) {
        step(&format!(
            "installing wasm-bindgen-cli {wanted} (the Cargo.lock version)"
        ));
        // Not --locked: its own lock file pins a crate version the registry lacks.
        run(Cmd::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ]))?;
    }
    Ok(())
}

/// twiggy, for `cargo xtask size` only (the other tasks do not need it).
pub fn twiggy() -> Result<(), String> {
    let installed = output("twiggy", &["--version"]).unwrap_or_default();
    if installed.split_whitespace().nth(1) != Some(TWIGGY_VERSION) {
        step(&format!(
            "installing twiggy {TWIGGY_VERSION} (a minute or two, once)"
        ));
        run(Cmd::new("cargo").args([
            "install",
            "twiggy",
            "--version",
            TWIGGY_VERSION,
            "--locked",
        ]))?;
    }
    Ok(())
}

/// The version of the `wasm-bindgen` crate in Cargo.lock.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    lock_version(&lock, "wasm-bindgen").ok_or_else(|| "Cargo.lock has no wasm-bindgen".to_owned())
}

fn lock_version(lock: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines
                .next()?
                .trim()
                .strip_prefix("version = \"")?
                .strip_suffix('"')?;
            return Some(version.to_owned());
        }
    }
    None
}

/// npm packages of `build-tools/` (wasm-opt), `e2e/` (Playwright) and
/// `deploy/edge/` (wrangler, with Cloudflare's workerd), as
/// their package-lock.json pins them.
fn npm_packages() -> Result<(), String> {
    for dir in ["build-tools", "e2e", "deploy/edge"] {
        npm_ci(dir)?;
    }
    Ok(())
}

fn npm_ci(dir: &str) -> Result<(), String> {
    let project = root().join(dir);
    let lock = project.join("package-lock.json");
    let marker = project.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&marker)) {
        (Ok(lock), Ok(marker)) => match (lock.modified(), marker.modified()) {
            (Ok(lock), Ok(marker)) => marker >= lock,
            _ => false,
        },
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    step(&format!("installing the npm packages of {dir}/ (npm ci)"));
    // Playwright drives Debian's Chromium; it must never download a browser.
    run(Cmd::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .dir(project))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_version_of_a_locked_crate() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\n[[package]]\nname = \"wasm-bindgen-futures\"\nversion = \"0.4.1\"\n";
        assert_eq!(
            lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            lock_version(lock, "wasm-bindgen-futures").as_deref(),
            Some("0.4.1")
        );
        assert_eq!(lock_version(lock, "leptos"), None);
    }
}
