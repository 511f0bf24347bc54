//! The documents made from a small site loaded from disk: who is in which document, in
//! what order, and the same bytes every time.

use super::*;
use crate::content::load::load;

const PROFILE: &str = r#"+++
name = "NAME"
kind = "KIND"
unit = "van-phong-so"
POSITION
summary = "Tóm tắt."
movements = ["so-xay-dung"]
MEMBERS
[criteria]
chap-hanh = "Có."
[nomination]
date = 2024-11-20
TAIL
+++
Câu chuyện.
"#;

fn profile(name: &str, kind: &str, tail: &str) -> String {
    PROFILE
        .replace("NAME", name)
        .replace("KIND", kind)
        .replace(
            "POSITION",
            if kind == "collective" {
                ""
            } else {
                "position = \"Chuyên viên\""
            },
        )
        .replace(
            "MEMBERS",
            if kind == "collective" {
                "members = 10\nexcellent_members = 6"
            } else {
                ""
            },
        )
        .replace("TAIL", tail)
}

const VOTE: &str = "[vote]\ndate = 2024-12-05\nmembers = 29\nin_favour = ";
const DECISION: &str = "[decision]\nnumber = \"1/QĐ-SXD\"\ndate = 2024-12-16\n";

fn site() -> (tempfile::TempDir, crate::content::model::Site) {
    let dir = tempfile::tempdir().expect("dir");
    let w = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    };
    w(
        "content/site.toml",
        "title = \"T\"\norganisation = \"Sở Xây dựng tỉnh Bình Phước\"\n",
    );
    w(
        "content/units.toml",
        "[[unit]]\nid = \"van-phong-so\"\nname = \"Văn phòng Sở\"\ntype = \"office\"\n",
    );
    w(
        "content/2024/_plan.toml",
        "number = \"883/KH-SXD\"\ntitle = \"Kế hoạch\"\nissued = 2024-04-04\ndeadline = 2024-11-30\napproval_percent = 90\nexcellent_members_percent = 50\n[[movement]]\nid = \"so-xay-dung\"\nname = \"Phong trào\"\n[[criterion]]\nid = \"chap-hanh\"\napplies_to = [\"collective\", \"leader\", \"staff\"]\ntext = \"Chấp hành\"\n",
    );
    w(
        "content/2024/van-phong-so.md",
        &profile(
            "Văn phòng Sở",
            "collective",
            &format!("{VOTE}29\n{DECISION}"),
        ),
    );
    w(
        "content/2024/a.md",
        &profile("Trần Văn Bình", "staff", &format!("{VOTE}27\n")),
    );
    w(
        "content/2024/b.md",
        &profile("Lê Thị Ánh", "staff", &format!("{VOTE}26\n")),
    );
    w("content/2024/c.md", &profile("Đỗ Văn An", "staff", ""));
    w(
        "content/2024/d.md",
        &profile(
            "Hồ Văn Cường",
            "staff",
            &format!(
                "{VOTE}29\n{DECISION}[revoked]\nnumber = \"2/QĐ-SXD\"\ndate = 2025-03-01\nreason = \"x\"\n"
            ),
        ),
    );
    let loaded = load(dir.path()).expect("loads");
    (dir, loaded.site)
}

fn names(list: &[&crate::content::model::Profile]) -> Vec<String> {
    list.iter().map(|p| p.name().to_string()).collect()
}

#[test]
fn each_document_holds_whom_spec_puts_there() {
    let (_dir, site) = site();
    let plan = site.plan(2024).expect("plan");
    let y = Year::new(&site, 2024, plan, None);
    // Revoked nowhere; collectives first, then people by given name.
    assert_eq!(
        names(&y.nominees),
        ["Văn phòng Sở", "Đỗ Văn An", "Lê Thị Ánh", "Trần Văn Bình"]
    );
    assert_eq!(names(&y.awaiting_vote()), ["Đỗ Văn An"]);
    assert_eq!(
        names(&y.voted()),
        ["Văn phòng Sở", "Lê Thị Ánh", "Trần Văn Bình"]
    );
    // 27 of 29 is 93,1 % and passes; 26 of 29 is 89,7 % and fails.
    assert_eq!(names(&y.to_decide()), ["Trần Văn Bình"]);
    let html = html::render(&minutes::document(&y));
    assert!(
        html.contains("<td class=\"center\">89,7 %</td><td class=\"center\">Không đạt</td>"),
        "{html}"
    );
    assert!(html.contains("<td class=\"center\">93,1 %</td><td class=\"center\">Đạt</td>"));
    assert!(!html.contains("Hồ Văn Cường"));
    assert!(html.contains("Hội đồng có 29 thành viên."));
    assert!(html.contains("Bình Phước, ngày 05 tháng 12 năm 2024"));
    let draft = html::render(&decision::document(&y));
    assert!(draft.contains("Công nhận 1 cá nhân là điển hình tiên tiến năm 2024"));
    assert!(draft.contains(
        "Căn cứ Kế hoạch số 883/KH-SXD ngày 04 tháng 4 năm 2024 của Sở Xây dựng tỉnh Bình Phước"
    ));
    // Neither the failed vote nor the collective already decided (its row would have an
    // empty position after its name).
    assert!(!draft.contains("Lê Thị Ánh"));
    assert!(!draft.contains("Văn phòng Sở</td><td class=\"left\"></td>"));
    assert!(draft.contains(
        "Trần Văn Bình</td><td class=\"left\">Chuyên viên</td><td class=\"left\">Văn phòng Sở</td>"
    ));
    let ballot = html::render(&ballot::document(&y));
    assert!(ballot.contains("Đỗ Văn An") && !ballot.contains("Trần Văn Bình"));
}

#[test]
fn the_same_site_gives_the_same_bytes() {
    let (_dir, site) = site();
    let plan = site.plan(2024).expect("plan");
    let y = Year::new(&site, 2024, plan, None);
    let first = files(&y).expect("files");
    let second = files(&y).expect("files");
    assert_eq!(first.len(), 8);
    assert_eq!(first, second);
}

#[test]
fn html_is_escaped() {
    let doc = layout::Document {
        title: "<a>".into(),
        draft: false,
        header: layout::Header {
            parent: None,
            issuer: "A & B".into(),
            number: None,
            dated: "x".into(),
        },
        body: vec![layout::Block::Para(vec![layout::Span::plain(
            "<script>\"'",
        )])],
    };
    let h = html::render(&doc);
    assert!(h.contains("A &amp; B") && h.contains("&lt;script&gt;&quot;&#39;"));
    assert!(!h.contains("<script>"));
}
