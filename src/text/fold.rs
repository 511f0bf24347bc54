//! Folding for search and comparison: NFC, lowercase, tones dropped, đ as d.

use unicode_normalization::{
    IsNormalized, UnicodeNormalization, char::is_combining_mark, is_nfc_quick,
};

/// Text as Unicode NFC, borrowing nothing: a name typed with combining accents becomes
/// the same name as its precomposed twin.
pub fn nfc(text: &str) -> String {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// `Nguyễn Văn An` → `nguyen van an`; `Đường` → `duong`.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_tones_and_d() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("Đặng Thị Đường"), "dang thi duong");
        assert_eq!(fold("Phòng Quản lý xây dựng"), "phong quan ly xay dung");
    }

    #[test]
    fn nfd_input_equals_nfc() {
        let nfd: String = "Nguyễn".nfd().collect();
        assert_ne!(nfd, "Nguyễn");
        assert_eq!(nfc(&nfd), "Nguyễn");
        assert_eq!(fold(&nfd), "nguyen");
    }
}
