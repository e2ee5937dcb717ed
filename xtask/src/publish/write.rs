//! Putting files made by a run in place so that a failure leaves the old
//! ones: each staged first (written below the run's own folder), then all
//! moved into place, the old ones put back if any move fails.

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::PAGES_DIR;

/// Moves every file staged in `stage` (by its file name) to its place
/// (`targets`, below the site), then removes the published pages no longer
/// backed by data. A failure at any step leaves every old file as it was,
/// and nothing of the new ones.
pub fn move_all(site: &Path, stage: &Path, targets: &[PathBuf]) -> Result<(), String> {
    let beside = |target: &Path, suffix: &str| {
        let mut name = target.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        target.with_file_name(name)
    };
    struct Staged {
        temp: PathBuf,
        target: PathBuf,
        backup: PathBuf,
    }
    let staged: Vec<Staged> = targets
        .iter()
        .map(|path| {
            let target = site.join(path);
            Staged {
                temp: stage.join(path.file_name().unwrap_or_default()),
                backup: beside(&target, ".published-before"),
                target,
            }
        })
        .collect();
    let ready = staged.iter().try_for_each(|file| {
        if let Some(dir) = file.target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::metadata(&file.temp).map(drop)
    });
    if let Err(e) = ready {
        return Err(format!(
            "cannot write the published files ({e}); the old ones are unchanged"
        ));
    }
    // Move each old file aside and the new one in; on a failure, undo the
    // moves made so far, newest first.
    let mut moved: Vec<(&Staged, bool)> = Vec::new();
    let mut failure = None;
    for file in &staged {
        let had_old = file.target.exists();
        if had_old {
            if let Err(e) = std::fs::rename(&file.target, &file.backup) {
                failure = Some(format!("cannot move {} aside: {e}", file.target.display()));
                break;
            }
        }
        if let Err(e) = move_file(&file.temp, &file.target) {
            if had_old {
                let _ = std::fs::rename(&file.backup, &file.target);
            }
            failure = Some(format!(
                "cannot move {} into place: {e}",
                file.target.display()
            ));
            break;
        }
        moved.push((file, had_old));
    }
    if let Some(failure) = failure {
        for (file, had_old) in moved.into_iter().rev() {
            let _ = std::fs::remove_file(&file.target);
            if had_old {
                let _ = std::fs::rename(&file.backup, &file.target);
            }
        }
        return Err(format!("{failure}; the old files are unchanged"));
    }
    for file in &staged {
        let _ = std::fs::remove_file(&file.backup);
    }
    let keep: BTreeSet<PathBuf> = staged.into_iter().map(|file| file.target).collect();
    remove_stale(&site.join(PAGES_DIR), &keep);
    Ok(())
}

/// Renames `from` to `to`; where they are on two file systems, copies it
/// beside `to` first, then renames the copy.
fn move_file(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::rename(from, to) {
        Err(e) if e.kind() == ErrorKind::CrossesDevices => {
            let mut temp = to.as_os_str().to_owned();
            temp.push(".publishing");
            let temp = PathBuf::from(temp);
            std::fs::copy(from, &temp)?;
            std::fs::rename(&temp, to).inspect_err(|_| {
                let _ = std::fs::remove_file(&temp);
            })
        }
        moved => moved,
    }
}

/// Removes files under `dir` that are not in `keep` (pages of articles or
/// partners that are gone), and directories left empty.
fn remove_stale(dir: &Path, keep: &BTreeSet<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            remove_stale(&path, keep);
            let _ = std::fs::remove_dir(&path);
        } else if !keep.contains(&path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_that_fails_puts_every_old_file_back() {
        let site = std::env::temp_dir().join(format!("publish-write-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&site);
        std::fs::create_dir_all(site.join("pages/ja")).unwrap();
        std::fs::write(site.join("feed.xml"), "old feed").unwrap();
        std::fs::write(site.join("pages/ja/index.html"), "old page").unwrap();
        // The third file cannot be moved aside: where its old copy would go
        // is taken by a folder that is not empty.
        std::fs::create_dir_all(site.join("sitemap.xml")).unwrap();
        std::fs::write(site.join("sitemap.xml/x"), "").unwrap();
        std::fs::create_dir_all(site.join("sitemap.xml.published-before/y")).unwrap();
        let files = [
            (PathBuf::from("feed.xml"), "new feed"),
            (PathBuf::from("pages/ja/index.html"), "new page"),
            (PathBuf::from("sitemap.xml"), "new sitemap"),
            (PathBuf::from("robots.txt"), "new robots"),
        ];
        let stage = site.join(".publish/readings");
        std::fs::create_dir_all(&stage).unwrap();
        for (path, text) in &files {
            std::fs::write(stage.join(path.file_name().unwrap()), text).unwrap();
        }
        let targets: Vec<PathBuf> = files.iter().map(|(path, _)| path.clone()).collect();
        let error = move_all(&site, &stage, &targets).unwrap_err();
        assert!(error.contains("sitemap.xml"), "{error}");
        let read = |p: &str| std::fs::read_to_string(site.join(p)).unwrap();
        assert_eq!(read("feed.xml"), "old feed");
        assert_eq!(read("pages/ja/index.html"), "old page");
        assert!(!site.join("robots.txt").exists());
        for leftover in [
            "feed.xml.publishing",
            "feed.xml.published-before",
            "robots.txt.publishing",
        ] {
            assert!(!site.join(leftover).exists(), "{leftover}");
        }
        std::fs::remove_dir_all(&site).unwrap();
    }
}
