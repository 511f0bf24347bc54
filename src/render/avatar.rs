//! The initials avatar shown when no photo is published: the person's initials
//! (Vietnamese letters intact) on a colour derived from the name, the same every build.

/// `Nguyễn Văn An` → `NA`; `Đặng Thị Đường` → `ĐĐ`; `Ưng` → `Ư`.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .collect();
    let first = |w: &str| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default()
    };
    match words.as_slice() {
        [] => String::new(),
        [one] => first(one),
        [a, .., z] => first(a) + &first(z),
    }
}

/// FNV-1a: a small, stable hash (the same on every machine and every build).
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A dark colour from the name, on which white text has a contrast of at least 4.5:1.
pub fn color(name: &str) -> &'static str {
    const PALETTE: [&str; 12] = [
        "#8b1e1e", "#7a3b0c", "#6b4a00", "#3f5a12", "#1e5b3a", "#0f5a5a", "#1d4f7a", "#2f3f8f",
        "#53388a", "#7a2e6e", "#8a2346", "#5a4636",
    ];
    PALETTE[(fnv1a(name) % PALETTE.len() as u32) as usize]
}

/// The SVG markup of the avatar (decorative: the page names the person beside it).
pub fn svg(initials: &str, color: &str) -> String {
    let size = if initials.chars().count() > 1 { 38 } else { 46 };
    let text: String = initials.chars().filter(|c| c.is_alphanumeric()).collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\" class=\"avatar-svg\" focusable=\"false\"><rect width=\"100\" height=\"100\" fill=\"{color}\"/><text x=\"50\" y=\"50\" dy=\"0.35em\" text-anchor=\"middle\" fill=\"#ffffff\" font-family=\"system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif\" font-size=\"{size}\" font-weight=\"600\">{text}</text></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_initials() {
        assert_eq!(initials("Nguyễn Văn An"), "NA");
        assert_eq!(initials("Đặng Thị Đường"), "ĐĐ");
        assert_eq!(initials("Ưng"), "Ư");
        assert_eq!(initials("Phòng Quản lý xây dựng"), "PD");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn colour_is_stable_and_from_the_name() {
        assert_eq!(color("Nguyễn Văn An"), color("Nguyễn Văn An"));
        assert!(color("Nguyễn Văn An").starts_with('#'));
        let svg = svg("ĐĐ", "#8b1e1e");
        assert!(svg.contains(">ĐĐ</text>"));
    }
}
