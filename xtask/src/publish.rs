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

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use reader_core::pagination::Pages;
use reader_core::route::AppRoute;

use changning_reader::i18n::Locale;
use changning_reader::language;
use changning_reader::prerender::{self, Page, Site};
use reader_core::linking::NameMatcher;
use reader_core::meta::{attr, describe_article, PageKind, PageMeta, LANGUAGES};

mod feed;
mod furigana;
pub mod generation;
#[cfg(test)]
mod hostile;
mod mecab;
mod origin;
mod page_shell;
mod site_data;
mod site_files;
mod write;
mod xml_text;

use feed::Sourced;
use generation::SiteLock;
use origin::check_origin;
use page_shell::{PageParts, Shell};
use site_data::SiteData;
use site_files::read_site_file;
use write::write_all;

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
    let origin = check_origin(origin)?;
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
    // Readings (furigana) beside every article in Japanese.
    let (readings, kept) = furigana::readings_to_publish(site, &data)?;
    let mut notes = Vec::new();
    let files = render(&data, &origin, &shell, &mut notes)?;
    for note in &notes {
        println!("  note: {note}");
    }
    let pages = files
        .iter()
        .filter(|(p, _)| p.starts_with(PAGES_DIR))
        .count();
    if mode == Mode::Check {
        return check(&lock, &files);
    }
    let keep: Vec<PathBuf> = readings
        .iter()
        .map(|(path, _)| path.clone())
        .chain(kept)
        .collect();
    let stale = furigana::stale_readings(site, &keep);
    let mut draft = lock.begin()?;
    for (path, text) in &files {
        draft.write(path, text.as_bytes())?;
    }
    draft.keep_only(&files.iter().map(|(path, _)| path.clone()).collect())?;
    let (written, removed) = draft.changes();
    let (written, removed) = (written.len(), removed.len());
    write_all(site, &readings)?;
    draft.commit()?;
    for path in stale {
        let _ = std::fs::remove_file(path);
    }
    remove_earlier_layout(site);
    println!(
        "published {pages} pages ({} articles, {} languages), feed.xml, sitemap.xml, robots.txt for {origin}: {written} file(s) written, {removed} removed",
        data.articles.len(),
        LANGUAGES.len()
    );
    Ok(())
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
fn check(lock: &SiteLock, files: &[(PathBuf, String)]) -> Result<(), String> {
    let live = lock.live();
    let mut differences = Vec::new();
    let wanted: BTreeSet<&PathBuf> = files.iter().map(|(path, _)| path).collect();
    for (path, text) in files {
        match std::fs::read(live.join(path)) {
            Ok(bytes) if bytes == text.as_bytes() => {}
            Ok(_) => differences.push(format!("{}: out of date", path.display())),
            Err(_) => differences.push(format!("{}: not published", path.display())),
        }
    }
    let mut published = Vec::new();
    generation::collect_files(&live, Path::new(""), &mut published).unwrap_or_default();
    for path in published.iter().filter(|path| !wanted.contains(path)) {
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

/// Every file to write, by its path below the site.
fn render(
    data: &SiteData,
    origin: &str,
    shell: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<(PathBuf, String)>, String> {
    let matcher = data
        .cities
        .as_ref()
        .map(|c| Arc::new(NameMatcher::for_partners(&c.partners)));
    let site = Site {
        origin: origin.to_owned(),
        column: data.column.clone(),
        cities: data.cities.clone(),
        mentions: Arc::new(data.mentions(matcher.as_deref())),
        matcher,
        world: data.world.clone(),
    };
    let publisher = match &data.cities {
        Some(cities) => {
            let (text, lang) = cities.home.names.pick("ja");
            Sourced {
                text: text.to_owned(),
                place: format!("cities.json: home.names.{lang}"),
            }
        }
        None => Sourced {
            text: data.column.about.title.clone(),
            place: "articles/index.json: column.title".to_owned(),
        },
    };

    // Each page once per route: (path, page, description for articles).
    let mut pages: Vec<(String, Page, Option<String>)> = Vec::new();
    let mut add = |page: Page, description: Option<String>| {
        pages.push((page.route().href(), page, description));
    };
    for page in column_pages(data) {
        add(page, None);
    }
    for (article, summary) in &data.articles {
        let description = describe_article(article, summary.as_deref());
        for print in [false, true] {
            let page = Page::Article {
                article: article.clone(),
                print,
            };
            add(page, Some(description.clone()));
        }
    }
    if let Some(cities) = &data.cities {
        add(Page::Partners { selected: None }, None);
        for partner in &cities.partners {
            let selected = Some(partner.id.clone());
            add(Page::Partners { selected }, None);
        }
    }

    let mut files = Vec::new();
    for lang in LANGUAGES {
        let locale: Locale =
            language::parse(lang).ok_or_else(|| format!("no interface language {lang}"))?;
        for (path, page, description) in &pages {
            let kind = match page {
                Page::Article { article, .. } => PageKind::Article {
                    headline: article.title.clone(),
                    published: article.published,
                    article_lang: article.lang.clone().unwrap_or_else(|| "ja".into()),
                },
                _ => PageKind::Website,
            };
            let meta = PageMeta {
                title: prerender::title(&site, page, locale),
                description: reader_core::meta::shorten(
                    &description
                        .clone()
                        .unwrap_or_else(|| prerender::description(&site, page, locale)),
                ),
                origin: origin.to_owned(),
                path: path.clone(),
                lang: lang.to_owned(),
                site_name: data.column.about.title.clone(),
                publisher: publisher.text.clone(),
                kind,
            };
            let body = prerender::render(&site, page, locale);
            let html = page_html(shell, &meta, &body)?;
            files.push((page_file(lang, &page.route()), html));
        }
    }
    files.push((
        "feed.xml".into(),
        feed::atom(data, origin, &publisher, notes),
    ));
    files.extend(feed::sitemaps(&pages, &data.column, origin, notes));
    files.push((
        "robots.txt".into(),
        format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n"),
    ));
    Ok(files)
}

/// The column's pages: every page its articles fill, `/` for an empty one.
fn column_pages(data: &SiteData) -> impl Iterator<Item = Page> {
    Pages::column(data.column.articles.len())
        .all()
        .map(|page| Page::Column { page })
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
