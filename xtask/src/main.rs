//! Dev tasks of the Changning reader, run as `cargo xtask <task>`.
//!
//! Every task that builds or tests first installs what it needs and is
//! missing (Debian packages, the wasm32 target, Trunk, wasm-bindgen-cli of the
//! Cargo.lock version, the npm packages of build-tools/ and e2e/), so each
//! works on a fresh machine and is cheap to run again.

mod archive;
mod bench_archive;
mod bundle_css;
mod codegen;
mod compress;
#[cfg(test)]
mod contrast;
mod csp;
mod deploy;
mod edge;
mod gen_map;
// Its checks run in the tests (and in build.rs); dist reads texts.
#[cfg_attr(not(test), allow(dead_code))]
mod locales;
#[cfg(test)]
mod long_functions;
#[cfg(test)]
mod module_graph;
mod nginx;
mod paths;
mod publish;
mod setup;
mod shell;
mod size;
mod split;
mod static_page;
mod vendor;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use shell::{run, Cmd};

const USAGE: &str = "\
usage: cargo xtask <task>

  serve [--edge] [--port N]
          build the release and serve it with nginx on http://127.0.0.1:8080
          (--edge: through the Worker in Cloudflare's workerd, wrangler dev)
  test    every check: fmt, clippy (native + wasm32), unit tests, component
          tests in headless Chromium, end-to-end tests against nginx, then
          against the edge (workerd)
  e2e [--edge]
          only the end-to-end tests, against nginx, then the edge's suite
          against workerd (--edge: that one alone); extra arguments go to
          Playwright (and, without --edge, choose the nginx run's files)
  dist    build the release into dist/ (and publish its pages)
  publish [SITE_DIR] [--origin URL] [--check]
          validate SITE_DIR/data (default dist/) and write the published
          pages, feed.xml, sitemap.xml and robots.txt beside the app;
          --check writes nothing and fails if the published site does not
          match the data (for a scheduled check)
  bench   the benchmark report (sizes, load times vs static HTML, the map at
          scale, Lighthouse), printed and kept in BENCHMARKS.md
  bench archive [COUNT…]
          publish an archive of 1,000, 10,000 and 30,000 generated articles
          (or COUNT): cold, nothing changed, one edit, one deletion; then
          the site search on each in Chromium (bytes and time of a first and
          a second query)
  bench search [COUNT…]
          the site search alone, on the archives `bench archive` published
  size    where the wasm's bytes go, by crate and by feature (twiggy)
  fuzz    the hostile-data property tests (data, matchers, publish inputs)
          with ten times as many cases
  soak    a kiosk left alone: memory over 1,000 select/open/idle-reset cycles
  gen-map regenerate public/map/world-110m.json from Natural Earth (npm world-atlas)
  gen-archive COUNT [SITE_DIR]
          add COUNT generated articles of district news to SITE_DIR/data
          (default dist/), for benchmarks and tests
  codegen regenerate what is derived from Rust tables and kept in the
          repository: deploy/nginx.conf, the routes in index.html's script
  bundle-css  style/app.css with its imports inlined (Trunk runs it before a build)
  dev     trunk's development server with live reload on http://127.0.0.1:8080
  setup   only install what the other tasks need";

/// What `cargo run` tells the running tool about its own package, besides
/// the `CARGO_PKG_*` names.
const CARGO_RUN_VARS: [&str; 5] = [
    "CARGO_MANIFEST_DIR",
    "CARGO_MANIFEST_PATH",
    "CARGO_CRATE_NAME",
    "CARGO_BIN_NAME",
    "CARGO_PRIMARY_PACKAGE",
];

/// Forgets what `cargo run` told this process about xtask's package, so that
/// the commands it runs do not inherit it. Trunk's hook and the end-to-end
/// tests run `cargo xtask` again, and a build script that watches these
/// names (ring's watches `CARGO_MANIFEST_DIR`) would see them change, and
/// cargo would build the tool's dependencies again: measured, 1 min 45 s at
/// each switch, twice per `cargo xtask test`.
fn forget_cargo_run_environment() {
    let names: Vec<String> = std::env::vars_os()
        .filter_map(|(name, _)| name.into_string().ok())
        .filter(|name| name.starts_with("CARGO_PKG_") || CARGO_RUN_VARS.contains(&name.as_str()))
        .collect();
    for name in names {
        // Before any thread starts: nothing else reads the environment yet.
        std::env::remove_var(name);
    }
}

fn main() -> ExitCode {
    forget_cargo_run_environment();
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "serve" => serve(),
        "test" => test(),
        "e2e" => setup::all().and_then(|_| end_to_end()),
        "dist" => setup::all().and_then(|_| dist()).map(|_| ()),
        "publish" => publish_task(),
        "bench" => match std::env::args().nth(2).as_deref() {
            Some("archive") => bench_archive::run(&std::env::args().skip(3).collect::<Vec<_>>()),
            Some("search") => bench_archive::search(&std::env::args().skip(3).collect::<Vec<_>>()),
            _ => bench(),
        },
        "size" => size::task(),
        "fuzz" => fuzz(),
        "soak" => soak(),
        "dev" => setup::all().and_then(|_| run(trunk(["serve", "--offline"]))),
        "setup" => setup::all(),
        "bundle-css" => bundle_css::run(),
        "gen-map" => setup::all().and_then(|_| gen_map::run(false)),
        "codegen" => codegen::run(),
        "gen-archive" => gen_archive(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

pub fn step(title: &str) {
    println!("\n==> {title}");
}

/// Builds the release into `dist/` without downloading any tool: Trunk's
/// build, split into the parts of the app each page downloads when it
/// needs them (`split/`).
pub fn dist() -> Result<PathBuf, String> {
    step("release build (trunk build --release --offline), with the split points");
    run(trunk(["build", "--release", "--offline"]).env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        split::RUSTFLAGS,
    ))?;
    let dist = root().join("dist");
    step("splitting the app into the parts each page downloads (wasm-split)");
    let parts = split::apply(&dist, &root().join("build-tools/node_modules/.bin"))?;
    for (part, files) in &parts.by_split {
        println!("  {part}: {}", files.join(", "));
    }
    csp::version_service_worker(&dist)?;
    step("compressing the build's files (.br and .gz beside each, for nginx to send as they are)");
    let compressed = compress::write_beside_all(
        &dist,
        &["data", deploy::PUBLISHED_DIR],
        compress::Effort::Best,
    )?;
    println!("  {compressed} files");
    // The deploy config with this build's loader hash in its CSP.
    let deploy = std::fs::read_to_string(root().join("deploy/nginx.conf"))
        .map_err(|e| format!("cannot read deploy/nginx.conf: {e}"))?;
    let ready = paths::scratch("deploy").join("nginx.conf");
    std::fs::create_dir_all(paths::scratch("deploy")).map_err(|e| e.to_string())?;
    std::fs::write(&ready, csp::fill(&deploy, &dist)?)
        .map_err(|e| format!("cannot write {}: {e}", ready.display()))?;
    println!("deploy config for this build: {}", ready.display());
    deploy::edge::write_into(&dist)?;
    println!("edge headers for this build: dist/_headers (deploy/edge/)");
    step("publishing the pages of dist/data (cargo xtask publish)");
    let origin =
        std::env::var("SITE_ORIGIN").unwrap_or_else(|_| publish::DEFAULT_ORIGIN.to_owned());
    publish::run(&dist, &origin)?;
    Ok(dist)
}

/// `publish [SITE_DIR] [--origin URL] [--check]`.
fn publish_task() -> Result<(), String> {
    let mut site = root().join("dist");
    let mut origin =
        std::env::var("SITE_ORIGIN").unwrap_or_else(|_| publish::DEFAULT_ORIGIN.to_owned());
    let mut mode = publish::Mode::Publish;
    let mut args = std::env::args().skip(2);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => mode = publish::Mode::Check,
            "--origin" => origin = args.next().ok_or("--origin needs a URL")?,
            _ if arg.starts_with("--origin=") => origin = arg["--origin=".len()..].to_owned(),
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n\n{USAGE}")),
            _ => site = PathBuf::from(arg),
        }
    }
    publish::run_as(&site, &origin, mode)
}

/// `gen-archive COUNT [SITE_DIR]`.
fn gen_archive() -> Result<(), String> {
    let mut args = std::env::args().skip(2);
    let count = args
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("gen-archive needs a number of articles\n\n{USAGE}"))?;
    let site = args
        .next()
        .map_or_else(|| root().join("dist"), PathBuf::from);
    archive::generate(&site, count)
}

/// Trunk, finding npm's wasm-opt before any other on PATH.
fn trunk<const N: usize>(args: [&str; N]) -> Cmd {
    let tools = root().join("build-tools/node_modules/.bin");
    let path = std::env::var("PATH").unwrap_or_default();
    Cmd::new("trunk")
        .args(args)
        .env("PATH", &format!("{}:{path}", tools.display()))
        .dir(root())
}

fn serve() -> Result<(), String> {
    let mut on_edge = false;
    let mut port = 8080;
    let mut args = std::env::args().skip(2);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--edge" => on_edge = true,
            "--port" => {
                let given = args.next().ok_or("--port needs a number")?;
                port = given
                    .parse()
                    .map_err(|_| format!("--port {given:?} is not a port number"))?;
            }
            _ => return Err(format!("unknown argument {arg}\n\n{USAGE}")),
        }
    }
    setup::all()?;
    let dist = dist()?;
    if on_edge {
        step(&format!("serving dist/ through the edge's Worker in workerd (deploy/edge/) on http://127.0.0.1:{port} (Ctrl-C stops)"));
        return edge::Edge::configure("serve", &dist, port)?.run_foreground();
    }
    step(&format!(
        "serving dist/ with deploy/nginx.conf on http://127.0.0.1:{port} (Ctrl-C stops)"
    ));
    nginx::Server::configure("serve", &dist, port)?.run_foreground()
}

fn test() -> Result<(), String> {
    setup::all()?;
    let root = root();
    step("formatting (cargo fmt --check)");
    run(Cmd::new("cargo")
        .args(["fmt", "--all", "--", "--check"])
        .dir(&root))?;
    step("lints, native (cargo clippy)");
    run(Cmd::new("cargo")
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .dir(&root))?;
    step("lints, wasm32 (cargo clippy)");
    run(Cmd::new("cargo")
        .args([
            "clippy",
            "-p",
            "changning-reader",
            "-p",
            "reader-core",
            "--all-targets",
        ])
        .args(["--target", "wasm32-unknown-unknown", "--", "-D", "warnings"])
        .dir(&root))?;
    step("world map data is what gen-map makes from Natural Earth");
    gen_map::run(true)?;
    step("vendored crates are the registry's with their PATCHED.diff");
    vendor::check()?;
    step("native tests: the pure logic, the tasks, the app's views rendered ahead of time (cargo test)");
    run(Cmd::new("cargo")
        .args([
            "test",
            "-p",
            "reader-core",
            "-p",
            "xtask",
            "-p",
            "changning-reader",
        ])
        .dir(&root))?;
    step("component tests in headless Chromium (wasm-bindgen-test)");
    run(Cmd::new("cargo")
        .args([
            "test",
            "-p",
            "changning-reader",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .dir(&root))?;
    end_to_end()
}

/// How many generated articles the end-to-end tests' archive holds: more
/// than ten pages of the column.
const E2E_ARCHIVE_ARTICLES: u32 = 320;
/// Articles per part of the archive's search index: fewer than publish's
/// own, so that the tests search an index of several parts, as a browser
/// does on a large archive.
const E2E_SEARCH_PART_ARTICLES: usize = 100;

/// Builds the release, serves a copy of it with nginx (the tests add their
/// own data files to the copy), and a second copy holding a generated
/// archive (`gen-archive`), and runs Playwright.
fn end_to_end() -> Result<(), String> {
    let mut extra: Vec<String> = std::env::args().skip(2).collect();
    let edge_only = extra.iter().any(|arg| arg == "--edge");
    extra.retain(|arg| arg != "--edge");
    let dist = dist()?;
    if edge_only {
        return edge_end_to_end(&dist, &extra);
    }
    nginx_end_to_end(&dist, &extra)?;
    if extra.is_empty() {
        edge_end_to_end(&dist, &[])?;
    }
    Ok(())
}

fn nginx_end_to_end(dist: &Path, extra: &[String]) -> Result<(), String> {
    step("end-to-end tests in Chromium against nginx (Playwright)");
    let site = paths::scratch("e2e").join("site");
    shell::copy_dir(dist, &site)?;
    let server = nginx::Server::configure("e2e", &site, e2e_port()?)?.start()?;
    // The published pages name the address they are served from.
    publish::run(&site, &server.base_url())?;
    step("the archive site: the release with generated articles (gen-archive)");
    let archive = paths::scratch("e2e").join("archive");
    shell::copy_dir(dist, &archive)?;
    archive::generate(&archive, E2E_ARCHIVE_ARTICLES)?;
    let archive_server =
        nginx::Server::configure("e2e-archive", &archive, e2e_archive_port()?)?.start()?;
    publish::run_with_parts(
        &archive,
        &archive_server.base_url(),
        publish::Mode::Publish,
        E2E_SEARCH_PART_ARTICLES,
    )?;
    let outcome = run(Cmd::new("npx")
        .args(["--no-install", "playwright", "test"])
        .args(extra)
        .env("E2E_BASE_URL", &server.base_url())
        .env("E2E_SITE_ROOT", &site.display().to_string())
        .env("E2E_ARCHIVE_URL", &archive_server.base_url())
        .env("E2E_ARCHIVE_ROOT", &archive.display().to_string())
        // The tests that publish the archive again index it as above.
        .env(
            publish::SEARCH_PART_ARTICLES_VAR,
            &E2E_SEARCH_PART_ARTICLES.to_string(),
        )
        .dir(root().join("e2e")));
    drop(archive_server);
    drop(server);
    outcome
}

/// The test files run against the edge: the edge's own comparison with
/// nginx, and the journeys that depend on what the server answers.
const EDGE_SPECS: [&str; 6] = [
    "tests/edge.spec.js",
    "tests/language.spec.js",
    "tests/published.spec.js",
    "tests/offline.spec.js",
    "tests/addresses.spec.js",
    "tests/security.spec.js",
];

/// The release served through the edge's Worker in workerd, and nginx
/// serving the same folder beside it (the twin the edge is compared with).
fn edge_end_to_end(dist: &Path, extra: &[String]) -> Result<(), String> {
    step("end-to-end tests in Chromium against the edge: the Worker in Cloudflare's workerd (wrangler dev)");
    let port = e2e_port()?
        .checked_add(1)
        .ok_or("E2E_PORT is too high for the edge's port")?;
    let site = paths::scratch("e2e").join("edge-site");
    shell::copy_dir(dist, &site)?;
    publish::run(&site, &format!("http://127.0.0.1:{port}"))?;
    let edge = edge::Edge::configure("e2e", &site, port)?.start()?;
    let twin_port = port
        .checked_add(1000)
        .ok_or("E2E_PORT is too high for the twin's port")?;
    let twin = nginx::Server::configure("e2e-edge-twin", &site, twin_port)?.start()?;
    let files: Vec<String> = if extra.is_empty() {
        EDGE_SPECS.iter().map(|s| (*s).to_owned()).collect()
    } else {
        extra.to_vec()
    };
    let outcome = run(Cmd::new("npx")
        .args(["--no-install", "playwright", "test"])
        .args(&files)
        .env("E2E_BASE_URL", &edge.base_url())
        .env("E2E_SITE_ROOT", &site.display().to_string())
        .env("E2E_TWIN_URL", &twin.base_url())
        .dir(root().join("e2e")));
    drop(twin);
    drop(edge);
    outcome
}

/// The port of the archive site: `E2E_ARCHIVE_PORT`, else 1000 above the
/// end-to-end tests' own.
fn e2e_archive_port() -> Result<u16, String> {
    match std::env::var("E2E_ARCHIVE_PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("E2E_ARCHIVE_PORT={port:?} is not a port number")),
        Err(_) => e2e_port()?
            .checked_add(1000)
            .ok_or_else(|| "E2E_PORT is too high for the archive site's port".to_owned()),
    }
}

/// The port nginx serves the end-to-end tests on: `E2E_PORT`, else 8091
/// (two checkouts testing at once on one machine each take their own).
fn e2e_port() -> Result<u16, String> {
    match std::env::var("E2E_PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("E2E_PORT={port:?} is not a port number")),
        Err(_) => Ok(8091),
    }
}

/// Builds the release, serves it (plus a static HTML page of the seed
/// article, the floor to compare with) and prints the benchmark report,
/// which is also kept in BENCHMARKS.md.
fn bench() -> Result<(), String> {
    setup::all()?;
    let dist = dist()?;
    let site = paths::scratch("bench").join("site");
    shell::copy_dir(&dist, &site)?;
    let static_page = static_page::write(&site, "595305")?;
    let server = nginx::Server::configure("bench", &site, 8092)?.start()?;
    publish::run(&site, &server.base_url())?;
    step("benchmark (a few minutes: cold loads, throttled loads, Lighthouse)");
    let report = root().join("BENCHMARKS.md");
    run(Cmd::new("node")
        .args(["bench/report.mjs"])
        .env("BENCH_BASE_URL", &server.base_url())
        .env("BENCH_SITE", &site.display().to_string())
        .env("BENCH_STATIC_PAGE", &static_page)
        .env("BENCH_REPORT", &report.display().to_string())
        .dir(root().join("e2e")))
}

/// A kiosk left alone all day: memory over 1,000 select / open / reset cycles.
fn soak() -> Result<(), String> {
    setup::all()?;
    let dist = dist()?;
    let site = paths::scratch("soak").join("site");
    shell::copy_dir(&dist, &site)?;
    let server = nginx::Server::configure("soak", &site, 8093)?.start()?;
    publish::run(&site, &server.base_url())?;
    step("soak: kiosk cycles (select, open, idle reset; SOAK_CYCLES, else 1,000); memory at start, middle, end");
    run(Cmd::new("node")
        .args(["bench/soak.mjs"])
        .env("BENCH_BASE_URL", &server.base_url())
        .dir(root().join("e2e")))
}

/// The hostile-data property tests, ten times longer than in `test`.
fn fuzz() -> Result<(), String> {
    step("hostile data: property tests at 10× the test command's cases (release build)");
    run(Cmd::new("cargo")
        .args([
            "test",
            "--release",
            "-p",
            "reader-core",
            "--test",
            "hostile_data",
            "--test",
            "allow_lists",
            "--test",
            "matchers",
        ])
        .env("HOSTILE_SCALE", "10")
        .dir(root()))?;
    step("hostile publish inputs: columns, reading dictionaries, feed texts, origins (10×)");
    run(Cmd::new("cargo")
        .args(["test", "--release", "-p", "xtask", "publish::hostile::"])
        .env("HOSTILE_SCALE", "10")
        .dir(root()))
}
