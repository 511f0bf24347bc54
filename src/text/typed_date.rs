//! Dates as people type them in a spreadsheet or on the command line: `20/11/2024`,
//! `20-11-2024`, `20.11.2024`, `20/11/24`, `2024-11-20`, `ngày 20 tháng 11 năm 2024`,
//! with or without a time after them. Day before month, as Vietnamese write it.

use super::date::Date;
use super::fold::fold;

/// The date `text` names, if it names exactly one.
pub fn parse(text: &str) -> Option<Date> {
    let folded = fold(text.trim());
    // A time after the date (`20/11/2024 08:30`, `2024-11-20T00:00:00`) is dropped.
    let date_part = folded
        .split(['t', ' '])
        .next()
        .filter(|p| !p.is_empty() && !folded.starts_with("ngay"))
        .unwrap_or(&folded);
    if let Some(d) = words(&folded) {
        return Some(d);
    }
    let parts: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a_n, b_n, c_n) = (num(a)?, num(b)?, num(c)?);
    let (year, month, day) = if a.len() == 4 {
        (a_n, b_n, c_n)
    } else if c.len() == 4 {
        (c_n, b_n, a_n)
    } else if c.len() == 2 && a.len() <= 2 {
        (2000 + c_n, b_n, a_n)
    } else {
        return None;
    };
    Date::new(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// `ngày 20 tháng 11 năm 2024` (folded: `ngay 20 thang 11 nam 2024`).
fn words(folded: &str) -> Option<Date> {
    let w: Vec<&str> = folded.split_whitespace().collect();
    match w[..] {
        ["ngay", d, "thang", m, "nam", y] => {
            Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_people_type_a_date() {
        let want = Date::new(2024, 11, 20);
        for s in [
            "20/11/2024",
            " 20/11/2024 ",
            "20-11-2024",
            "20.11.2024",
            "20/11/24",
            "2024-11-20",
            "2024/11/20",
            "20/11/2024 08:30",
            "2024-11-20T00:00:00",
            "ngày 20 tháng 11 năm 2024",
            "Ngày 20 tháng 11 năm 2024",
        ] {
            assert_eq!(parse(s), want, "{s:?}");
        }
        assert_eq!(parse("05/12/2024"), Date::new(2024, 12, 5));
        assert_eq!(parse("5/1/2025"), Date::new(2025, 1, 5));
    }

    #[test]
    fn what_is_not_one_date() {
        for s in [
            "",
            "20/11",
            "11/20/2024",
            "31/02/2024",
            "hôm qua",
            "2024",
            "20/11/2024/1",
            "2024-13-01",
            "20//2024",
            "１/１/２０２４",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }
}
