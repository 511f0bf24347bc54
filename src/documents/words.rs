//! How the documents write dates and figures: `ngày 05 tháng 12 năm 2024` (Decree 30:
//! a day below 10 and the months 1 and 2 with a leading zero), a date left blank to be
//! written by hand, a vote's share with one decimal and a Vietnamese comma (`89,7 %`).

use crate::text::date::Date;

/// `ngày 05 tháng 12 năm 2024`, `ngày 15 tháng 02 năm 2025`, `ngày 04 tháng 4 năm 2024`.
pub fn long_date(d: Date) -> String {
    let month = if d.month <= 2 {
        format!("{:02}", d.month)
    } else {
        d.month.to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day, d.year)
}

/// The date line's date, or its blanks for the signer to fill in (`ngày    tháng    năm 2024`).
pub fn date_or_blank(d: Option<Date>, year: u16) -> String {
    match d {
        Some(d) => long_date(d),
        None => format!("ngày {BLANK} tháng {BLANK} năm {year}"),
    }
}

/// The space left for a number or a day to be written by hand.
pub const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

/// The place and date line: `Bình Phước, ngày 05 tháng 12 năm 2024`.
pub fn dated(place: &str, d: Option<Date>, year: u16) -> String {
    format!("{place}, {}", date_or_blank(d, year))
}

/// The share of `in_favour` in `members`, in tenths of a percent, rounded half up but
/// never up to `percent` when the vote falls short of it (so `89,95 %` of a 90 % rule
/// shows `89,9 %`, not a `90,0 %` that did not pass).
pub fn share_tenths(in_favour: i64, members: i64, passes: bool, percent: i64) -> i64 {
    if members <= 0 {
        return 0;
    }
    let rounded = (in_favour.saturating_mul(1000) + members / 2) / members;
    if !passes && rounded >= percent.saturating_mul(10) {
        in_favour.saturating_mul(1000) / members
    } else {
        rounded
    }
}

/// `89,7 %`, `100,0 %`.
pub fn share(in_favour: i64, members: i64, passes: bool, percent: i64) -> String {
    let t = share_tenths(in_favour, members, passes, percent);
    format!("{},{} %", t / 10, t % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_decree_30_writes_them() {
        let d = |y, m, day| Date::new(y, m, day).expect("date");
        assert_eq!(long_date(d(2024, 12, 5)), "ngày 05 tháng 12 năm 2024");
        assert_eq!(long_date(d(2025, 2, 15)), "ngày 15 tháng 02 năm 2025");
        assert_eq!(long_date(d(2025, 1, 9)), "ngày 09 tháng 01 năm 2025");
        assert_eq!(long_date(d(2024, 4, 4)), "ngày 04 tháng 4 năm 2024");
        assert_eq!(
            dated("Bình Phước", Some(d(2024, 12, 5)), 2024),
            "Bình Phước, ngày 05 tháng 12 năm 2024"
        );
        let blank = dated("Bình Phước", None, 2024);
        assert!(blank.starts_with("Bình Phước, ngày "));
        assert!(blank.ends_with(" năm 2024"));
    }

    #[test]
    fn shares_with_one_decimal_and_a_comma() {
        assert_eq!(share(26, 29, false, 90), "89,7 %");
        assert_eq!(share(9, 10, true, 90), "90,0 %");
        assert_eq!(share(11, 11, true, 90), "100,0 %");
        assert_eq!(share(10, 11, true, 90), "90,9 %");
        assert_eq!(share(9, 11, false, 90), "81,8 %");
        // 1799 of 2000 is 89,95 %: short of 90 %, so never shown as 90,0 %.
        assert_eq!(share(1799, 2000, false, 90), "89,9 %");
        assert_eq!(share(1, 0, false, 90), "0,0 %");
    }
}
