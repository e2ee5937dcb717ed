//! The crates in `vendor/` are the registry's crates with a small patch: each
//! `vendor/<crate>/` must equal the crates.io release of the version Cargo.lock
//! names, with its `PATCHED.diff` applied. This fails when someone edits
//! `vendor/` without updating the diff, or bumps the version without applying
//! the diff to the new release.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::root;
use crate::shell::Cmd;

mod manifests;
mod registry;
use manifests::{check_locked, package_of_manifest};
#[cfg(test)]
use manifests::{locked_packages, LockedPackage, Package};
use registry::{pristine_archive, unpack};

/// The files of a vendored crate that are ours, not the registry's: they are
/// left out of the diff and of the comparison.
const OWN_FILES: [&str; 2] = ["PATCHED.md", "PATCHED.diff"];

/// How many differing files an error names before it only counts the rest.
const NAMED_DIFFERENCES: usize = 5;

/// Checks every crate in `vendor/` against Cargo.lock and the registry, with
/// the pristine crates downloaded and unpacked into `target/vendor-check/`.
pub fn check() -> Result<(), String> {
    let root = root();
    let lock = read_text(&root.join("Cargo.lock"))?;
    let work = crate::paths::scratch("vendor-check");
    check_vendored(&root.join("vendor"), &lock, &work, &work)
}

/// A file that is not the same in the registry's crate with the diff applied
/// ("patched") and in `vendor/` ("vendored"), by path relative to the crate.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Difference {
    Differs(PathBuf),
    OnlyPatched(PathBuf),
    OnlyVendored(PathBuf),
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Differs(path) => write!(f, "{} differs", path.display()),
            Difference::OnlyPatched(path) => write!(
                f,
                "{} is missing from vendor/ (the registry's crate with PATCHED.diff has it)",
                path.display()
            ),
            Difference::OnlyVendored(path) => write!(
                f,
                "{} is only in vendor/ (not in the registry's crate with PATCHED.diff)",
                path.display()
            ),
        }
    }
}

/// Checks each crate directory in `vendor` against `lock` (the text of
/// Cargo.lock). Pristine `.crate` files are looked for in Cargo's cache, then
/// in `downloads` (downloaded there when missing); they are unpacked and
/// patched below `unpack_into`. Every crate is checked; the error lists each
/// one that fails.
fn check_vendored(
    vendor: &Path,
    lock: &str,
    downloads: &Path,
    unpack_into: &Path,
) -> Result<(), String> {
    let mut failures = Vec::new();
    for crate_dir in subdirectories(vendor)? {
        match check_crate(&crate_dir, lock, downloads, unpack_into) {
            Ok(summary) => println!("{summary}"),
            Err(message) => failures.push(message),
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n\n"))
    }
}

/// Checks one vendored crate; returns a one-line summary when it passes.
fn check_crate(
    crate_dir: &Path,
    lock: &str,
    downloads: &Path,
    unpack_into: &Path,
) -> Result<String, String> {
    let label = format!("vendor/{}", file_name(crate_dir));
    let manifest = read_text(&crate_dir.join("Cargo.toml"))?;
    let package = package_of_manifest(&manifest)
        .map_err(|problem| format!("{label}/Cargo.toml: {problem}"))?;
    check_locked(lock, &package).map_err(|problem| format!("{label}: {problem}"))?;
    let diff = crate_dir.join("PATCHED.diff");
    if !diff.is_file() {
        return Err(format!(
            "{label} has no PATCHED.diff: every vendored crate is the registry's plus a diff \
             (see its PATCHED.md for how to write it)"
        ));
    }
    let archive = pristine_archive(&package, downloads)?;
    let patched = unpack(&archive, &package, unpack_into)?;
    apply_diff(&patched, &diff).map_err(|problem| {
        format!(
            "cannot apply {label}/PATCHED.diff to {} from crates.io: {problem}",
            package.release_name()
        )
    })?;
    let (differences, files) = compare_trees(&patched, crate_dir)?;
    if differences.is_empty() {
        return Ok(format!(
            "{label}: {} {} from crates.io with PATCHED.diff applied, {files} files identical",
            package.name, package.version
        ));
    }
    let mut message = format!(
        "{label} is not {} {} from crates.io with its PATCHED.diff applied \
         ({} file(s); the patched copy is in {}):",
        package.name,
        package.version,
        differences.len(),
        patched.display()
    );
    for difference in differences.iter().take(NAMED_DIFFERENCES) {
        message.push_str(&format!("\n  {difference}"));
    }
    if differences.len() > NAMED_DIFFERENCES {
        message.push_str(&format!(
            "\n  …and {} more",
            differences.len() - NAMED_DIFFERENCES
        ));
    }
    message.push_str(&format!(
        "\nIf the change to {label} is meant, regenerate its PATCHED.diff as its PATCHED.md says."
    ));
    Err(message)
}

/// Applies the unified diff `diff` with `patch -p1` inside `dir`. Hunks that
/// look reversed or already applied count as failures, and nothing is left
/// behind (no backups, no .rej files).
fn apply_diff(dir: &Path, diff: &Path) -> Result<(), String> {
    let diff_text = read_text(diff)?;
    if diff_text.trim().is_empty() {
        return Ok(());
    }
    let diff =
        std::path::absolute(diff).map_err(|e| format!("cannot resolve {}: {e}", diff.display()))?;
    run_captured(
        Cmd::new("patch")
            .args(["-p1", "--batch", "--forward", "--no-backup-if-mismatch"])
            .args(["--reject-file=-", "--input", path_text(&diff)?])
            .dir(dir),
        "patch",
    )
}

/// Runs a command with its output captured; on failure the error holds what
/// it printed. `program` is the command's program, which is also the name of
/// the Debian package that installs it.
fn run_captured(cmd: Cmd, program: &str) -> Result<(), String> {
    let output = cmd.command().output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            format!("the `{program}` command is missing (Debian: apt-get install {program})")
        } else {
            format!("could not start `{}`: {e}", cmd.describe())
        }
    })?;
    if output.status.success() {
        return Ok(());
    }
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Err(format!(
        "`{}` failed ({}):\n{}",
        cmd.describe(),
        output.status,
        printed.trim_end()
    ))
}

/// Compares two directory trees file by file, in both directions, leaving
/// out [`OWN_FILES`] at their tops. Returns the differences in path order
/// and how many files were compared.
fn compare_trees(patched: &Path, vendored: &Path) -> Result<(Vec<Difference>, usize), String> {
    let patched_files = files_below(patched)?;
    let vendored_files = files_below(vendored)?;
    let mut differences = Vec::new();
    for path in patched_files.union(&vendored_files) {
        let difference = match (patched_files.contains(path), vendored_files.contains(path)) {
            (true, false) => Some(Difference::OnlyPatched(path.clone())),
            (false, true) => Some(Difference::OnlyVendored(path.clone())),
            _ => (read_bytes(&patched.join(path))? != read_bytes(&vendored.join(path))?)
                .then(|| Difference::Differs(path.clone())),
        };
        differences.extend(difference);
    }
    Ok((differences, patched_files.union(&vendored_files).count()))
}

/// Every file below `dir`, as paths relative to it, without [`OWN_FILES`]
/// at the top.
fn files_below(dir: &Path) -> Result<BTreeSet<PathBuf>, String> {
    let mut files = BTreeSet::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let absolute = dir.join(&relative);
        let entries = std::fs::read_dir(&absolute)
            .map_err(|e| format!("cannot list {}: {e}", absolute.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot list {}: {e}", absolute.display()))?;
            let path = relative.join(entry.file_name());
            if entry.path().is_dir() {
                pending.push(path);
            } else if !(relative.as_os_str().is_empty()
                && OWN_FILES.iter().any(|own| path.as_os_str() == *own))
            {
                files.insert(path);
            }
        }
    }
    Ok(files)
}

/// The directories directly in `dir`, sorted.
fn subdirectories(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        if entry.path().is_dir() {
            dirs.push(entry.path());
        }
    }
    dirs.sort();
    Ok(dirs)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn path_text(path: &Path) -> Result<&str, String> {
    path.to_str()
        .ok_or_else(|| format!("{} is not valid UTF-8", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// The tests that fetch and unpack the registry's crates share
    /// `target/vendor-check/`, so they take turns.
    static REGISTRY_CRATES: Mutex<()> = Mutex::new(());

    /// A fresh, empty directory for one test.
    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("vendor-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn write(path: &Path, contents: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    #[test]
    fn reads_name_and_version_from_the_package_section_only() {
        let manifest = "# generated by cargo\n\n[package]\nedition = \"2021\"\n\
                        name = \"leptos_router\"\nversion = \"0.8.17\" # the release\n\
                        build = \"build.rs\"\n\n[dependencies.either_of]\nversion = \"0.1.6\"\n\n\
                        [lints.rust]\nunused = \"allow\"\n";
        assert_eq!(
            package_of_manifest(manifest),
            Ok(Package {
                name: "leptos_router".to_owned(),
                version: "0.8.17".to_owned(),
            })
        );
        // A version outside [package] is not the crate's.
        let no_version = "[package]\nname = \"a\"\n\n[dependencies.b]\nversion = \"1\"\n";
        assert!(package_of_manifest(no_version)
            .unwrap_err()
            .contains("no `version"));
        // An inherited version is not a published crate's.
        let inherited = "[package]\nname = \"a\"\nversion.workspace = true\n";
        assert!(package_of_manifest(inherited).is_err());
        let unquoted = "[package]\nname = a\nversion = \"1\"\n";
        assert!(package_of_manifest(unquoted)
            .unwrap_err()
            .contains("not a plain quoted string"));
    }

    const LOCK: &str = "# This file is automatically @generated by Cargo.\nversion = 4\n\n\
        [[package]]\nname = \"leptos_router\"\nversion = \"0.8.17\"\ndependencies = [\n \
        \"any_spawner\",\n \"url 2.5.4 (git+https://example.com/url?branch=main#abc)\",\n]\n\n\
        [[package]]\nname = \"reactive_graph\"\nversion = \"0.2.16\"\n\
        source = \"registry+https://github.com/rust-lang/crates.io-index\"\n\
        checksum = \"00\"\n\n[metadata]\nname = \"not a package\"\nversion = \"9\"\n";

    #[test]
    fn reads_the_entries_of_a_lock_file() {
        assert_eq!(
            locked_packages(LOCK),
            vec![
                LockedPackage {
                    name: "leptos_router".to_owned(),
                    version: "0.8.17".to_owned(),
                    source: None,
                },
                LockedPackage {
                    name: "reactive_graph".to_owned(),
                    version: "0.2.16".to_owned(),
                    source: Some(
                        "registry+https://github.com/rust-lang/crates.io-index".to_owned()
                    ),
                },
            ]
        );
    }

    #[test]
    fn a_vendored_crate_must_be_locked_as_a_path_crate_of_its_version() {
        let package = |name: &str, version: &str| Package {
            name: name.to_owned(),
            version: version.to_owned(),
        };
        assert_eq!(
            check_locked(LOCK, &package("leptos_router", "0.8.17")),
            Ok(())
        );
        // Bumped in vendor/ but not in Cargo.lock (or the other way round).
        let bumped = check_locked(LOCK, &package("leptos_router", "0.8.18")).unwrap_err();
        assert!(bumped.contains("locks leptos_router 0.8.17 from a path but not 0.8.18"));
        // Locked from the registry: the patch is not in use.
        let unpatched = check_locked(LOCK, &package("reactive_graph", "0.2.16")).unwrap_err();
        assert!(unpatched.contains("0.2.16 from registry+https://"));
        let unused = check_locked(LOCK, &package("leptos", "0.8.0")).unwrap_err();
        assert!(unused.contains("no package leptos"));
    }

    #[test]
    fn compares_trees_file_by_file_in_both_directions() {
        let dir = scratch_dir("compare");
        let (patched, vendored) = (dir.join("patched"), dir.join("vendored"));
        for tree in [&patched, &vendored] {
            write(&tree.join("Cargo.toml"), "[package]\n");
            write(&tree.join("src/lib.rs"), "pub fn f() {}\n");
        }
        // Our own files at the top are left out.
        write(&vendored.join("PATCHED.md"), "notes");
        write(&vendored.join("PATCHED.diff"), "diff");
        assert_eq!(compare_trees(&patched, &vendored), Ok((Vec::new(), 2)));

        write(&vendored.join("src/lib.rs"), "pub fn f() { }\n");
        write(&patched.join("src/gone.rs"), "");
        write(&vendored.join("Cargo.lock"), "");
        // Only at the top are they ours.
        write(&vendored.join("src/PATCHED.md"), "");
        let (differences, files) = compare_trees(&patched, &vendored).unwrap();
        assert_eq!(
            differences,
            vec![
                Difference::OnlyVendored(PathBuf::from("Cargo.lock")),
                Difference::OnlyVendored(PathBuf::from("src/PATCHED.md")),
                Difference::OnlyPatched(PathBuf::from("src/gone.rs")),
                Difference::Differs(PathBuf::from("src/lib.rs")),
            ]
        );
        assert_eq!(files, 5);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn applies_a_unified_diff_with_patch() {
        let dir = scratch_dir("apply");
        write(&dir.join("src/lib.rs"), "one\ntwo\n");
        write(
            &dir.join("change.diff"),
            "--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n",
        );
        apply_diff(&dir, &dir.join("change.diff")).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("src/lib.rs")).unwrap(),
            "one\nthree\n"
        );
        // Applied a second time it no longer fits, which is an error.
        let again = apply_diff(&dir, &dir.join("change.diff")).unwrap_err();
        assert!(again.contains("failed"), "{again}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The real tree: each crate in vendor/ is the registry's with its diff
    /// (downloads the crates into target/vendor-check/ the first time).
    #[test]
    fn the_vendored_crates_are_the_registrys_with_their_diffs() {
        let _turn = REGISTRY_CRATES.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(message) = check() {
            panic!("{message}");
        }
    }

    /// A copy of vendor/ with one line edited, or Cargo.lock naming another
    /// version of a vendored crate, fails the check.
    #[test]
    fn an_edit_without_the_diff_or_a_version_bump_fails() {
        let _turn = REGISTRY_CRATES.lock().unwrap_or_else(|e| e.into_inner());
        let root = root();
        let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
        let downloads = crate::paths::scratch("vendor-check");
        let dir = scratch_dir("edited");
        let vendor = dir.join("vendor");
        crate::shell::copy_dir(&root.join("vendor"), &vendor).unwrap();
        let unpack_into = dir.join("unpacked");
        check_vendored(&vendor, &lock, &downloads, &unpack_into).unwrap();

        let first_crate = subdirectories(&vendor).unwrap().remove(0);
        let label = format!("vendor/{}", file_name(&first_crate));
        let lib = first_crate.join("src/lib.rs");
        let source = std::fs::read_to_string(&lib).unwrap();
        std::fs::write(&lib, format!("// An edit without the diff.\n{source}")).unwrap();
        let error = check_vendored(&vendor, &lock, &downloads, &unpack_into).unwrap_err();
        assert!(error.starts_with(&format!("{label} is not ")), "{error}");
        assert!(error.contains("\n  src/lib.rs differs\n"), "{error}");
        // Only the edited crate fails.
        assert_eq!(error.matches(" is not ").count(), 1, "{error}");
        std::fs::write(&lib, source).unwrap();

        let manifest = std::fs::read_to_string(first_crate.join("Cargo.toml")).unwrap();
        let package = package_of_manifest(&manifest).unwrap();
        let entry = format!(
            "name = \"{}\"\nversion = \"{}\"",
            package.name, package.version
        );
        let bumped_entry = format!(
            "name = \"{}\"\nversion = \"{}-next\"",
            package.name, package.version
        );
        let bumped_lock = lock.replacen(&entry, &bumped_entry, 1);
        assert_ne!(bumped_lock, lock, "Cargo.lock has no entry {entry}");
        let error = check_vendored(&vendor, &bumped_lock, &downloads, &unpack_into).unwrap_err();
        let expected = format!(
            "{label}: Cargo.lock locks {} {}-next from a path but not {}",
            package.name, package.version, package.version
        );
        assert!(error.starts_with(&expected), "{error}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
