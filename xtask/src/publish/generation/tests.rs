use super::*;

fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("generation-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn publish(site: &Path, files: &[(&str, &str)]) {
    let lock = SiteLock::take(site).unwrap();
    let mut draft = lock.begin().unwrap();
    for (path, text) in files {
        draft.write(Path::new(path), text.as_bytes()).unwrap();
    }
    let keep = files.iter().map(|(path, _)| PathBuf::from(path)).collect();
    draft.keep_only(&keep).unwrap();
    draft.commit().unwrap();
}

fn read(site: &Path, path: &str) -> Option<String> {
    std::fs::read_to_string(site.join(PUBLISHED).join(path)).ok()
}

#[test]
fn a_generation_replaces_the_last_one_as_a_whole() {
    let site = site("replace");
    publish(&site, &[("a.html", "a1"), ("dir/b.html", "b1")]);
    publish(&site, &[("a.html", "a2"), ("c.html", "c2")]);
    assert_eq!(read(&site, "a.html").as_deref(), Some("a2"));
    assert_eq!(read(&site, "c.html").as_deref(), Some("c2"));
    assert_eq!(read(&site, "dir/b.html"), None);
    assert!(
        !site.join(PUBLISHED).join("dir").exists(),
        "empty folders go"
    );
    assert!(!site.join(WORK).join(NEXT).exists());
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn a_run_stopped_before_it_finished_leaves_the_site_as_it_was() {
    let site = site("stopped");
    publish(&site, &[("a.html", "old"), ("b.html", "old")]);
    {
        // A run writes part of its generation and is stopped (as by kill -9:
        // nothing after this point runs).
        let lock = SiteLock::take(&site).unwrap();
        let mut draft = lock.begin().unwrap();
        draft.write(Path::new("a.html"), b"new").unwrap();
        draft
            .keep_only(&HashSet::from([PathBuf::from("a.html")]))
            .unwrap();
        std::mem::forget(draft);
    }
    assert_eq!(read(&site, "a.html").as_deref(), Some("old"));
    assert_eq!(read(&site, "b.html").as_deref(), Some("old"));
    // The next run clears what was left and starts from the live site.
    let lock = SiteLock::take(&site).unwrap();
    assert!(!site.join(WORK).join(NEXT).exists());
    let draft = lock.begin().unwrap();
    // Each page with its two compressed copies.
    assert_eq!(draft.files().unwrap().len(), 2 * 3);
    drop(draft);
    drop(lock);
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn a_run_stopped_between_two_renames_is_completed_by_the_next() {
    let site = site("between");
    publish(&site, &[("a.html", "old")]);
    // Where an exchange takes two steps, a run stopped after the first
    // leaves the live generation at `previous`.
    std::fs::create_dir_all(site.join(WORK)).unwrap();
    std::fs::rename(site.join(PUBLISHED), site.join(WORK).join(PREVIOUS)).unwrap();
    let _lock = SiteLock::take(&site).unwrap();
    assert_eq!(read(&site, "a.html").as_deref(), Some("old"));
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn a_second_run_is_refused_and_told_who_holds_the_site() {
    let site = site("locked");
    let first = SiteLock::take(&site).unwrap();
    let error = SiteLock::take(&site).err().unwrap();
    assert!(error.contains("another publish"), "{error}");
    assert!(
        error.contains(&format!("pid {}", std::process::id())),
        "{error}"
    );
    drop(first);
    assert!(
        SiteLock::take(&site).is_ok(),
        "free once the first run ends"
    );
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn a_file_written_with_its_own_bytes_is_left_as_it_is() {
    use std::os::unix::fs::MetadataExt;
    let site = site("same");
    publish(&site, &[("a.html", "same")]);
    let inode = |site: &Path| {
        std::fs::metadata(site.join(PUBLISHED).join("a.html"))
            .unwrap()
            .ino()
    };
    let before = inode(&site);
    let lock = SiteLock::take(&site).unwrap();
    let draft = lock.begin().unwrap();
    assert!(!draft.write(Path::new("a.html"), b"same").unwrap());
    assert!(draft.write(Path::new("b.html"), b"new").unwrap());
    draft.commit().unwrap();
    assert_eq!(inode(&site), before);
    let _ = std::fs::remove_dir_all(&site);
}

/// A run whose files are recorded (digest = the text, here).
fn publish_recorded(site: &Path, files: &[(&str, &str)]) {
    let lock = SiteLock::take(site).unwrap();
    let mut draft = lock.begin().unwrap();
    let mut records = String::new();
    for (path, text) in files {
        draft.write(Path::new(path), text.as_bytes()).unwrap();
        records.push_str(&format!("{text} {path}\n"));
    }
    let keep = files.iter().map(|(path, _)| PathBuf::from(path)).collect();
    draft.keep_only(&keep).unwrap();
    draft.write_records(&records).unwrap();
    draft.commit().unwrap();
}

#[test]
fn the_next_run_starts_from_the_spare_brought_up_to_the_live_files() {
    let site = site("spare");
    publish_recorded(
        &site,
        &[("a.html", "a1"), ("b.html", "b1"), ("d/e.html", "e1")],
    );
    publish_recorded(
        &site,
        &[("a.html", "a2"), ("b.html", "b1"), ("c.html", "c2")],
    );
    let spare = site.join(WORK).join(SPARE);
    // The second run wrote two of three files: the spare is the first
    // generation (a run that writes every file keeps its own copy instead).
    assert_eq!(std::fs::read_to_string(spare.join("a.html")).unwrap(), "a1");
    assert!(spare.join("d/e.html").is_file());
    // A run that is stopped after it began: its draft is the spare caught up.
    let lock = SiteLock::take(&site).unwrap();
    let draft = lock.begin().unwrap();
    let next = site.join(WORK).join(NEXT);
    let text = |path: &str| std::fs::read_to_string(next.join(path)).ok();
    assert_eq!(
        text("a.html").as_deref(),
        Some("a2"),
        "changed since the spare"
    );
    assert_eq!(text("b.html").as_deref(), Some("b1"), "unchanged");
    assert_eq!(
        text("c.html").as_deref(),
        Some("c2"),
        "added since the spare"
    );
    assert_eq!(text("d/e.html"), None, "removed since the spare");
    std::mem::forget(draft);
    drop(lock);
    // The next run clears that draft (the spare with it) and links every
    // live file: the site stays whole either way.
    publish_recorded(
        &site,
        &[("a.html", "a3"), ("b.html", "b1"), ("c.html", "c2")],
    );
    assert_eq!(read(&site, "a.html").as_deref(), Some("a3"));
    assert_eq!(read(&site, "b.html").as_deref(), Some("b1"));
    assert_eq!(read(&site, "c.html").as_deref(), Some("c2"));
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn a_run_that_writes_every_file_keeps_a_spare_of_its_own_files() {
    let site = site("spare-own");
    publish_recorded(&site, &[("a.html", "a1"), ("d/b.html", "b1")]);
    let spare = site.join(WORK).join(SPARE);
    let text = |path: &str| std::fs::read_to_string(spare.join(path)).ok();
    assert_eq!(text("a.html").as_deref(), Some("a1"));
    assert_eq!(text("d/b.html").as_deref(), Some("b1"));
    assert_eq!(Records::of(&spare), Records::of(&site.join(PUBLISHED)));
    // Every file again (a new build): the spare is this run's, the old
    // generation is gone.
    publish_recorded(&site, &[("a.html", "a2"), ("d/b.html", "b2")]);
    assert_eq!(text("a.html").as_deref(), Some("a2"));
    assert_eq!(text("d/b.html").as_deref(), Some("b2"));
    assert!(!site.join(WORK).join(NEXT).exists());
    assert!(!site.join(WORK).join(SPARE_NEXT).exists());
    // And the next run, from that spare, publishes what it is given.
    publish_recorded(&site, &[("a.html", "a3"), ("d/b.html", "b2")]);
    assert_eq!(read(&site, "a.html").as_deref(), Some("a3"));
    assert_eq!(read(&site, "d/b.html").as_deref(), Some("b2"));
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn catching_up_never_reaches_outside_the_generation() {
    let site = site("spare-outside");
    publish_recorded(&site, &[("a.html", "a1")]);
    publish_recorded(&site, &[("a.html", "a2")]);
    let outside = site.join("outside.txt");
    std::fs::write(&outside, "kept").unwrap();
    // Records that name paths out of the generation, relative and absolute
    // (both the test's own file).
    let records = format!("x ../../outside.txt\ny {}\nz a.html\n", outside.display());
    // Replaced, not written in place: the spare's records are the same file.
    let temp = site.join("records");
    std::fs::write(&temp, records).unwrap();
    std::fs::rename(&temp, site.join(PUBLISHED).join(RECORDS)).unwrap();
    let lock = SiteLock::take(&site).unwrap();
    let draft = lock.begin().unwrap();
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "kept");
    let next = site.join(WORK).join(NEXT);
    assert_eq!(std::fs::read_to_string(next.join("a.html")).unwrap(), "a2");
    std::mem::forget(draft);
    drop(lock);
    let _ = std::fs::remove_dir_all(&site);
}

/// The text a compressed copy decodes to.
fn decoded(path: &Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap();
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "br") {
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &bytes[..], &mut out).unwrap();
        text = String::from_utf8(out).unwrap();
    } else {
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap();
    }
    text
}

#[test]
fn a_text_file_s_compressed_copies_are_always_its_own_bytes() {
    let site = site("copies");
    let live = site.join(PUBLISHED);
    let copies_of = |path: &str, text: &str| {
        for suffix in crate::compress::SUFFIXES {
            let copy = live.join(format!("{path}{suffix}"));
            assert_eq!(decoded(&copy), text, "{}", copy.display());
        }
    };
    publish_recorded(
        &site,
        &[("a.html", "a1"), ("b.html", "b1"), ("i.png", "png")],
    );
    copies_of("a.html", "a1");
    copies_of("b.html", "b1");
    assert!(!live.join("i.png.br").exists(), "only text and wasm");
    // Through the spare: the third run starts from the first generation
    // (a1's copies), caught up to the second (a2's), and writes a2 again.
    publish_recorded(&site, &[("a.html", "a2"), ("b.html", "b1")]);
    publish_recorded(&site, &[("a.html", "a2"), ("b.html", "b1")]);
    copies_of("a.html", "a2");
    copies_of("b.html", "b1");
    // A file whose copies went missing gets them again, though unchanged.
    std::fs::remove_file(live.join("b.html.gz")).unwrap();
    publish_recorded(&site, &[("a.html", "a2"), ("b.html", "b1")]);
    copies_of("b.html", "b1");
    // A file gone takes its copies with it.
    publish_recorded(&site, &[("a.html", "a2")]);
    for gone in ["b.html", "b.html.br", "b.html.gz", "i.png"] {
        assert!(!live.join(gone).exists(), "{gone}");
    }
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn folders_left_empty_go_whichever_generation_a_run_starts_from() {
    let site = site("empty-folders");
    publish_recorded(
        &site,
        &[
            ("a.html", "a1"),
            ("dir/deeper/b.html", "b1"),
            ("dir/c.html", "c1"),
        ],
    );
    // b goes: its folder with it, not the folder c is still in.
    publish_recorded(&site, &[("a.html", "a2"), ("dir/c.html", "c1")]);
    assert!(!site.join(PUBLISHED).join("dir/deeper").exists());
    assert_eq!(read(&site, "dir/c.html").as_deref(), Some("c1"));
    // This run starts from the spare, the first generation, which still
    // has b: brought up to date, it loses b and its folders, and c's too.
    publish_recorded(&site, &[("a.html", "a3")]);
    assert_eq!(read(&site, "a.html").as_deref(), Some("a3"));
    assert!(
        !site.join(PUBLISHED).join("dir").exists(),
        "empty folders go"
    );
    publish_recorded(&site, &[("a.html", "a4")]);
    assert!(!site.join(PUBLISHED).join("dir").exists());
    let _ = std::fs::remove_dir_all(&site);
}
