//! `cargo xtask size`: where the main module's bytes go.

use crate::shell::{run, Cmd};
use crate::{root, setup, step};

/// Where the main module's bytes go: twiggy over it as wasm-bindgen leaves
/// it (before wasm-opt, names kept), summed by crate and by feature; the
/// parts split off it are listed by `dist` as it writes them.
pub fn task() -> Result<(), String> {
    setup::all()?;
    setup::twiggy()?;
    crate::dist()?;
    let main = crate::paths::scratch("split").join("main.wasm");
    let out = crate::paths::scratch("size");
    step("wasm-bindgen, then twiggy over every function and data segment of the main module");
    run(Cmd::new("wasm-bindgen").args([
        "--target",
        "web",
        "--keep-lld-exports",
        "--out-name",
        "changning-reader",
        "--out-dir",
        &out.display().to_string(),
        &main.display().to_string(),
    ]))?;
    let wasm = out.join("changning-reader_bg.wasm");
    let list = out.join("twiggy-top.csv");
    run(Cmd::new("twiggy").args([
        "top",
        "-n",
        "1000000",
        "--format",
        "csv",
        "-o",
        &list.display().to_string(),
        &wasm.display().to_string(),
    ]))?;
    run(Cmd::new("node")
        .args(["bench/wasm-size.mjs", &list.display().to_string()])
        .dir(root().join("e2e")))
}
