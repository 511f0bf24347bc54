//! Where a story's addresses lead, and what else reading finds in a story.

use super::*;

fn page() -> [String; 2] {
    ["2024".to_string(), "le-thi-lan".to_string()]
}

fn file(name: &str) -> Target {
    Target::File {
        name: name.into(),
        found: StoryFile::Unknown,
    }
}

#[test]
fn where_addresses_lead() {
    let site = |p: &str| Target::Site(p.into());
    for (url, want) in [
        ("tong-ket.jpg", file("tong-ket.jpg")),
        ("./hinh/so-do.png", file("hinh/so-do.png")),
        ("t%E1%BB%95ng%20k%E1%BA%BFt.pdf", file("tổng kết.pdf")),
        ("tong-ket.pdf?v=2#trang-3", file("tong-ket.pdf")),
        ("/2024/le-thi-lan/anh.jpg", file("anh.jpg")),
        ("hinh/", file("hinh/")),
        ("/2024/nguyen-van-an/", site("2024/nguyen-van-an/")),
        ("../nguyen-van-an/", site("2024/nguyen-van-an/")),
        ("../nguyen-van-an", site("2024/nguyen-van-an")),
        ("../../2023/tran-binh/", site("2023/tran-binh/")),
        ("../../../../etc/passwd", site("etc/passwd")),
        ("/", site("")),
        ("/don-vi/van-phong-so/", site("don-vi/van-phong-so/")),
        ("./", site("2024/le-thi-lan/")),
        ("#ket-qua", Target::Here),
        ("", Target::Here),
        ("https://soxd.example.vn/", Target::Elsewhere),
        ("HTTP://E.VN/x.jpg", Target::Elsewhere),
        ("//cdn.example/x.jpg", Target::Elsewhere),
        ("/\\evil.example/x.jpg", Target::Elsewhere),
        ("data:image/png;base64,AAAA", Target::Elsewhere),
        ("javascript:alert(1)", Target::Elsewhere),
        ("mailto:a@b.vn", Target::Elsewhere),
    ] {
        assert_eq!(target(url, &page()), want, "{url}");
    }
}

#[test]
fn links_and_images_in_markdown_and_html_with_their_lines() {
    let story = "## Câu chuyện\n\n![Tổng kết](tong-ket.jpg)\n\nXem [anh An](/2024/nguyen-van-an/) và [Sở](https://soxd.example.vn/).\n\n<p><img src=\"so-do.png\"> <a href='../tran-binh/'>Bình</a></p>\n\nThư: <an@soxd.example.vn>\n";
    let f = facts(story, 20, 2024, "le-thi-lan");
    let got: Vec<(RefKind, &str, u32)> = f
        .refs
        .iter()
        .map(|r| (r.kind, r.url.as_str(), r.line))
        .collect();
    assert_eq!(
        got,
        vec![
            (RefKind::Image, "tong-ket.jpg", 22),
            (RefKind::Link, "/2024/nguyen-van-an/", 24),
            (RefKind::Link, "https://soxd.example.vn/", 24),
            (RefKind::Image, "so-do.png", 26),
            (RefKind::Link, "../tran-binh/", 26),
        ]
    );
    let snip = f.refs[0].snippet.as_ref().expect("snippet");
    assert_eq!(snip.text, "![Tổng kết](tong-ket.jpg)");
    assert_eq!(f.too_deep, None);
    assert_eq!(f.control, None);
    assert_eq!(f.placeholder, None);
}

#[test]
fn control_characters_nesting_and_placeholders() {
    let f = facts("Một\n\nhai \u{1b}[31m ba\n", 5, 2024, "a");
    let (place, c) = f.control.expect("found");
    assert_eq!((place.line, c), (7, '\u{1b}'));
    let f = facts(&format!("a\n\n{}", ">".repeat(300)), 5, 2024, "a");
    assert_eq!(f.too_deep.map(|p| p.line), Some(7));
    let f = facts(
        &format!("## Câu chuyện\n\n{}\n", placeholders::STORY),
        12,
        2024,
        "a",
    );
    assert_eq!(f.placeholder.map(|(p, _)| p.line), Some(14));
}
