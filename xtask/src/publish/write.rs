//! Writing the published files so that a failure leaves the old ones:
//! each beside its old self first, then all renamed into place.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::PAGES_DIR;

/// Writes every file beside its old self, then renames them all into
/// place, then removes the published pages no longer backed by data. A
/// failure while writing removes what was written and leaves the old files.
pub fn write_all(site: &Path, files: &[(PathBuf, String)]) -> Result<(), String> {
    let staged: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .map(|(path, _)| {
            let target = site.join(path);
            let mut name = target.file_name().unwrap_or_default().to_os_string();
            name.push(".publishing");
            (target.with_file_name(name), target)
        })
        .collect();
    let written = staged
        .iter()
        .zip(files)
        .try_for_each(|((temp, _), (_, text))| {
            if let Some(dir) = temp.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(temp, text)
        });
    if let Err(e) = written {
        for (temp, _) in &staged {
            let _ = std::fs::remove_file(temp);
        }
        return Err(format!(
            "cannot write the published files ({e}); the old ones are unchanged"
        ));
    }
    for (temp, target) in &staged {
        std::fs::rename(temp, target)
            .map_err(|e| format!("cannot move {} into place: {e}", target.display()))?;
    }
    let keep: BTreeSet<PathBuf> = staged.into_iter().map(|(_, target)| target).collect();
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
