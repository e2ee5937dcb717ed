//! Reading the files publish reads (the data, the world map, the shell)
//! only as regular files inside the site: never through a symbolic link
//! (the link itself, or a folder on the way under the site), never a FIFO
//! that would block, a device that never ends, or a folder; and never more
//! than [`FILE_CAP`] bytes. Each refusal names the file.

use std::fs::{FileType, OpenOptions};
use std::io::{ErrorKind, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Component, Path, PathBuf};

/// The most publish reads of one file: well above the contract's 10 MB
/// article and a 100,000-partner `cities.json` (about 30 MiB).
pub const FILE_CAP: u64 = 64 * 1024 * 1024;

/// The bytes of `relative` (a path below `site`: `data/cities.json`), or
/// `None` when it (or a folder on the way) does not exist. An error, naming
/// the path below the site, when any part of it under the site is a link,
/// the file is not a regular file, or it is larger than [`FILE_CAP`].
pub fn read_site_file(site: &Path, relative: &Path) -> Result<Option<Vec<u8>>, String> {
    let Some(path) = checked_path(site, relative, Expect::File)? else {
        return Ok(None);
    };
    let name = relative.display();
    // Not following a link put there since the check, and not waiting for
    // a writer should a FIFO have been.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(&path);
    let file = match file {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(format!("{name}: {}", refusal(None)))
        }
        Err(e) => return Err(format!("{name}: cannot be read: {e}")),
    };
    let meta = file
        .metadata()
        .map_err(|e| format!("{name}: cannot be read: {e}"))?;
    if !meta.file_type().is_file() {
        return Err(format!("{name}: {}", refusal(Some(meta.file_type()))));
    }
    if meta.len() > FILE_CAP {
        return Err(too_large(&name.to_string(), meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(FILE_CAP + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: cannot be read: {e}"))?;
    if bytes.len() as u64 > FILE_CAP {
        return Err(too_large(&name.to_string(), bytes.len() as u64));
    }
    Ok(Some(bytes))
}

/// The names in the folder `relative` below `site` (empty when it does not
/// exist), refused like a file when it or a folder on the way is a link.
pub fn list_site_dir(site: &Path, relative: &Path) -> Result<Vec<String>, String> {
    let Some(path) = checked_path(site, relative, Expect::Folder)? else {
        return Ok(Vec::new());
    };
    let entries = std::fs::read_dir(&path)
        .map_err(|e| format!("{}: cannot be read: {e}", relative.display()))?;
    Ok(entries
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect())
}

#[derive(Clone, Copy, PartialEq)]
enum Expect {
    File,
    Folder,
}

/// `site/relative` once every part of it under the site is what it should
/// be, as it is on disk (links not followed): folders on the way, then the
/// last part a regular file or a folder. `None` when a part does not exist.
fn checked_path(site: &Path, relative: &Path, last: Expect) -> Result<Option<PathBuf>, String> {
    let mut path = site.to_path_buf();
    let mut shown = PathBuf::new();
    let parts: Vec<Component> = relative.components().collect();
    for (i, part) in parts.iter().enumerate() {
        let Component::Normal(part) = part else {
            return Err(format!(
                "{}: not a path inside the site",
                relative.display()
            ));
        };
        path.push(part);
        shown.push(part);
        let kind = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta.file_type(),
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: cannot be read: {e}", shown.display())),
        };
        let expected = if i + 1 == parts.len() {
            last
        } else {
            Expect::Folder
        };
        let fine = match expected {
            Expect::File => kind.is_file(),
            Expect::Folder => kind.is_dir(),
        };
        if !fine {
            return Err(format!("{}: {}", shown.display(), refusal(Some(kind))));
        }
    }
    Ok(Some(path))
}

/// Why a file of this kind is not read (`None`: a link).
fn refusal(kind: Option<FileType>) -> String {
    let not_regular =
        |what: &str| format!("{what}, not a regular file: publish reads only regular files");
    match kind {
        Some(k) if k.is_fifo() => not_regular("a FIFO (named pipe)"),
        Some(k) if k.is_char_device() || k.is_block_device() => not_regular("a device"),
        Some(k) if k.is_socket() => not_regular("a socket"),
        Some(k) if k.is_dir() => not_regular("a folder"),
        Some(k) if k.is_file() => "a file where a folder is expected".to_owned(),
        Some(k) if !k.is_symlink() => not_regular("of an unknown kind"),
        _ => "a symbolic link: publish reads only files inside the site, never through a link"
            .to_owned(),
    }
}

fn too_large(name: &str, bytes: u64) -> String {
    format!(
        "{name}: {bytes} bytes, more than the {} MiB publish reads from one file",
        FILE_CAP / (1024 * 1024)
    )
}
