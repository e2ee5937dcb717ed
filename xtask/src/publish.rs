//! `cargo xtask publish [SITE_DIR] [--origin URL] [--check]`: the pages
//! the newsroom publishes beside the app, so that every page paints before
//! the app arrives, reads with scripts off, and can be indexed and previewed.
//!
//! It reads `SITE_DIR/data/`, validates every file with the app's own
//! decoders, and only if all are sound writes, for each route and each
//! interface language, the app's `index.html` with the page's title,
//! description, canonical address, link-preview tags, JSON-LD and its
//! content rendered by the app's own views (`changning_reader::prerender`),
//! under `SITE_DIR/published/pages/{lang}/`; plus `feed.xml`, `sitemap.xml`
//! and `robots.txt` in `published/`. The published folder is replaced as a
//! whole (`generation.rs`): a run that fails or is stopped leaves the site
//! as it was, and only one run publishes a site at a time.
//!
//! `--check` writes nothing: it says which published files do not match
//! the data (an article withdrawn but still published, an edit not yet
//! published) and fails if any do, for the newsroom's scheduled check.
//!
//! What it reads it reads only as regular files inside the site
//! (`site_files`); `--origin` must be an origin (`origin`); texts go into the
//! feed and sitemap as XML allows them (`xml_text`).

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use reader_core::meta::{attr, PageMeta, LANGUAGES};
use reader_core::route::AppRoute;

mod feed;
mod furigana;
pub mod generation;
#[cfg(test)]
mod hostile;
#[cfg(test)]
mod incremental;
mod mecab;
mod origin;
mod outputs;
mod page_shell;
mod records;
mod search_index;
mod search_record;
mod site_data;
mod site_files;
mod write;
mod xml_text;

use generation::SiteLock;
use origin::check_origin;
use outputs::{Output, Plan};
use page_shell::{PageParts, Shell};
use records::Records;
use search_index::SearchPlan;
pub use search_index::PART_ARTICLES_VAR as SEARCH_PART_ARTICLES_VAR;
use site_data::SiteData;
use site_files::read_site_file;
use write::move_all;

/// Where the published pages go, below the published folder.
pub const PAGES_DIR: &str = "pages";
/// The origin used when none is given: the local server of `cargo xtask serve`.
pub const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";

/// Whether a run writes, or only says what it would change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Publish,
    Check,
}

/// Validates, renders and writes; prints what it did or what is wrong.
pub fn run(site: &Path, origin: &str) -> Result<(), String> {
    run_as(site, origin, Mode::Publish)
}

/// As [`run`], or (with [`Mode::Check`]) only compares.
pub fn run_as(site: &Path, origin: &str, mode: Mode) -> Result<(), String> {
    run_with_parts(site, origin, mode, search_index::part_articles()?)
}

/// As [`run_as`], the search index in parts of `per_part` articles.
pub fn run_with_parts(
    site: &Path,
    origin: &str,
    mode: Mode,
    per_part: usize,
) -> Result<(), String> {
    let origin = check_origin(origin)?;
    let mut took = Took::start();
    // Held until the run ends: no second run publishes this site meanwhile.
    let lock = SiteLock::take(site)?;
    let data = match SiteData::load(site) {
        Ok(data) => data,
        Err(problems) => {
            return Err(format!(
                "{} problem(s) in {}/data: nothing was published\n  {}",
                problems.len(),
                site.display(),
                problems.join("\n  ")
            ));
        }
    };
    for warning in &data.warnings {
        println!("  note: {warning}");
    }
    let shell = match read_site_file(site, Path::new("index.html"))? {
        Some(bytes) => String::from_utf8(bytes)
            .map_err(|_| "index.html: not UTF-8 text: is it the app's own?".to_owned())?,
        None => return Err(format!("{}/index.html is missing", site.display())),
    };
    let version = publisher_version();
    let mut notes = Vec::new();
    let plan = Plan::new(&data, &origin, &shell, &version, &mut notes);
    for note in &notes {
        println!("  note: {note}");
    }
    if mode == Mode::Check {
        return check(&lock, &plan);
    }
    let before = Records::of(&lock.live());
    // Readings (furigana) beside every article in Japanese whose text
    // changed, staged until the pages are published too.
    let stage = lock.readings_stage();
    took.lap("data and plan");
    let readings = furigana::readings_to_publish(site, &data, &before, &stage)?;
    took.lap("readings");
    let mut records = Records(readings.records.clone());
    let live = lock.live();
    let todo: Vec<&Output> = plan
        .outputs
        .par_iter()
        .filter(|o| {
            let path = o.path.to_string_lossy();
            !before.made_from(&path, &o.made_from) || !live.join(&o.path).is_file()
        })
        .collect();
    records.0.extend(
        plan.outputs
            .iter()
            .map(|o| (o.path.to_string_lossy().into_owned(), o.made_from.clone())),
    );
    let mut wanted: HashSet<PathBuf> = plan.outputs.iter().map(|o| o.path.clone()).collect();
    // The search index, in parts: each kept while its inputs are the same
    // (its files and records stay), else made again after the pages.
    let search = SearchPlan::new(&data, &readings.records, &version, &before, &live, per_part);
    let kept_parts = search
        .parts
        .iter()
        .filter_map(|part| Some((part.current.as_ref()?, &part.digest)));
    let kept_shared = search
        .shared_current
        .as_ref()
        .map(|files| (files, &search.shared_digest));
    for (files, digest) in kept_parts.chain(kept_shared) {
        for path in files {
            records
                .0
                .insert(path.to_string_lossy().into_owned(), digest.clone());
            wanted.insert(path.clone());
        }
    }
    // Whether a published file is no longer wanted: asked last, as it
    // walks every published file.
    let none_gone = || {
        let mut published = Vec::new();
        let _ = generation::collect_files(&live, Path::new(""), &mut published);
        published.iter().all(|p| generation::wanted(&wanted, p))
    };
    let stale = furigana::stale_readings(site, &readings.keep);
    if todo.is_empty()
        && readings.staged.is_empty()
        && search.is_current()
        && stale.is_empty()
        && records == before
        && none_gone()
    {
        println!(
            "nothing changed since the last publish ({} articles, {} files): nothing written",
            data.articles.len(),
            plan.outputs.len()
        );
        return Ok(());
    }
    let draft = lock.begin()?;
    todo.par_iter().try_for_each(|output| {
        draft
            .write(&output.path, plan.make(output)?.as_bytes())
            .map(drop)
    })?;
    took.lap("pages");
    let mut index_files = 0;
    let parts_made = search_index::build(
        &search,
        &data,
        &stage,
        &readings.staged,
        &mut |path, bytes, digest| {
            draft.write(&path, &bytes)?;
            records
                .0
                .insert(path.to_string_lossy().into_owned(), digest.to_owned());
            wanted.insert(path);
            index_files += 1;
            Ok(())
        },
    )?;
    took.lap("search index");
    let mut draft = draft;
    draft.keep_only(&wanted)?;
    draft.write_records(&records.text())?;
    let (written, removed) = draft.changes();
    move_all(site, &stage, &readings.staged)?;
    draft.commit()?;
    let _ = lock.clear_readings_stage();
    for path in stale {
        let _ = std::fs::remove_file(path);
    }
    remove_earlier_layout(site);
    took.lap("the exchange");
    println!(
        "published {} articles in {} languages for {origin}: {} of {} file(s) made again, {written} written, {removed} removed, {} readings file(s) written, {}",
        data.articles.len(),
        LANGUAGES.len(),
        todo.len(),
        plan.outputs.len(),
        readings.staged.len(),
        search_index::summary(&search, parts_made, index_files)
    );
    println!("  took {took}");
    Ok(())
}

/// Where a run's time went, phase by phase (printed after its summary, for
/// the newsroom and the benchmarks).
struct Took {
    since: std::time::Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Took {
    fn start() -> Self {
        Took {
            since: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, phase: &'static str) {
        let now = std::time::Instant::now();
        let seconds = now.duration_since(self.since).as_secs_f64();
        self.laps.push((phase, seconds));
        self.since = now;
    }
}

impl std::fmt::Display for Took {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let laps: Vec<String> = self
            .laps
            .iter()
            .map(|(phase, seconds)| format!("{phase} {seconds:.1} s"))
            .collect();
        write!(f, "{}", laps.join(", "))
    }
}

/// What publish is: this executable (its size and time), which holds the
/// app's views it renders with. A new build makes every file again.
fn publisher_version() -> String {
    use std::os::unix::fs::MetadataExt;
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    match exe {
        Ok(meta) => format!(
            "{} {} {}.{}",
            env!("CARGO_PKG_VERSION"),
            meta.len(),
            meta.mtime(),
            meta.mtime_nsec()
        ),
        // Unknown: a version no run shares, so everything is made again.
        Err(e) => format!("unknown ({e}) {:?}", std::time::SystemTime::now()),
    }
}

/// A site published before the published folder existed kept its pages in
/// `pages/` and its feed, sitemap and robots.txt at the top: they go, now
/// that `published/` holds them.
fn remove_earlier_layout(site: &Path) {
    let _ = std::fs::remove_dir_all(site.join("pages"));
    for file in ["feed.xml", "sitemap.xml", "robots.txt"] {
        let _ = std::fs::remove_file(site.join(file));
    }
}

/// `--check`: the published files that differ from what the data makes.
fn check(lock: &SiteLock, plan: &Plan) -> Result<(), String> {
    let live = lock.live();
    let wanted: BTreeSet<&PathBuf> = plan.outputs.iter().map(|o| &o.path).collect();
    let mut differences: Vec<String> = plan
        .outputs
        .par_iter()
        .map(|output| {
            let text = plan.make(output)?;
            let path = output.path.display();
            Ok(match std::fs::read(live.join(&output.path)) {
                Ok(bytes) if bytes == text.as_bytes() => None,
                Ok(_) => Some(format!("{path}: out of date")),
                Err(_) => Some(format!("{path}: not published")),
            })
        })
        .collect::<Result<Vec<_>, String>>()?
        .into_iter()
        .flatten()
        .collect();
    let mut published = Vec::new();
    generation::collect_files(&live, Path::new(""), &mut published).unwrap_or_default();
    // The search index's files are named by their contents: it is as
    // current as the pages it is made from, which are checked above.
    let indexed = |path: &&PathBuf| path.starts_with(search_index::SEARCH_DIR);
    // A compressed copy is checked with its file: there, as the copies of a
    // file published are.
    let copy_of_wanted = |path: &&PathBuf| {
        crate::compress::original_of(path).is_some_and(|original| wanted.contains(&original))
    };
    for output in plan
        .outputs
        .iter()
        .filter(|o| crate::compress::compressible(&o.path))
    {
        for suffix in crate::compress::SUFFIXES {
            let copy = crate::compress::beside(&output.path, suffix);
            if !live.join(&copy).is_file() {
                differences.push(format!("{}: not published", copy.display()));
            }
        }
    }
    for path in published
        .iter()
        .filter(|path| !wanted.contains(path) && !indexed(path) && !copy_of_wanted(path))
    {
        differences.push(format!(
            "{}: published, but nothing in the data is published there (withdrawn?)",
            path.display()
        ));
    }
    if differences.is_empty() {
        println!("the published site matches the data");
        return Ok(());
    }
    Err(format!(
        "{} published file(s) do not match the data; run `cargo xtask publish` to publish it:\n  {}",
        differences.len(),
        differences.join("\n  ")
    ))
}

/// Where the page of `route` in `lang` is kept, below the published
/// folder: `pages/ja/news/1.html`, `pages/ja/index.html` for `/` (see
/// deploy/nginx.conf).
pub fn page_file(lang: &str, route: &AppRoute) -> PathBuf {
    Path::new(PAGES_DIR).join(lang).join(route.published_file())
}

/// The app's shell with the page's head tags and content, assembled from
/// the shell's parts (`page_shell`); a shell without one is refused, named.
fn page_html(shell: &str, meta: &PageMeta, body: &str) -> Result<String, String> {
    Ok(Shell::parse(shell)?.page(&PageParts {
        lang: &meta.lang,
        title: &attr(&meta.title),
        head_tags: &meta.head_tags(),
        body,
    }))
}

#[cfg(test)]
mod tests;
