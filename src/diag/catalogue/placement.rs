//! The words of the rules about where files are and what they are called:
//! `misplaced-file`, `bad-slug` (and its reserved names), `static-conflict`.

use super::{Lang, Msg};

/// Where a misplaced profile belongs: `content/2025/nguyen-van-a.md`.
fn place(year: &Option<u16>, slug: &Option<String>, lang: Lang) -> String {
    let year = year.map_or_else(
        || match lang {
            Lang::Vi => "NĂM".to_string(),
            Lang::En => "YEAR".to_string(),
        },
        |y| y.to_string(),
    );
    let slug = slug.clone().unwrap_or_else(|| match lang {
        Lang::Vi => "ho-va-ten".into(),
        Lang::En => "full-name".into(),
    });
    format!("content/{year}/{slug}.md")
}

/// What is wrong, in one sentence.
pub fn text(msg: &Msg, lang: Lang) -> String {
    use Lang::{En, Vi};
    match (msg, lang) {
        (Msg::MisplacedFile { .. }, Vi) => "tệp Markdown này không nằm ở chỗ của một hồ sơ nên không được đăng: hồ sơ chỉ được đọc ở content/NĂM/TÊN.md hoặc content/NĂM/TÊN/index.md".into(),
        (Msg::MisplacedFile { .. }, En) => "this Markdown file is not where profiles are read, so it is not published: a profile lives only at content/YEAR/SLUG.md or content/YEAR/SLUG/index.md".into(),
        (Msg::BadSlug { name, folder, .. }, Vi) => format!(
            "tên {} \"{name}\" không dùng được làm địa chỉ trang: tên tệp hay thư mục của hồ sơ chỉ gồm chữ thường không dấu a-z, chữ số 0-9 và dấu -",
            if *folder { "thư mục" } else { "tệp" }
        ),
        (Msg::BadSlug { name, folder, .. }, En) => format!(
            "the {} name \"{name}\" cannot be a page's address: a profile's file or folder name has only lowercase a-z without tones, digits 0-9 and -",
            if *folder { "folder" } else { "file" }
        ),
        (Msg::ReservedSlug { name, folder }, Vi) => format!(
            "tên {} \"{name}\" trùng với một địa chỉ bangvang dùng trong thư mục năm (/NĂM/in/ là bảng in, /NĂM/trang/2/ là trang tiếp theo của danh sách), nên hồ sơ này sẽ đè lên trang đó",
            if *folder { "thư mục" } else { "tệp" }
        ),
        (Msg::ReservedSlug { name, folder }, En) => format!(
            "the {} name \"{name}\" is an address bangvang uses in a year's folder (/YEAR/in/ is the print board, /YEAR/trang/2/ a list's next page), so this profile would replace that page",
            if *folder { "folder" } else { "file" }
        ),
        (Msg::StaticConflict { path }, Vi) => format!(
            "tệp content/static/{path} sẽ thay thế /{path}, một trang hay tệp do bangvang tạo ra"
        ),
        (Msg::StaticConflict { path }, En) => format!(
            "content/static/{path} would replace /{path}, a page or file that bangvang makes"
        ),
        _ => String::new(),
    }
}

/// How to fix it.
pub fn hint(msg: &Msg, lang: Lang) -> String {
    use Lang::{En, Vi};
    match (msg, lang) {
        (Msg::MisplacedFile { year, slug }, Vi) => format!(
            "nếu đây là một hồ sơ, hãy chuyển nó thành {}; nếu là ghi chú, đặt tên bắt đầu bằng _ (như _ghi-chu.md)",
            place(year, slug, Vi)
        ),
        (Msg::MisplacedFile { year, slug }, En) => format!(
            "if it is a profile, move it to {}; if it is a note, give it a name beginning with _ (like _notes.md)",
            place(year, slug, En)
        ),
        (Msg::BadSlug { suggestion: Some(s), .. }, Vi) => format!("đổi tên thành {s}"),
        (Msg::BadSlug { suggestion: Some(s), .. }, En) => format!("rename it {s}"),
        (Msg::BadSlug { suggestion: None, folder, .. }, Vi) => format!(
            "đặt tên theo tên người hay tập thể, viết thường không dấu, nối bằng dấu -: như {}",
            if *folder { "nguyen-van-an" } else { "nguyen-van-an.md" }
        ),
        (Msg::BadSlug { suggestion: None, folder, .. }, En) => format!(
            "name it after the person or collective, lowercase without tones, words joined by -: like {}",
            if *folder { "nguyen-van-an" } else { "nguyen-van-an.md" }
        ),
        (Msg::ReservedSlug { folder, .. }, Vi) => format!(
            "đặt tên theo tên người hay tập thể, viết thường không dấu, nối bằng dấu -: như {}",
            if *folder { "nguyen-van-an" } else { "nguyen-van-an.md" }
        ),
        (Msg::ReservedSlug { folder, .. }, En) => format!(
            "name it after the person or collective, lowercase without tones, words joined by -: like {}",
            if *folder { "nguyen-van-an" } else { "nguyen-van-an.md" }
        ),
        (Msg::StaticConflict { .. }, Vi) => "đổi tên hoặc xoá tệp này: trong content/static/ chỉ các tệp của giao diện (logo, favicon, style.css, search.js) được thay bằng tệp của site, không phải các trang, các thư mục năm, don-vi/, tim-kiem/ hay thong-ke/".into(),
        (Msg::StaticConflict { .. }, En) => "rename or remove this file: in content/static/ a site may replace the theme's files (logo, favicon, style.css, search.js), not the pages, the year folders, don-vi/, tim-kiem/ or thong-ke/".into(),
        _ => String::new(),
    }
}
