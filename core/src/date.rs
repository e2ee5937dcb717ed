//! Calendar dates as the contract has them: `YYYY-MM-DD`, or `YYYY-MM` where
//! only the month is known; a partnership's start also `YYYY`.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// A date known to the day, or only to the month, or (a partnership's
/// start) only to the year. Dates sort by year, then month, then day, the
/// less precise first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    pub year: u16,
    /// `None` when only the year is known.
    pub month: Option<u8>,
    /// `None` when only the month (or the year) is known.
    pub day: Option<u8>,
}

impl IsoDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (see [`parse`](Self::parse)).
    pub fn parse_or_year(text: &str) -> Option<Self> {
        if text.len() == 4 {
            let year = u16::try_from(digits(text, 4)?).ok()?;
            return Some(Self {
                year,
                month: None,
                day: None,
            });
        }
        Self::parse(text)
    }

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
        Some(Self {
            year,
            month: Some(month),
            day,
        })
    }

    /// The date in the user's language: `2021年10月14日`, `14 October 2021`,
    /// `1994年`, `1994`.
    pub fn format(&self, lang: &str) -> String {
        let month_en = |m: u8| MONTHS_EN[usize::from(m.clamp(1, 12)) - 1];
        match (lang, self.month, self.day) {
            ("en", Some(month), Some(day)) => format!("{day} {} {}", month_en(month), self.year),
            ("en", Some(month), None) => format!("{} {}", month_en(month), self.year),
            ("en", None, _) => self.year.to_string(),
            (_, Some(month), Some(day)) => format!("{}年{}月{}日", self.year, month, day),
            (_, Some(month), None) => format!("{}年{}月", self.year, month),
            (_, None, _) => format!("{}年", self.year),
        }
    }
}

/// The calendar year (UTC) of a moment given in seconds since 1970.
pub fn year_of_unix_time(seconds: i64) -> i64 {
    // Howard Hinnant's days-to-civil, for the year alone.
    let days = seconds.div_euclid(86_400) + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let year = year_of_era + era * 400;
    if month_index >= 10 {
        year + 1
    } else {
        year
    }
}

/// The machine-readable form, for `<time datetime>`.
impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// An article's or the column's date: `YYYY-MM-DD` or `YYYY-MM`.
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
        assert_eq!((d.year, d.month, d.day), (2021, Some(10), Some(14)));
        let m = IsoDate::parse("1993-05").unwrap();
        assert_eq!((m.year, m.month, m.day), (1993, Some(5), None));
        assert_eq!(
            IsoDate::parse("1994"),
            None,
            "an article's date needs a month"
        );
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
    fn a_partnership_may_be_known_only_by_its_year() {
        let y = IsoDate::parse_or_year("1994").unwrap();
        assert_eq!((y.year, y.month, y.day), (1994, None, None));
        assert_eq!(y.to_string(), "1994");
        assert_eq!(y.format("ja"), "1994年");
        assert_eq!(y.format("zh"), "1994年");
        assert_eq!(y.format("en"), "1994");
        for bad in ["94", "19940", "1994-", "year", "1994-13"] {
            assert_eq!(IsoDate::parse_or_year(bad), None, "{bad}");
        }
        // Sorted with the others: by year, the less precise first.
        let mut dates: Vec<IsoDate> = ["1994-05", "1993-05", "1994", "1994-01-02"]
            .iter()
            .filter_map(|t| IsoDate::parse_or_year(t))
            .collect();
        dates.sort();
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["1993-05", "1994", "1994-01-02", "1994-05"]);
    }

    #[test]
    fn years_of_moments() {
        assert_eq!(year_of_unix_time(0), 1970);
        assert_eq!(year_of_unix_time(1_634_169_600), 2021); // 2021-10-14
        assert_eq!(year_of_unix_time(1_798_761_599), 2026); // 2026-12-31T23:59:59Z
        assert_eq!(year_of_unix_time(1_798_761_600), 2027);
        assert_eq!(year_of_unix_time(951_782_400), 2000); // 2000-02-29
        assert_eq!(year_of_unix_time(-1), 1969);
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
