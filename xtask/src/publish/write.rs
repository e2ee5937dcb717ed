//! Writing the published files so that a failure leaves the old ones:
//! each beside its old self first, then all moved into place, the old ones
//! put back if any move fails.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::PAGES_DIR;

/// Writes every file beside its old self, then moves them all into place,
/// then removes the published pages no longer backed by data. A failure at
/// any step leaves every old file as it was, and nothing of the new ones.
pub fn write_all(site: &Path, files: &[(PathBuf, String)]) -> Result<(), String> {
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
    let staged: Vec<Staged> = files
        .iter()
        .map(|(path, _)| {
            let target = site.join(path);
            Staged {
                temp: beside(&target, ".publishing"),
                backup: beside(&target, ".published-before"),
                target,
            }
        })
        .collect();
    let written = staged.iter().zip(files).try_for_each(|(file, (_, text))| {
        if let Some(dir) = file.temp.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&file.temp, text)
    });
    if let Err(e) = written {
        for file in &staged {
            let _ = std::fs::remove_file(&file.temp);
        }
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
        if let Err(e) = std::fs::rename(&file.temp, &file.target) {
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
        for file in &staged {
            let _ = std::fs::remove_file(&file.temp);
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
            (PathBuf::from("feed.xml"), "new feed".to_owned()),
            (PathBuf::from("pages/ja/index.html"), "new page".to_owned()),
            (PathBuf::from("sitemap.xml"), "new sitemap".to_owned()),
            (PathBuf::from("robots.txt"), "new robots".to_owned()),
        ];
        let error = write_all(&site, &files).unwrap_err();
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
