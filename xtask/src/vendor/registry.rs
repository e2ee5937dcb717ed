//! The registry's release of a vendored crate: its `.crate` archive from
//! Cargo's download cache or from crates.io, unpacked for the comparison.

use std::path::{Path, PathBuf};

use super::manifests::Package;
use super::{path_text, run_captured};
use crate::shell::{run, Cmd};

/// The registry's `.crate` for `package`: from Cargo's download cache when
/// Cargo has it, else from `downloads`, downloaded there from crates.io when
/// missing.
pub(super) fn pristine_archive(package: &Package, downloads: &Path) -> Result<PathBuf, String> {
    let file = format!("{}.crate", package.release_name());
    if let Some(cached) = cargo_cache_dirs()
        .into_iter()
        .map(|dir| dir.join(&file))
        .find(|path| path.is_file())
    {
        return Ok(cached);
    }
    let downloaded = downloads.join(&file);
    if downloaded.is_file() {
        return Ok(downloaded);
    }
    std::fs::create_dir_all(downloads)
        .map_err(|e| format!("cannot create {}: {e}", downloads.display()))?;
    // Downloaded under another name and renamed when complete, so an
    // interrupted download is never taken for the crate.
    let partial = downloads.join(format!("{file}.part-{}", std::process::id()));
    run(Cmd::new("curl")
        .args(["--fail", "--silent", "--show-error", "--location"])
        .args(["--retry", "2", "--output"])
        .args([path_text(&partial)?, &package.download_url()]))
    .map_err(|problem| {
        let _ = std::fs::remove_file(&partial);
        format!(
            "cannot download {} {} from crates.io: {problem}",
            package.name, package.version
        )
    })?;
    std::fs::rename(&partial, &downloaded)
        .map_err(|e| format!("cannot rename {}: {e}", partial.display()))?;
    Ok(downloaded)
}

/// The directories of Cargo's registry cache (`$CARGO_HOME/registry/cache/*/`).
fn cargo_cache_dirs() -> Vec<PathBuf> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    let Some(cache) = cargo_home.map(|home| home.join("registry/cache")) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(cache)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// Unpacks `archive` into `unpack_into/<name>-<version>/`, replacing what was
/// there, and returns that directory.
pub(super) fn unpack(
    archive: &Path,
    package: &Package,
    unpack_into: &Path,
) -> Result<PathBuf, String> {
    let unpacked = unpack_into.join(package.release_name());
    if unpacked.exists() {
        std::fs::remove_dir_all(&unpacked)
            .map_err(|e| format!("cannot clear {}: {e}", unpacked.display()))?;
    }
    std::fs::create_dir_all(unpack_into)
        .map_err(|e| format!("cannot create {}: {e}", unpack_into.display()))?;
    run_captured(
        Cmd::new("tar").args(["-xzf", path_text(archive)?, "-C", path_text(unpack_into)?]),
        "tar",
    )
    .map_err(|problem| {
        format!(
            "cannot unpack {} (delete it if it is damaged): {problem}",
            archive.display()
        )
    })?;
    if !unpacked.is_dir() {
        return Err(format!(
            "{} has no top directory {}/",
            archive.display(),
            package.release_name()
        ));
    }
    Ok(unpacked)
}
