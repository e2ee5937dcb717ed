//! One partner entry of `cities.json`, read on its own: its fields, the
//! continent and relation among those the contract names, coordinates on
//! the globe, and a start (`since`) whose problem drops only itself.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::{Continent, Country, Partner, Relation};
use crate::date::IsoDate;
use crate::error::{DataError, Expected, Found, Problem};
use crate::id::Id;
use crate::json::{decode_part, join, kind_of, quote};
use crate::localized::LocalizedText;

/// A partner entry as the file has it, before its values are checked.
#[derive(Deserialize)]
struct PartnerEntry {
    id: Id,
    names: LocalizedText,
    country: Country,
    continent: String,
    lat: f64,
    lon: f64,
    relation: String,
    /// Kept as text and read on its own: an unreadable start (a wrong
    /// type, a number too large to read) drops only itself.
    #[serde(default)]
    since: Option<Box<RawValue>>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    summary: Option<LocalizedText>,
}

/// A partner, and the error of its `since` when that alone was unreadable.
pub(super) fn decode_partner(
    file: &str,
    prefix: &str,
    entry: &str,
) -> Result<(Partner, Option<DataError>), DataError> {
    let raw: PartnerEntry = decode_part(file, prefix, entry)?;
    check_coordinates(file, prefix, raw.lat, raw.lon)?;
    let unknown = |field: &str, found: &str, allowed: Vec<&'static str>| {
        DataError::new(
            file,
            join(prefix, field),
            Problem::Unknown {
                found: quote(found),
                allowed,
            },
        )
    };
    let continent = Continent::parse(&raw.continent).ok_or_else(|| {
        let allowed = Continent::ALL.iter().map(|c| c.as_str()).collect();
        unknown("continent", &raw.continent, allowed)
    })?;
    let relation = Relation::parse(&raw.relation).ok_or_else(|| {
        let allowed = Relation::ALL.iter().map(|r| r.as_str()).collect();
        unknown("relation", &raw.relation, allowed)
    })?;
    let (since, ignored) = match read_since(raw.since) {
        Ok(since) => (since, None),
        Err(problem) => (
            None,
            Some(DataError::new(file, join(prefix, "since"), problem)),
        ),
    };
    let partner = Partner {
        id: raw.id,
        names: raw.names,
        country: raw.country,
        continent,
        lat: raw.lat,
        lon: raw.lon,
        relation,
        since,
        aliases: raw
            .aliases
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .collect(),
        summary: raw.summary,
    };
    Ok((partner, ignored))
}

/// A partnership's start: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or absent.
fn read_since(raw: Option<Box<RawValue>>) -> Result<Option<IsoDate>, Problem> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let value = match serde_json::from_str::<Value>(raw.get()) {
        Ok(value) => value,
        Err(error) if error.to_string().starts_with("number out of range") => {
            return Err(Problem::NumberTooLarge)
        }
        Err(_) => {
            return Err(Problem::Invalid {
                expected: Expected::DateOrYear,
                found: quote(raw.get()),
            })
        }
    };
    match value {
        Value::Null => Ok(None),
        Value::String(text) => {
            IsoDate::parse_or_year(&text)
                .map(Some)
                .ok_or_else(|| Problem::Invalid {
                    expected: Expected::DateOrYear,
                    found: quote(&text),
                })
        }
        other => Err(Problem::WrongType {
            expected: Expected::DateOrYear,
            found: Found {
                kind: kind_of(&other),
                literal: None,
            },
        }),
    }
}

pub(super) fn check_coordinates(
    file: &str,
    prefix: &str,
    lat: f64,
    lon: f64,
) -> Result<(), DataError> {
    let out = |field: &str, min: &str, max: &str, found: f64| {
        DataError::new(
            file,
            join(prefix, field),
            Problem::OutOfRange {
                min: min.to_owned(),
                max: max.to_owned(),
                found: found.to_string(),
            },
        )
    };
    if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
        return Err(out("lat", "-90", "90", lat));
    }
    if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
        return Err(out("lon", "-180", "180", lon));
    }
    Ok(())
}
