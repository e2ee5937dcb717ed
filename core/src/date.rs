//! Calendar dates as the contract has them: `YYYY-MM-DD`, or `YYYY-MM`.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// A date known to the day, or only to the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

impl IsoDate {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`, refusing dates that do not exist.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = digits(parts.next()?, 4)?;
        let month = digits(parts.next()?, 2)?;
        let day = match parts.next() {
            Some(part) => Some(digits(part, 2)?),
            None => None,
        };
        if parts.next().is_some() || !(1..=12).contains(&month) {
            return None;
        }
        let (year, month) = (u16::try_from(year).ok()?, u8::try_from(month).ok()?);
        let day = match day {
            Some(d) if d >= 1 && d <= u32::from(days_in_month(year, month)) => Some(d as u8),
            Some(_) => return None,
            None => None,
        };
        Some(Self { year, month, day })
    }

    /// The date in the user's language: `2021年10月14日`, `14 October 2021`.
    pub fn format(&self, lang: &str) -> String {
        match (lang, self.day) {
            ("en", Some(day)) => {
                format!("{day} {} {}", MONTHS_EN[self.month as usize - 1], self.year)
            }
            ("en", None) => format!("{} {}", MONTHS_EN[self.month as usize - 1], self.year),
            (_, Some(day)) => format!("{}年{}月{}日", self.year, self.month, day),
            (_, None) => format!("{}年{}月", self.year, self.month),
        }
    }
}

/// The machine-readable form, for `<time datetime>`.
impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        IsoDate::parse(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&text),
                &crate::json::DATE_RULE,
            )
        })
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn digits(part: &str, len: usize) -> Option<u32> {
    (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_day_and_month_precision() {
        let d = IsoDate::parse("2021-10-14").unwrap();
        assert_eq!((d.year, d.month, d.day), (2021, 10, Some(14)));
        let m = IsoDate::parse("1993-05").unwrap();
        assert_eq!((m.year, m.month, m.day), (1993, 5, None));
    }

    #[test]
    fn refuses_impossible_or_other_formats() {
        for text in [
            "2021-13-01",
            "2021-02-29",
            "2021-00",
            "21-10-14",
            "2021/10/14",
            "2021-10-14T00:00",
            "",
            "2021-1-4",
        ] {
            assert_eq!(IsoDate::parse(text), None, "{text:?}");
        }
        assert!(IsoDate::parse("2024-02-29").is_some(), "leap day");
    }

    #[test]
    fn displays_as_iso_for_machines() {
        assert_eq!(
            IsoDate::parse("2021-10-14").unwrap().to_string(),
            "2021-10-14"
        );
        assert_eq!(IsoDate::parse("1993-05").unwrap().to_string(), "1993-05");
    }

    #[test]
    fn formats_for_readers() {
        let d = IsoDate::parse("2021-10-14").unwrap();
        assert_eq!(d.format("ja"), "2021年10月14日");
        assert_eq!(d.format("zh"), "2021年10月14日");
        assert_eq!(d.format("en"), "14 October 2021");
        let m = IsoDate::parse("1993-05").unwrap();
        assert_eq!(m.format("ja"), "1993年5月");
        assert_eq!(m.format("en"), "May 1993");
    }
}
