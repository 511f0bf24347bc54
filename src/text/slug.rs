//! Addresses from names: tones dropped, đ written d, words joined by `-`.

use deunicode::deunicode_char;

/// `Đặng Thị Đường` → `dang-thi-duong`; `Phòng Quản lý xây dựng` → `phong-quan-ly-xay-dung`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        let ascii = match c {
            'đ' | 'Đ' => "d",
            c if c.is_ascii() => "",
            c => deunicode_char(c).unwrap_or(""),
        };
        let piece: Vec<char> = if c.is_ascii() {
            vec![c]
        } else {
            ascii.chars().collect()
        };
        for p in piece {
            if p.is_ascii_alphanumeric() {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(p.to_ascii_lowercase());
            } else {
                pending_dash = true;
            }
        }
    }
    out
}

/// Names the build uses inside a year's folder (`/2024/in/`, the print board;
/// `/2024/trang/2/`, the roll's next pages), so no profile may have them.
pub const YEAR_RESERVED: &[&str] = &["in", "trang"];

/// Names the build uses inside `/don-vi/` (`/don-vi/trang/2/`), so no unit may have them.
pub const UNITS_RESERVED: &[&str] = &["trang"];

/// Whether `id` is a valid id or slug: `[a-z0-9-]+`, not starting or ending with `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_names_become_addresses() {
        assert_eq!(slugify("Đặng Thị Đường"), "dang-thi-duong");
        assert_eq!(slugify("Phòng Quản lý xây dựng"), "phong-quan-ly-xay-dung");
        assert_eq!(
            slugify("Phòng Kinh tế - Vật liệu xây dựng"),
            "phong-kinh-te-vat-lieu-xay-dung"
        );
        assert_eq!(slugify("Nguyễn Văn Ưng"), "nguyen-van-ung");
        assert_eq!(slugify("  Hà  Nội! "), "ha-noi");
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("phong-quan-ly-xay-dung"));
        assert!(is_valid_id("so-xay-dung-2"));
        assert!(!is_valid_id("Phong"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("phòng"));
    }
}
