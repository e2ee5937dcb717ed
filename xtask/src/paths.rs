//! The two kinds of `target` directory xtask uses, kept apart:
//!
//! - cargo's target directory, where cargo (and Trunk, which runs cargo)
//!   puts what it builds. It is wherever cargo says: `target/` under the
//!   checkout, or `CARGO_TARGET_DIR` / `CARGO_BUILD_TARGET_DIR` /
//!   `build.target-dir` (a target directory shared between checkouts, as CI
//!   often has). [`cargo_target_dir`] asks cargo; every path into it comes
//!   from there.
//! - xtask's own scratch directories, [`scratch`]: `target/{name}` under
//!   the checkout whatever cargo's is (the e2e, bench and soak sites, the
//!   nginx configs, the deploy config, the split's work, the size report,
//!   the vendor check, and `target/css`, whose path `index.html` names for
//!   Trunk). Nothing cargo builds is read from them.

use std::path::PathBuf;
use std::process::Command;

use crate::root;

/// Cargo's target directory, as cargo resolves it for this workspace.
pub fn cargo_target_dir() -> Result<PathBuf, String> {
    target_dir_with(|_| {})
}

/// xtask's own scratch directory `target/{name}` under the checkout.
pub fn scratch(name: &str) -> PathBuf {
    root().join("target").join(name)
}

/// `cargo metadata`'s `target_directory`, cargo's environment changed by
/// `environment` (for the tests).
fn target_dir_with(environment: impl FnOnce(&mut Command)) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(&cargo);
    command
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root());
    environment(&mut command);
    let output = command
        .output()
        .map_err(|e| format!("could not run `cargo metadata`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo metadata` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    target_directory(&output.stdout)
}

/// The `target_directory` of `cargo metadata --format-version 1` output.
fn target_directory(metadata: &[u8]) -> Result<PathBuf, String> {
    let metadata: serde_json::Value = serde_json::from_slice(metadata)
        .map_err(|e| format!("`cargo metadata` did not answer JSON: {e}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "`cargo metadata` named no target_directory".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_says_where_its_target_directory_is() {
        let shared = std::env::temp_dir().join("xtask-shared-target");
        let shared = shared.to_str().unwrap();
        let unset = |command: &mut Command| {
            command
                .env_remove("CARGO_TARGET_DIR")
                .env_remove("CARGO_BUILD_TARGET_DIR");
        };
        for variable in ["CARGO_TARGET_DIR", "CARGO_BUILD_TARGET_DIR"] {
            let dir = target_dir_with(|command| {
                unset(command);
                command.env(variable, shared);
            });
            assert_eq!(dir.unwrap(), PathBuf::from(shared), "{variable}");
        }
        assert_eq!(target_dir_with(unset).unwrap(), root().join("target"));
    }

    #[test]
    fn the_metadata_is_read_for_its_target_directory() {
        let json = br#"{"packages": [], "target_directory": "/ci/target", "version": 1}"#;
        assert_eq!(target_directory(json).unwrap(), PathBuf::from("/ci/target"));
        assert!(target_directory(b"{}").is_err());
        assert!(target_directory(b"not json").is_err());
    }
}
