//! What the vendor check reads from manifests: a crate's name and version
//! from its Cargo.toml, and the `[[package]]` entries of Cargo.lock (plain
//! TOML strings only, as Cargo writes them).

/// A crate as the registry knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Package {
    pub(super) name: String,
    pub(super) version: String,
}

impl Package {
    /// The name of the top directory in the `.crate` archive, which is also
    /// the archive's name without `.crate`.
    pub(super) fn release_name(&self) -> String {
        format!("{}-{}", self.name, self.version)
    }

    pub(super) fn download_url(&self) -> String {
        format!(
            "https://static.crates.io/crates/{}/{}.crate",
            self.name,
            self.release_name()
        )
    }
}

/// One `[[package]]` entry of Cargo.lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LockedPackage {
    pub(super) name: String,
    pub(super) version: String,
    /// `None` for path crates, which is what a `[patch.crates-io]` entry
    /// pointing into `vendor/` makes.
    pub(super) source: Option<String>,
}

/// The crate's name and version from the `[package]` section of a
/// Cargo.toml (as published crates have it: plain strings, no workspace
/// inheritance).
pub(super) fn package_of_manifest(manifest: &str) -> Result<Package, String> {
    let mut section = "";
    let mut name = None;
    let mut version = None;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        if section != "[package]" {
            continue;
        }
        match key_and_value(line) {
            Some(("name", value)) => name = Some(quoted_string(value)?),
            Some(("version", value)) => version = Some(quoted_string(value)?),
            _ => {}
        }
    }
    match (name, version) {
        (Some(name), Some(version)) => Ok(Package { name, version }),
        (None, _) => Err("no `name = \"…\"` in its [package] section".to_owned()),
        (_, None) => Err("no `version = \"…\"` in its [package] section".to_owned()),
    }
}

/// The `[[package]]` entries of a Cargo.lock. An entry whose name or
/// version is not a plain string is left out, which the caller reports as
/// "not found".
pub(super) fn locked_packages(lock: &str) -> Vec<LockedPackage> {
    let mut packages = Vec::new();
    let mut current: Option<LockedPackage> = None;
    let mut finish = |entry: Option<LockedPackage>| {
        if let Some(entry) = entry.filter(|e| !e.name.is_empty() && !e.version.is_empty()) {
            packages.push(entry);
        }
    };
    for line in lock.lines().map(str::trim) {
        if line.starts_with('[') {
            // A new entry, or another table (such as [metadata]) that ends
            // the one before.
            let next = (line == "[[package]]").then(|| LockedPackage {
                name: String::new(),
                version: String::new(),
                source: None,
            });
            finish(std::mem::replace(&mut current, next));
            continue;
        }
        let (Some(entry), Some((key, value))) = (current.as_mut(), key_and_value(line)) else {
            continue;
        };
        let value = quoted_string(value).unwrap_or_default();
        match key {
            "name" => entry.name = value,
            "version" => entry.version = value,
            "source" => entry.source = Some(value),
            _ => {}
        }
    }
    finish(current);
    packages
}

/// Checks that Cargo.lock uses the vendored crate: an entry with its name and
/// version and no `source` (a path crate, as `[patch.crates-io]` makes).
pub(super) fn check_locked(lock: &str, package: &Package) -> Result<(), String> {
    let same_name: Vec<LockedPackage> = locked_packages(lock)
        .into_iter()
        .filter(|locked| locked.name == package.name)
        .collect();
    if same_name
        .iter()
        .any(|locked| locked.version == package.version && locked.source.is_none())
    {
        return Ok(());
    }
    if same_name.is_empty() {
        return Err(format!(
            "Cargo.lock has no package {}: nothing uses this vendored crate \
             (is its [patch.crates-io] entry gone?)",
            package.name
        ));
    }
    let locked: Vec<String> = same_name
        .iter()
        .map(|locked| match &locked.source {
            Some(source) => format!("{} from {source}", locked.version),
            None => format!("{} from a path", locked.version),
        })
        .collect();
    Err(format!(
        "Cargo.lock locks {} {} but not {} from vendor/ (a [[package]] entry without a source): \
         the vendored crate is not the one in use. After a version bump, vendor the locked \
         release and apply PATCHED.diff to it again (see PATCHED.md).",
        package.name,
        locked.join(", "),
        package.version
    ))
}

/// `key = value` with both sides trimmed, for TOML lines of plain keys.
fn key_and_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once('=')?;
    Some((key.trim(), value.trim()))
}

/// The contents of a basic TOML string without escapes, as crate names,
/// versions and sources are; anything after the closing quote (a comment)
/// is ignored.
fn quoted_string(value: &str) -> Result<String, String> {
    value
        .strip_prefix('"')
        .and_then(|rest| rest.split_once('"'))
        .map(|(contents, _)| contents.to_owned())
        .filter(|contents| !contents.contains('\\'))
        .ok_or_else(|| format!("`{value}` is not a plain quoted string"))
}
