//! The editor of a real `serve`, through the calls its page makes: profiles of each kind
//! created, an existing one with comments edited byte for byte outside what changed, a
//! file changed on disk never overwritten, a photo making a bundle (the rest is in
//! `editor_checks.rs`).

mod common;

use serde_json::json;

use common::Fixture;
use common::editing::{hash_of, new_profile, save};
use common::server::Server;

#[test]
fn creates_a_profile_of_each_kind_that_passes_check() {
    let f = Fixture::empty();
    let s = Server::start(&f);
    let unit = "phong-quan-ly-xay-dung";
    for (kind, name, criteria, file) in [
        (
            "collective",
            "Phòng Quản lý xây dựng",
            ["chap-hanh", "tap-the"],
            "phong-quan-ly-xay-dung",
        ),
        (
            "leader",
            "Lê Văn Dũng",
            ["chap-hanh", "lanh-dao"],
            "le-van-dung",
        ),
        (
            "staff",
            "Đặng Thị Đường",
            ["chap-hanh", "ca-nhan"],
            "dang-thi-duong",
        ),
    ] {
        let a = save(&s, new_profile(kind, name, unit, &criteria), None, false);
        assert_eq!(a.status, 200, "{kind}: {}", a.text());
        let file = format!("content/2024/{file}.md");
        assert_eq!(a.json()["file"], json!(file));
        let text = std::fs::read_to_string(f.path(&file)).expect("written");
        assert!(
            text.starts_with(&format!("+++\nname = \"{name}\"\nkind = \"{kind}\"\n")),
            "{text}"
        );
        assert!(
            text.contains("# Gương mẫu chấp hành chủ trương"),
            "the plan's words: {text}"
        );
        assert!(
            text.ends_with("+++\n## Câu chuyện\n\nViệc làm tốt.\n"),
            "{text}"
        );
    }
    let out = f.run(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The site reloads as for any save.
    let (status, body) = s.until("/2024/dang-thi-duong/", |st, _| st == 200);
    assert_eq!(status, 200);
    assert!(body.contains("Đặng Thị Đường"));
    // A second profile of the same name never replaces the first.
    let before = std::fs::read(f.path("content/2024/dang-thi-duong.md")).expect("there");
    let a = save(
        &s,
        new_profile("staff", "Đặng Thị Đường", unit, &["chap-hanh"]),
        None,
        false,
    );
    assert_eq!(a.status, 409, "{}", a.text());
    assert_eq!(
        std::fs::read(f.path("content/2024/dang-thi-duong.md")).expect("there"),
        before
    );
}

const COMMENTED: &str = "+++
# Họ và tên đầy đủ
name = \"Nguyễn Thị Hạnh\" # như trong quyết định
kind = \"staff\"
# Văn phòng Sở
unit = \"van-phong-so\"
position = \"Chuyên viên\"

# Một câu, tối đa 300 ký tự
summary = \"Số hoá hồ sơ lưu trữ.\"
movements = [\"so-xay-dung\"] # phong trào

# Minh chứng cho từng tiêu chí
[criteria]
# Gương mẫu chấp hành
chap-hanh = \"Không vi phạm kỷ luật.\"
ca-nhan = \"Đi đầu trong số hoá.\"

[nomination]
# ngày hồ sơ đến
date = 2024-11-20
+++
## Câu chuyện

Chị đã số hoá   toàn bộ hồ sơ.  
";

#[test]
fn edits_an_existing_profile_keeping_every_other_byte() {
    let f = Fixture::new();
    f.write("content/2024/nguyen-thi-hanh.md", COMMENTED);
    let s = Server::start(&f);
    let file = "content/2024/nguyen-thi-hanh.md";
    let a = s.editor_get(&format!("/_bangvang/api/profile?file={file}"));
    let loaded = a.json();
    assert_eq!(loaded["values"]["name"], json!("Nguyễn Thị Hạnh"));
    assert_eq!(loaded["values"]["movements"], json!(["so-xay-dung"]));
    assert_eq!(loaded["values"]["nomination.date"], json!("2024-11-20"));
    assert_eq!(
        loaded["story"],
        json!("## Câu chuyện\n\nChị đã số hoá   toàn bộ hồ sơ.  \n")
    );
    let base = loaded["hash"].as_str().expect("hash").to_string();
    let draft = json!({
        "file": file, "year": 2024,
        "edits": {
            "name": "Nguyễn Thị Hạnh Mới",
            "movements": ["so-xay-dung", "cong-doan"],
            "vote.date": "2024-12-05", "vote.members": "10", "vote.in_favour": "10",
            "decision.number": "1456/QĐ-SXD", "decision.date": "2024-12-16",
        },
        "story": "## Câu chuyện\n\nChị đã số hoá   toàn bộ hồ sơ.  \n",
    });
    let a = save(&s, draft, Some(&base), false);
    assert_eq!(a.status, 200, "{}", a.text());
    let want = COMMENTED
        .replace(
            "name = \"Nguyễn Thị Hạnh\" # như",
            "name = \"Nguyễn Thị Hạnh Mới\" # như",
        )
        .replace("[\"so-xay-dung\"] # phong trào", "[\"so-xay-dung\", \"cong-doan\"] # phong trào")
        .replace(
            "date = 2024-11-20\n+++",
            "date = 2024-11-20\n\n[vote]\ndate = 2024-12-05\nmembers = 10\nin_favour = 10\n\n[decision]\nnumber = \"1456/QĐ-SXD\"\ndate = 2024-12-16\n+++",
        );
    assert_eq!(std::fs::read_to_string(f.path(file)).expect("there"), want);
    let out = f.run(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let (_, body) = s.until("/2024/nguyen-thi-hanh/", |_, b| {
        b.contains("Nguyễn Thị Hạnh Mới")
    });
    assert!(
        body.contains("Nguyễn Thị Hạnh Mới"),
        "the served page shows the edit"
    );
    // Removing keys and a table keeps the comments above them.
    let base = hash_of(&s, file);
    let draft = json!({ "file": file, "year": 2024,
        "edits": { "position": "", "vote.date": "", "vote.members": "", "vote.in_favour": "" } });
    assert_eq!(save(&s, draft, Some(&base), false).status, 200);
    let text = std::fs::read_to_string(f.path(file)).expect("there");
    assert!(
        !text.contains("position") && !text.contains("[vote]"),
        "{text}"
    );
    assert!(
        text.contains("# Văn phòng Sở\nunit = \"van-phong-so\"\n\n# Một câu"),
        "{text}"
    );
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten() {
    let f = Fixture::new();
    let s = Server::start(&f);
    let file = "content/2024/nguyen-thi-hanh.md";
    let base = hash_of(&s, file);
    let theirs = common::staff("Nguyễn Thị Hạnh").replace("Số hoá", "Người khác sửa");
    f.write(file, &theirs);
    let draft = json!({ "file": file, "year": 2024, "edits": { "name": "Tôi sửa" } });
    let a = save(&s, draft, Some(&base), false);
    assert_eq!(a.status, 409, "{}", a.text());
    assert!(
        a.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains("changed"))
    );
    assert_eq!(
        std::fs::read_to_string(f.path(file)).expect("there"),
        theirs
    );
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encodes");
    out.into_inner()
}

#[test]
fn a_photo_makes_the_profile_a_bundle() {
    let f = Fixture::new();
    let s = Server::start(&f);
    let bad = s.editor_send(
        "PUT",
        "/_bangvang/api/upload",
        b"not an image",
        "image/jpeg",
    );
    assert_eq!(bad.status, 422, "{}", bad.text());
    let photo = png(400, 500);
    let up = s.editor_send("PUT", "/_bangvang/api/upload", &photo, "image/png");
    assert_eq!(up.status, 200, "{}", up.text());
    let up = up.json();
    assert_eq!(
        (up["width"].as_u64(), up["height"].as_u64()),
        (Some(400), Some(500))
    );
    let id = up["id"].as_str().expect("an id");
    let shown = s.editor_get(&format!("/_bangvang/api/upload?id={id}"));
    assert_eq!(shown.header("content-type"), Some("image/jpeg"));
    let file = "content/2024/nguyen-thi-hanh.md";
    let base = hash_of(&s, file);
    let edits = json!({ "consent.photo": "2024-11-02" });
    let draft = json!({ "file": file, "year": 2024, "edits": edits, "upload": id });
    let a = save(&s, draft, Some(&base), false);
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(
        a.json()["file"],
        json!("content/2024/nguyen-thi-hanh/index.md")
    );
    assert!(!f.path(file).exists());
    assert_eq!(
        std::fs::read(f.path("content/2024/nguyen-thi-hanh/anh-dai-dien.png")).expect("saved"),
        photo
    );
    let text =
        std::fs::read_to_string(f.path("content/2024/nguyen-thi-hanh/index.md")).expect("moved");
    assert!(
        text.contains("photo = \"anh-dai-dien.png\"\nmovements"),
        "{text}"
    );
    assert!(
        text.contains("\n\n[consent]\nphoto = 2024-11-02\n\n[criteria]\n"),
        "the record where the format has it: {text}"
    );
    let (code, diags) = f.check_json();
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
    let (_, body) = s.until("/2024/nguyen-thi-hanh/", |_, b| b.contains("anh-320.jpg"));
    assert!(body.contains("anh-320.jpg"), "the photo is published");
}
