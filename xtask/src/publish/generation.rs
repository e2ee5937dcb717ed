//! The published folder of a site, replaced as a whole: a site is never
//! half published, whatever happens to a run (an error, `kill -9`, a full
//! disk, the machine going down), and two runs never publish at once.
//!
//! A run takes the site's lock, then builds the next generation of
//! `published/` in `.publish/next/`: every current file is hard-linked
//! there (no bytes copied, and a file left as it is keeps its inode and
//! modification time), and only the files that change are written (each to
//! a temporary name, then renamed over its link, so the live file is never
//! touched). The finished generation is exchanged with the live one in one
//! step (`renameat2(RENAME_EXCHANGE)`), and the old one kept as the spare
//! (`.publish/spare/`): the next run starts from it, linking again only the
//! files whose records differ from the live ones, instead of every file
//! (61,000 links took 8 of a 10,000-article edit's 11 seconds, perf). A run
//! that stops before the exchange leaves the live site as it was; the next
//! run clears what it left (a spare being brought up to date is `next/`,
//! so it is cleared too, and that run links every file).

use std::collections::{BTreeSet, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::records::Records;
use crate::compress;

/// What publish writes, below the site (see deploy/nginx.conf).
pub const PUBLISHED: &str = crate::deploy::PUBLISHED_DIR;
/// Publish's own files below the site: the lock and the generation being
/// built. Never served (the server refuses paths with a dot segment).
const WORK: &str = ".publish";
const LOCK: &str = "lock";
const NEXT: &str = "next";
/// Where the live generation is moved where an exchange cannot be done in
/// one step (see [`exchange`]).
const PREVIOUS: &str = "previous";
/// The generation before the live one, to start the next from.
const SPARE: &str = "spare";
/// A second link to each file a run writes, made as it is written (its
/// inode still at hand, so cheaply): when the run writes every file of its
/// generation (the first run, a new build), this is the next spare, and
/// the next run need not link every file again.
const SPARE_NEXT: &str = "spare-next";
/// The readings files a run has made, staged until it publishes (then
/// moved beside their articles): a run that fails or is stopped leaves
/// them here, never in `data/`, and the next run clears them.
const READINGS: &str = "readings";
/// Inside each generation: what each of its files was made from
/// (`records.rs`), so that it is replaced with them, in the same step.
pub const RECORDS: &str = ".records";

/// The site, held by this run of publish until it is dropped.
pub struct SiteLock {
    site: PathBuf,
    _lock: File,
}

/// The sites whose lock this process holds now.
static HELD_HERE: std::sync::Mutex<BTreeSet<PathBuf>> = std::sync::Mutex::new(BTreeSet::new());

fn held_here(site: &Path) -> bool {
    HELD_HERE.lock().map_or(true, |sites| sites.contains(site))
}

impl Drop for SiteLock {
    fn drop(&mut self) {
        if let Ok(mut sites) = HELD_HERE.lock() {
            sites.remove(&self.site);
        }
    }
}

impl SiteLock {
    /// Takes the site's publish lock, or says which run holds it. Clears
    /// what an earlier run that was stopped left behind.
    pub fn take(site: &Path) -> Result<Self, String> {
        let work = site.join(WORK);
        std::fs::create_dir_all(&work)
            .map_err(|e| format!("cannot create {}: {e}", work.display()))?;
        let path = work.join(LOCK);
        let mut lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(&path).unwrap_or_default();
                let holder = holder.trim();
                // The holder is this process, whose run has ended: a child
                // it is starting (MeCab, for a run of another site) holds a
                // copy of the lock between its fork and its exec, for a
                // moment. Wait for that moment to end.
                if holder.starts_with(&format!("pid {},", std::process::id())) && !held_here(site) {
                    lock.lock()
                        .map_err(|e| format!("cannot lock {}: {e}", path.display()))?;
                } else {
                    return Err(format!(
                        "another publish of {} is running ({}); nothing was changed. \
                     Wait for it to finish, or stop it.",
                        site.display(),
                        if holder.is_empty() {
                            "it holds the site's lock"
                        } else {
                            holder
                        }
                    ));
                }
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(format!("cannot lock {}: {e}", path.display()));
            }
        }
        // The lock is the file's, not its text: the text only says who holds it.
        let _ = lock.set_len(0);
        let _ = writeln!(
            lock,
            "pid {}, started {} (unix time)",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        );
        if let Ok(mut sites) = HELD_HERE.lock() {
            sites.insert(site.to_path_buf());
        }
        let held = Self {
            site: site.to_path_buf(),
            _lock: lock,
        };
        held.recover()?;
        Ok(held)
    }

    fn work(&self, name: &str) -> PathBuf {
        self.site.join(WORK).join(name)
    }

    /// The live published folder.
    pub fn live(&self) -> PathBuf {
        self.site.join(PUBLISHED)
    }

    /// Puts the site back as the last finished run left it.
    fn recover(&self) -> Result<(), String> {
        let previous = self.work(PREVIOUS);
        if previous.exists() {
            if self.live().exists() {
                remove_tree(&previous)?;
            } else {
                // Stopped between the two steps of an exchange without
                // `RENAME_EXCHANGE`: the old generation is the live one.
                std::fs::rename(&previous, self.live())
                    .map_err(|e| format!("cannot restore {}: {e}", self.live().display()))?;
            }
        }
        remove_tree(&self.work(NEXT))?;
        remove_tree(&self.work(SPARE_NEXT))?;
        self.clear_readings_stage()
    }

    /// Where this run stages the readings files it makes (created by the
    /// first written there; cleared when the lock is taken).
    pub fn readings_stage(&self) -> PathBuf {
        self.work(READINGS)
    }

    /// Removes what is staged in [`Self::readings_stage`].
    pub fn clear_readings_stage(&self) -> Result<(), String> {
        remove_tree(&self.work(READINGS))
    }

    /// Starts the next generation from the live one.
    pub fn begin(&self) -> Result<Draft<'_>, String> {
        let next = self.work(NEXT);
        remove_tree(&next)?;
        remove_tree(&self.work(SPARE_NEXT))?;
        let live = self.live();
        let spare = self.work(SPARE);
        let recorded = !Records::of(&live).0.is_empty();
        if recorded && spare.is_dir() && std::fs::rename(&spare, &next).is_ok() {
            catch_up(&next, &live)?;
        } else {
            std::fs::create_dir_all(&next)
                .map_err(|e| format!("cannot create {}: {e}", next.display()))?;
            if live.is_dir() {
                link_tree(&live, &next)?;
            }
        }
        Ok(Draft {
            lock: self,
            dir: next,
            spare_next: self.work(SPARE_NEXT),
            written: std::sync::Mutex::new(BTreeSet::new()),
            removed: BTreeSet::new(),
            total: None,
        })
    }
}

/// The next generation, being built.
pub struct Draft<'a> {
    lock: &'a SiteLock,
    dir: PathBuf,
    spare_next: PathBuf,
    written: std::sync::Mutex<BTreeSet<PathBuf>>,
    removed: BTreeSet<PathBuf>,
    /// How many files the generation holds, once `keep_only` has run.
    total: Option<usize>,
}

impl Draft<'_> {
    /// Writes `path` (below the published folder) unless it already holds
    /// exactly `bytes`, and its compressed copies if it is served
    /// compressed (`compress.rs`); says whether it wrote. Files are written
    /// from several threads at once.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<bool, String> {
        let target = self.dir.join(path);
        let copies: Vec<PathBuf> = if compress::compressible(path) {
            compress::SUFFIXES
                .iter()
                .map(|suffix| compress::beside(path, suffix))
                .collect()
        } else {
            Vec::new()
        };
        let whole = || copies.iter().all(|copy| self.dir.join(copy).is_file());
        if std::fs::read(&target).is_ok_and(|old| old == bytes) && whole() {
            return Ok(false);
        }
        if !copies.is_empty() {
            let encoded = compress::encode(bytes, compress::Effort::Fast)
                .map_err(|e| format!("cannot compress {}: {e}", target.display()))?;
            for (copy, encoded) in copies.iter().zip(encoded) {
                self.write_one(copy, &encoded)?;
            }
        }
        self.write_one(path, bytes)?;
        Ok(true)
    }

    /// Writes one file of the generation, linked into the spare to be.
    fn write_one(&self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        let target = self.dir.join(path);
        let error = |e: std::io::Error| format!("cannot write {}: {e}", target.display());
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(error)?;
        }
        // A new file renamed over the link: the live generation's file (the
        // same inode until now) is never written to.
        let mut temp = target.clone().into_os_string();
        temp.push(".writing");
        let temp = PathBuf::from(temp);
        std::fs::write(&temp, bytes).map_err(error)?;
        std::fs::rename(&temp, &target).map_err(error)?;
        // Best effort: a link missing here only makes the spare incomplete.
        let second = self.spare_next.join(path);
        if second
            .parent()
            .is_some_and(|dir| std::fs::create_dir_all(dir).is_ok())
        {
            let _ = std::fs::hard_link(&target, &second);
        }
        if let Ok(mut written) = self.written.lock() {
            written.insert(path.to_path_buf());
        }
        Ok(())
    }

    /// Every file now in the generation, below the published folder.
    pub fn files(&self) -> Result<Vec<PathBuf>, String> {
        let mut files = Vec::new();
        collect_files(&self.dir, Path::new(""), &mut files)?;
        Ok(files)
    }

    /// Removes every file not in `keep`, nor a compressed copy of one (and
    /// folders left empty).
    pub fn keep_only(&mut self, keep: &HashSet<PathBuf>) -> Result<(), String> {
        let files = self.files()?;
        let kept = |file: &PathBuf| wanted(keep, file);
        self.total = Some(files.iter().filter(|file| kept(file)).count());
        for file in files {
            if !kept(&file) {
                let full = self.dir.join(&file);
                std::fs::remove_file(&full)
                    .map_err(|e| format!("cannot remove {}: {e}", full.display()))?;
                remove_empty_folders(&self.dir, &file);
                self.removed.insert(file);
            }
        }
        Ok(())
    }

    /// How many files were written and removed so far (a file and its
    /// compressed copies counted once).
    pub fn changes(&self) -> (usize, usize) {
        let originals = |files: &BTreeSet<PathBuf>| {
            files
                .iter()
                .filter(|file| compress::original_of(file).is_none())
                .count()
        };
        let written = self.written.lock().map_or(0, |w| originals(&w));
        (written, originals(&self.removed))
    }

    /// Whether this run wrote every file of its generation, each also
    /// linked into the spare to be; if so, its records are linked there too.
    fn wrote_every_file(&self) -> bool {
        let linked = |path: &PathBuf| self.spare_next.join(path).is_file();
        self.written
            .lock()
            .is_ok_and(|w| self.total == Some(w.len()) && w.iter().all(linked))
            && std::fs::hard_link(self.dir.join(RECORDS), self.spare_next.join(RECORDS)).is_ok()
    }

    /// Keeps `text` as this generation's records.
    pub fn write_records(&self, text: &str) -> Result<(), String> {
        let path = self.dir.join(RECORDS);
        let error = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
        let temp = self.dir.join(format!("{RECORDS}.writing"));
        std::fs::write(&temp, text).map_err(error)?;
        std::fs::rename(&temp, &path).map_err(error)
    }

    /// Makes this generation the live one, in one step, and keeps the old
    /// as the spare.
    pub fn commit(self) -> Result<(), String> {
        let live = self.lock.live();
        let previous = self.lock.work(PREVIOUS);
        let spare = self.lock.work(SPARE);
        let complete = self.wrote_every_file();
        exchange(&self.dir, &live, &previous)?;
        remove_tree(&spare)?;
        if complete {
            remove_tree(&self.dir)?;
            remove_tree(&previous)?;
            return std::fs::rename(&self.spare_next, &spare)
                .map_err(|e| format!("cannot keep {}: {e}", spare.display()));
        }
        remove_tree(&self.spare_next)?;
        // The old generation is at `next` (exchanged), or at `previous`
        // (moved in two steps), or nowhere (there was none).
        for old in [&self.dir, &previous] {
            if old.is_dir() {
                return std::fs::rename(old, &spare)
                    .map_err(|e| format!("cannot keep {}: {e}", old.display()));
            }
        }
        Ok(())
    }
}

/// Swaps `next` in for `live`: in one step where the system can exchange
/// two names (Linux), else in two renames (`live` moved to `previous`
/// first), which [`SiteLock::recover`] completes if a run stops between them.
fn exchange(next: &Path, live: &Path, previous: &Path) -> Result<(), String> {
    let error = |e: std::io::Error| {
        format!(
            "cannot put {} in place of {}: {e}",
            next.display(),
            live.display()
        )
    };
    if !live.exists() {
        return std::fs::rename(next, live).map_err(error);
    }
    if exchange_in_one_step(next, live).is_ok() {
        return Ok(());
    }
    std::fs::rename(live, previous).map_err(error)?;
    std::fs::rename(next, live).map_err(error)
}

#[cfg(target_os = "linux")]
fn exchange_in_one_step(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange_in_one_step(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(ErrorKind::Unsupported))
}

/// Makes `next`, an earlier generation, hold the files of `live`: each
/// file whose record differs (or that is missing) is linked again from
/// `live`, each file `live` no longer has goes. Files are never written in
/// place, so a file with the same record is the same content.
fn catch_up(next: &Path, live: &Path) -> Result<(), String> {
    let had = Records::of(next);
    let now = Records::of(live);
    let paths: BTreeSet<&String> = had.0.keys().chain(now.0.keys()).collect();
    // Only paths below the generation (a record naming `..` or `/` is not
    // one of publish's and is left alone).
    let below = |path: &&String| {
        Path::new(path.as_str())
            .components()
            .all(|part| matches!(part, std::path::Component::Normal(_)))
    };
    // In parallel, a path's files apart from another's; the folders left
    // empty after, when no link is being made into them.
    let paths: Vec<&String> = paths.into_iter().filter(below).collect();
    let removed = paths
        .par_iter()
        .map(|path| {
            let same = had.0.get(*path) == now.0.get(*path);
            let original = PathBuf::from(path);
            // Where the record is the same and the file is there, its
            // copies are too: they are written before it, and linked with it.
            if same && next.join(&original).symlink_metadata().is_ok() {
                return Ok(Vec::new());
            }
            // A file and its compressed copies (recorded as one) go together.
            let copies = compress::SUFFIXES
                .iter()
                .filter(|_| compress::compressible(&original))
                .map(|suffix| compress::beside(&original, suffix))
                .collect::<Vec<_>>();
            let mut removed = Vec::new();
            for file in std::iter::once(original).chain(copies) {
                if link_again(&live.join(&file), &next.join(&file), same)? == Linked::Removed {
                    removed.push(file);
                }
            }
            Ok(removed)
        })
        .collect::<Result<Vec<_>, String>>()?;
    for file in removed.iter().flatten() {
        remove_empty_folders(next, file);
    }
    Ok(())
}

/// What [`link_again`] left.
#[derive(PartialEq)]
enum Linked {
    /// The file, as it was or linked again; or no file, as before.
    Kept,
    /// No file: the one it had was removed.
    Removed,
}

/// Makes `to` the file `from` is (a link to it), or absent where `from`
/// is absent; left as it is when `same` says it holds that content already.
fn link_again(from: &Path, to: &Path, same: bool) -> Result<Linked, String> {
    if same && (to.symlink_metadata().is_ok() || !from.is_file()) {
        return Ok(Linked::Kept);
    }
    let removed = match std::fs::remove_file(to) {
        Err(e) if e.kind() != ErrorKind::NotFound => {
            return Err(format!("cannot remove {}: {e}", to.display()))
        }
        result => result.is_ok(),
    };
    if from.is_file() {
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::hard_link(from, to).map_err(|e| format!("cannot link {}: {e}", to.display()))?;
        return Ok(Linked::Kept);
    }
    Ok(if removed {
        Linked::Removed
    } else {
        Linked::Kept
    })
}

/// Hard-links every file of `from` into `to`, folders made as needed.
fn link_tree(from: &Path, to: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let kind = entry
            .file_type()
            .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            std::fs::create_dir(&target)
                .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
            link_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::hard_link(entry.path(), &target)
                .map_err(|e| format!("cannot link {}: {e}", target.display()))?;
        }
    }
    Ok(())
}

pub(super) fn collect_files(
    root: &Path,
    below: &Path,
    out: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let dir = root.join(below);
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = below.join(entry.file_name());
        if path == Path::new(RECORDS) {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect_files(root, &path, out)?,
            Ok(_) => out.push(path),
            Err(_) => {}
        }
    }
    Ok(())
}

/// Whether `file` is in `keep`, or is a compressed copy of a file that is.
pub fn wanted(keep: &HashSet<PathBuf>, file: &Path) -> bool {
    keep.contains(file)
        || compress::original_of(file).is_some_and(|original| keep.contains(&original))
}

/// Removes the folders of `file` (below `root`) that its removal left
/// empty, innermost first: only where a file went can a folder be empty,
/// so the generation is not walked again for them.
fn remove_empty_folders(root: &Path, file: &Path) {
    for folder in file.ancestors().skip(1) {
        if folder.as_os_str().is_empty() || std::fs::remove_dir(root.join(folder)).is_err() {
            break;
        }
    }
}

fn remove_tree(path: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
