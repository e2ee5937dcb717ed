//! Precompressed copies of what the site serves: beside every text and wasm
//! file the build and publish write, `{file}.br` (Brotli) and `{file}.gz`
//! (gzip), which nginx sends as they are (`brotli_static`, `gzip_static`)
//! to a browser that accepts them, instead of compressing each answer
//! again (and nginx has no Brotli of its own). The bytes a browser checks
//! (subresource integrity, the service worker's hashes) are the file's
//! own, whichever encoding carried them.
//!
//! Never under `data/`: the newsroom swaps those files without a build, and
//! a copy left beside one would be served in its place (nginx compresses
//! data as it sends it).

use std::io::Write;
use std::path::{Path, PathBuf};

/// The encodings written beside a file, by the suffix added to its name.
pub const SUFFIXES: [&str; 2] = [".br", ".gz"];

/// How hard to compress: the build's few files once (`Best`), publish's
/// pages by the thousand (`Fast`: Brotli 5 and gzip 6, within a few per
/// cent of the best for pages of HTML at a fraction of the time; Brotli 5
/// made 300 article pages as small as 6 did in 83% of its time; see
/// BENCHMARKS.md).
#[derive(Clone, Copy, Debug)]
pub enum Effort {
    Best,
    Fast,
}

/// Whether a file is served compressed: text (HTML, CSS, scripts, JSON,
/// XML, SVG, plain text, the web app manifest) and wasm. Pagefind's own
/// chunks (`.pf_*`, `*.pagefind`) are gzip already.
pub fn compressible(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        extension.as_deref(),
        Some(
            "html" | "css" | "js" | "mjs" | "json" | "xml" | "svg" | "txt" | "webmanifest" | "wasm"
        )
    )
}

/// The file a compressed copy stands for (`page.html` for `page.html.br`),
/// or `None` for a file that is not one.
pub fn original_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = SUFFIXES.iter().find_map(|s| name.strip_suffix(s))?;
    let original = path.with_file_name(stem);
    compressible(&original).then_some(original)
}

/// `path` with `suffix` added to its name.
pub fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// `bytes` in each encoding of [`SUFFIXES`], in that order.
pub fn encode(bytes: &[u8], effort: Effort) -> Result<[Vec<u8>; 2], String> {
    let (brotli_quality, gzip_level) = match effort {
        Effort::Best => (11, 9),
        Effort::Fast => (5, 6),
    };
    let mut brotli = Vec::with_capacity(bytes.len() / 3);
    {
        let params = brotli::enc::BrotliEncoderParams {
            quality: brotli_quality,
            lgwin: window_bits(bytes.len()),
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params)
            .map_err(|e| format!("brotli: {e}"))?;
    }
    let mut gzip = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(gzip_level),
    );
    gzip.write_all(bytes).map_err(|e| format!("gzip: {e}"))?;
    let gzip = gzip.finish().map_err(|e| format!("gzip: {e}"))?;
    Ok([brotli, gzip])
}

/// Brotli's window for `len` bytes: the whole file where it can (the copy is
/// then the same as with the largest window), from 2^18 (smaller windows
/// switch Brotli to a hasher many times slower) to 2^22. A window no
/// larger than the file makes a page's copy ~20% faster than 2^22 did
/// (the encoder sets up less).
fn window_bits(len: usize) -> i32 {
    // A window of 2^n holds 2^n - 16 bytes.
    let bits = usize::BITS - (len + 16).saturating_sub(1).leading_zeros();
    bits.clamp(18, 22) as i32
}

/// Writes the compressed copies of every compressible file below `dir`,
/// except below the folders named in `skip` (relative to `dir`), and
/// removes copies whose file is gone. Returns how many files it compressed.
pub fn write_beside_all(dir: &Path, skip: &[&str], effort: Effort) -> Result<usize, String> {
    let mut files = Vec::new();
    collect(dir, dir, skip, &mut files)?;
    let mut count = 0;
    for file in &files {
        if let Some(original) = original_of(file) {
            if !original.is_file() {
                std::fs::remove_file(file)
                    .map_err(|e| format!("cannot remove {}: {e}", file.display()))?;
            }
        } else if compressible(file) {
            let bytes =
                std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            for (suffix, encoded) in SUFFIXES.iter().zip(encode(&bytes, effort)?) {
                let target = beside(file, suffix);
                std::fs::write(&target, encoded)
                    .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            }
            count += 1;
        }
    }
    Ok(count)
}

fn collect(root: &Path, dir: &Path, skip: &[&str], files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let hidden = relative
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden || skip.iter().any(|s| relative == Path::new(s)) {
            continue;
        }
        if kind.is_dir() {
            collect(root, &path, skip, files)?;
        } else if kind.is_file() {
            files.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn text_and_wasm_are_compressed_and_what_is_compressed_already_is_not() {
        for name in [
            "index.html",
            "pages/ja/news/1.html",
            "app-0123abcd.js",
            "app-0123abcd_bg.wasm",
            "style-0123abcd.css",
            "feed.xml",
            "parts.json",
            "robots.txt",
            "icon.SVG",
            "manifest.webmanifest",
        ] {
            assert!(compressible(Path::new(name)), "{name}");
        }
        for name in [
            "photo.jpg",
            "icon.png",
            "pagefind/part0/index/ja_abc.pf_index",
            "pagefind/wasm.ja.pagefind",
            "page.html.br",
            "page.html.gz",
            "README",
        ] {
            assert!(!compressible(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn a_copy_names_its_file_and_only_a_copy_does() {
        assert_eq!(
            original_of(Path::new("pages/ja/index.html.br")),
            Some(PathBuf::from("pages/ja/index.html"))
        );
        assert_eq!(
            original_of(Path::new("app_bg.wasm.gz")),
            Some(PathBuf::from("app_bg.wasm"))
        );
        assert_eq!(original_of(Path::new("pages/ja/index.html")), None);
        assert_eq!(original_of(Path::new("archive.tar.gz")), None);
        assert_eq!(original_of(Path::new(".br")), None);
    }

    #[test]
    fn brotli_window_holds_the_whole_file_where_it_can() {
        assert_eq!(window_bits(0), 18);
        assert_eq!(window_bits((1 << 18) - 16), 18);
        assert_eq!(window_bits((1 << 18) - 15), 19);
        assert_eq!(window_bits((1 << 21) - 16), 21);
        assert_eq!(window_bits(10 << 20), 22);
        // A file larger than the largest window still comes back whole.
        let wasm: Vec<u8> = (0..(5u32 << 20))
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        let [br, _] = encode(&wasm, Effort::Fast).unwrap();
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut decoded).unwrap();
        assert!(decoded == wasm);
    }

    #[test]
    fn each_encoding_decodes_to_the_same_bytes() {
        let page = "<p>長寧の努力で国際的な「モーメンツ」が広がり</p>\n".repeat(200);
        for effort in [Effort::Best, Effort::Fast] {
            let [br, gz] = encode(page.as_bytes(), effort).unwrap();
            assert!(br.len() < page.len() / 10 && gz.len() < page.len() / 10);
            let mut decoded = Vec::new();
            brotli::BrotliDecompress(&mut &br[..], &mut decoded).unwrap();
            assert_eq!(decoded, page.as_bytes());
            let mut decoded = Vec::new();
            flate2::read::GzDecoder::new(&gz[..])
                .read_to_end(&mut decoded)
                .unwrap();
            assert_eq!(decoded, page.as_bytes());
        }
        // An empty file too.
        let [br, gz] = encode(b"", Effort::Fast).unwrap();
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut decoded).unwrap();
        assert!(decoded.is_empty());
        assert!(!gz.is_empty());
    }

    #[test]
    fn a_folder_gets_its_copies_and_loses_those_of_files_gone() {
        let dir = std::env::temp_dir().join(format!("compress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::create_dir_all(dir.join("map")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("map/world.json"), "{}").unwrap();
        std::fs::write(dir.join("photo.jpg"), [0xff, 0xd8]).unwrap();
        std::fs::write(dir.join("data/cities.json"), "{}").unwrap();
        std::fs::write(dir.join("gone.js.br"), "old").unwrap();
        std::fs::write(dir.join(".hidden.json"), "{}").unwrap();
        assert_eq!(write_beside_all(&dir, &["data"], Effort::Fast).unwrap(), 2);
        for made in [
            "index.html.br",
            "index.html.gz",
            "map/world.json.br",
            "map/world.json.gz",
        ] {
            assert!(dir.join(made).is_file(), "{made}");
        }
        for absent in [
            "photo.jpg.br",
            "data/cities.json.br",
            "data/cities.json.gz",
            "gone.js.br",
            ".hidden.json.br",
        ] {
            assert!(!dir.join(absent).exists(), "{absent}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
