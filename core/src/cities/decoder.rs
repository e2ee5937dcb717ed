//! Reading `cities.json` entry by entry: the outline first, then each
//! partner on its own, a few thousand per step.

use std::ops::Range;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::entry::{check_coordinates, decode_partner};
use super::{Cities, Home, Partner, CITIES_FILE};
use crate::error::{DataError, EntryNotice, Problem};
use crate::id::SeenIds;
use crate::json::{decode_part, decode_text, join, lossy_text, path_at};

/// The file's outline: the home, and each partner entry still as text, so
/// that one entry's problem (a number too large, a wrong type, bytes that
/// are not UTF-8) is that entry's alone.
#[derive(Deserialize)]
struct CitiesOutline<'a> {
    #[serde(borrow)]
    home: &'a RawValue,
    #[serde(borrow)]
    partners: Vec<&'a RawValue>,
}

/// Just the id of an entry, to name it when the rest cannot be read.
#[derive(Deserialize)]
struct EntryId {
    #[serde(default)]
    id: Option<String>,
}

/// Decodes `cities.json` a few partners at a time, so that a browser can
/// paint and answer input between steps of a file of 100,000 partners:
/// [`new`](Self::new) reads the outline and the home, each
/// [`step`](Self::step) decodes up to `n` more partners.
pub struct CitiesDecoder {
    text: String,
    /// Where the bytes that were not UTF-8 were (offsets into `text`).
    not_utf8: Vec<usize>,
    home: Home,
    entries: Vec<Range<usize>>,
    next: usize,
    partners: Vec<Partner>,
    notices: Vec<EntryNotice>,
    seen: SeenIds,
}

impl CitiesDecoder {
    pub fn new(bytes: &[u8]) -> Result<Self, DataError> {
        let file = CITIES_FILE;
        let (text, not_utf8) = lossy_text(bytes);
        let outline: CitiesOutline = decode_text(file, &text)?;
        let base = text.as_ptr() as usize;
        let range = |raw: &RawValue| {
            let start = raw.get().as_ptr() as usize - base;
            start..start + raw.get().len()
        };
        let entries: Vec<Range<usize>> = outline.partners.iter().map(|raw| range(raw)).collect();
        // Bytes that are not UTF-8 outside every partner entry spoil the
        // file. Both lists are in file order: one walk over the two.
        if let Some(at) = outside_every_entry(&not_utf8, &entries) {
            return Err(DataError::new(file, path_at(&text, at), Problem::NotUtf8));
        }
        let home: Home = decode_part(file, "home", outline.home.get())?;
        check_coordinates(file, "home", home.lat, home.lon)?;
        Ok(Self {
            partners: Vec::with_capacity(entries.len()),
            entries,
            home,
            not_utf8,
            text,
            next: 0,
            notices: Vec::new(),
            seen: SeenIds::default(),
        })
    }

    /// How many partner entries the file has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Decodes up to `n` more entries; `true` once every entry is decoded.
    pub fn step(&mut self, n: usize) -> bool {
        let end = self.entries.len().min(self.next.saturating_add(n));
        for index in self.next..end {
            self.decode_entry(index);
        }
        self.next = end;
        self.next == self.entries.len()
    }

    pub fn finish(self) -> Cities {
        Cities {
            home: self.home,
            partners: self.partners,
            notices: self.notices,
        }
    }

    fn decode_entry(&mut self, index: usize) {
        let file = CITIES_FILE;
        let prefix = format!("partners[{index}]");
        let range = self.entries[index].clone();
        let entry = &self.text[range.clone()];
        // The entry's id, to name it when it is left off.
        let id = || {
            serde_json::from_str::<EntryId>(entry)
                .ok()
                .and_then(|e| e.id)
        };
        // The bytes that are not UTF-8 in this entry (a binary search: the
        // list is in file order).
        let first = self.not_utf8.partition_point(|&at| at < range.start);
        let last = self.not_utf8.partition_point(|&at| at < range.end);
        let bad_paths: Vec<String> = self.not_utf8[first..last]
            .iter()
            .map(|&at| path_at(entry, at - range.start))
            .collect();
        let decoded = match bad_paths.iter().find(|path| path.as_str() != "since") {
            Some(path) => Err(DataError::new(file, join(&prefix, path), Problem::NotUtf8)),
            // Bad bytes in its start only: the start alone is dropped.
            None if !bad_paths.is_empty() => {
                decode_partner(file, &prefix, entry).map(|(mut partner, _)| {
                    partner.since = None;
                    let error = DataError::new(file, join(&prefix, "since"), Problem::NotUtf8);
                    (partner, Some(error))
                })
            }
            None => decode_partner(file, &prefix, entry),
        };
        let left_off = |error| EntryNotice {
            id: id(),
            error,
            left_off: true,
        };
        match decoded {
            Ok((partner, ignored)) => match self.seen.first_use(&partner.id, &prefix) {
                Err(duplicate) => self.notices.push(left_off(DataError::new(
                    file,
                    join(&prefix, "id"),
                    duplicate,
                ))),
                Ok(()) => {
                    self.notices.extend(ignored.map(|error| EntryNotice {
                        id: Some(partner.id.to_string()),
                        error,
                        left_off: false,
                    }));
                    self.partners.push(partner);
                }
            },
            Err(error) => self.notices.push(left_off(error)),
        }
    }
}

/// The first offset in `offsets` that no range of `ranges` holds; both in
/// increasing order and the ranges not overlapping.
fn outside_every_entry(offsets: &[usize], ranges: &[Range<usize>]) -> Option<usize> {
    let mut ranges = ranges.iter().peekable();
    for &at in offsets {
        while ranges.next_if(|r| r.end <= at).is_some() {}
        match ranges.peek() {
            Some(r) if r.contains(&at) => {}
            _ => return Some(at),
        }
    }
    None
}
