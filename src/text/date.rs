//! Calendar dates as the plan and the profiles write them, shown `dd/mm/yyyy`, and the
//! day of the check.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable that sets the day of the check (`2025-06-01`): for tests,
/// and to check as of another day. Without it, today is the date in Vietnam (UTC+7).
pub const TODAY_VAR: &str = "BANGVANG_TODAY";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// `04/04/2024`, as Vietnamese documents write dates.
    pub fn dmy(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// `2024-04-04`, for feeds, sitemaps and `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// `2024-04-04`, and nothing else.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let n = |r: std::ops::Range<usize>| s.get(r)?.parse::<u16>().ok();
        let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
        Date::new(i32::from(y), u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    }

    /// The day `days` days after 1970-01-01 (the civil calendar of Howard Hinnant's
    /// `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

/// The day of the check: [`TODAY_VAR`] when it is set (an error when it is not a date),
/// else the date in Vietnam now.
pub fn today() -> Result<Date, String> {
    match std::env::var(TODAY_VAR) {
        Ok(v) => Date::parse_iso(v.trim()).ok_or(v),
        Err(_) => Ok(clock_today()),
    }
}

/// The date in Vietnam (UTC+7, no daylight saving since 1975) by the system clock.
pub fn clock_today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Date::from_days((secs + 7 * 3600).div_euclid(86_400))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_orders() {
        let d = Date::new(2024, 4, 4).expect("valid");
        assert_eq!(d.dmy(), "04/04/2024");
        assert_eq!(d.iso(), "2024-04-04");
        assert!(Date::new(2024, 11, 30) < Date::new(2024, 12, 1));
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2024, 13, 1).is_none());
    }

    #[test]
    fn parsing_and_the_calendar() {
        assert_eq!(Date::parse_iso("2024-02-29"), Date::new(2024, 2, 29));
        assert_eq!(Date::parse_iso("2023-02-29"), None);
        assert_eq!(Date::parse_iso("20/11/2024"), None);
        assert_eq!(Date::from_days(0), Date::new(1970, 1, 1).expect("valid"));
        assert_eq!(
            Date::from_days(19_723),
            Date::new(2024, 1, 1).expect("valid")
        );
        assert_eq!(
            Date::from_days(20_088),
            Date::new(2024, 12, 31).expect("valid")
        );
        assert_eq!(Date::from_days(-1), Date::new(1969, 12, 31).expect("valid"));
        assert!(clock_today().year >= 2024);
    }
}
