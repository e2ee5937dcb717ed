//! The Content-Security-Policy hashes of the inline scripts Trunk writes
//! into index.html (its loader), so the policy can allow exactly those.

use std::path::Path;

use sha2::{Digest, Sha384};

pub const PLACEHOLDER: &str = "__TRUNK_LOADER_HASHES__";

/// `'sha384-…'` for every inline `<script>` (one without `src`) in the page.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        let body = &after[body_start..body_start + close];
        if !tag.contains(" src=") && !body.trim().is_empty() {
            hashes.push(format!("'{}'", crate::split::integrity(body.as_bytes())));
        }
        rest = &after[body_start + close..];
    }
    hashes
}

/// The deploy config with the hashes of `site/index.html` filled in.
pub fn fill(config: &str, site: &Path) -> Result<String, String> {
    let index = site.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let hashes = inline_script_hashes(&html);
    if hashes.is_empty() {
        return Err(format!(
            "{} has no inline loader script to allow",
            index.display()
        ));
    }
    Ok(config.replace(PLACEHOLDER, &hashes.join(" ")))
}

/// Writes a digest of the built index.html (which names every hashed asset)
/// into `dist/sw.js`, so that each build installs a new service worker.
pub fn version_service_worker(dist: &Path) -> Result<(), String> {
    let read = |name: &str| {
        std::fs::read_to_string(dist.join(name))
            .map_err(|e| format!("cannot read dist/{name}: {e}"))
    };
    let index = read("index.html")?;
    let digest = Sha384::digest(index.as_bytes());
    let version: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let worker = read("sw.js")?;
    if !worker.contains("__BUILD_ID__") {
        return Err("dist/sw.js has no __BUILD_ID__ to fill".into());
    }
    std::fs::write(dist.join("sw.js"), worker.replace("__BUILD_ID__", &version))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<head><script type="module">import init from '/a.js';
await init();</script><script src="/b.js"></script></head>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        // sha384 of the exact script text, base64: what browsers compute.
        let expected = Sha384::digest(b"import init from '/a.js';\nawait init();");
        assert_eq!(
            hashes[0],
            format!(
                "'sha384-{}'",
                base64::engine::general_purpose::STANDARD.encode(expected)
            )
        );
    }
}
