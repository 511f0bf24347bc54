//! `prepare` on sheets made in memory: a good sheet, what the year has, slugs; the bad
//! rows and headers in `bad_rows`.

use std::collections::BTreeMap;
use std::path::Path;

use super::rows::Context;
use super::sheet::{Cell, Row, Sheet};
use super::*;
use crate::content::model::{
    Criterion, Kind, Movement, Plan, PlanState, Profile, ProfileFile, Site, SiteConfig, Unit,
    UnitType,
};
use crate::content::source::{At, Doc, Span};
use crate::diag::Lang;
use crate::text::date::Date;

fn plan() -> Plan {
    Plan {
        file: "content/2024/_plan.toml".into(),
        number: "883/KH-SXD".into(),
        title: "Kế hoạch thử".into(),
        issued: Date::new(2024, 4, 4),
        deadline: Date::new(2024, 11, 30).expect("date"),
        approval_percent: 90,
        excellent_members_percent: 50,
        movements: vec![Movement {
            id: "so-xay-dung".into(),
            name: "Phong trào thi đua do Sở Xây dựng phát động".into(),
        }],
        criteria: vec![
            Criterion {
                id: "chap-hanh".into(),
                applies_to: Kind::ALL.to_vec(),
                text: "Gương mẫu chấp hành".into(),
            },
            Criterion {
                id: "tap-the".into(),
                applies_to: vec![Kind::Collective],
                text: "Tập thể tiêu biểu".into(),
            },
        ],
    }
}

fn site(profiles: Vec<Profile>) -> Site {
    let units = [
        ("van-phong-so", "Văn phòng Sở"),
        ("phong-quan-ly-xay-dung", "Phòng Quản lý xây dựng"),
    ]
    .into_iter()
    .map(|(id, name)| Unit {
        id: id.into(),
        name: name.into(),
        kind: UnitType::Office,
        description: None,
        from: None,
        until: None,
        successor: None,
    })
    .collect();
    let files = profiles
        .iter()
        .map(|p| ProfileFile {
            year: p.year,
            slug: p.slug.clone(),
            file: p.file().to_string(),
        })
        .collect();
    Site {
        root: ".".into(),
        config: SiteConfig::default(),
        units,
        plans: BTreeMap::from([(2024, PlanState::Valid(Box::new(plan())))]),
        profiles,
        files,
        statics: Vec::new(),
    }
}

fn profile(slug: &str, name: &str, kind: Kind, unit: &str) -> Profile {
    let doc = Doc::new(format!("content/2024/{slug}.md"), "", 1);
    let mut p = Profile::empty(doc, 2024, slug);
    p.name = Some(At::new(name.into(), Span::default()));
    p.kind = Some(At::new(kind, Span::default()));
    p.unit = Some(At::new(unit.into(), Span::default()));
    p
}

const HEADER: [&str; 8] = [
    "STT",
    "Họ và tên",
    "Loại",
    "Chức vụ",
    "Đơn vị",
    "Tóm tắt thành tích",
    "Ngày nhận hồ sơ",
    "Phong trào",
];

fn sheet(rows: &[&[&str]]) -> Sheet {
    Sheet {
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, cells)| Row {
                number: i as u32 + 1,
                cells: cells
                    .iter()
                    .map(|c| {
                        if c.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(c.to_string())
                        }
                    })
                    .collect(),
            })
            .collect(),
        encoding: None,
    }
}

fn run(site: &Site, s: &Sheet) -> Prepared {
    let plan = site.plan(2024).expect("plan");
    let cx = Context {
        site,
        plan,
        year: 2024,
        file: "de-nghi.csv",
    };
    prepare(&cx, s, Path::new("/nonexistent/content"))
}

/// (rule, row, field, message in Vietnamese) of each diagnostic.
fn problems(p: &Prepared) -> Vec<(&'static str, u32, String, String)> {
    p.diags
        .iter()
        .map(|d| {
            (
                d.rule.name(),
                d.line,
                d.field.clone().unwrap_or_default(),
                d.msg.text(Lang::Vi),
            )
        })
        .collect()
}

#[test]
fn a_good_sheet_becomes_skeletons_as_new_writes_them() {
    let site = site(vec![]);
    let s = sheet(&[
        &["DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN ĐIỂN HÌNH TIÊN TIẾN NĂM 2024"],
        &HEADER,
        &["I", "TẬP THỂ"],
        &[
            "1",
            "Phòng Quản lý xây dựng",
            "Tập thể",
            "",
            "phong quan ly xay dung",
            "Tập thể xuất sắc.",
            "22/11/2024",
            "Sở Xây dựng",
        ],
        &["II", "CÁ NHÂN"],
        &[
            "1",
            "Nguyễn  Thị Hạnh",
            "Cá nhân",
            "Chuyên viên",
            "VĂN PHÒNG SỞ",
            "Số hoá\nhồ sơ.",
            "2024-11-25",
            "",
        ],
        &[
            "2",
            "Nguyễn Thị Hạnh",
            "Cá nhân",
            "Chuyên viên",
            "Phòng Quản lý xây dựng",
            "",
            "",
            "so-xay-dung",
        ],
        &[],
    ]);
    let p = run(&site, &s);
    assert!(p.diags.is_empty(), "{:?}", problems(&p));
    let rels: Vec<&str> = p.write.iter().map(|w| w.rel.as_str()).collect();
    assert_eq!(
        rels,
        [
            "2024/phong-quan-ly-xay-dung.md",
            "2024/nguyen-thi-hanh.md",
            "2024/nguyen-thi-hanh-2.md"
        ]
    );
    let plan = plan();
    let fill = crate::content::skeleton::Fill {
        name: Some("Nguyễn Thị Hạnh".into()),
        position: Some("Chuyên viên".into()),
        summary: Some("Số hoá hồ sơ.".into()),
        movements: vec![],
        nominated: Date::new(2024, 11, 25),
    };
    let want =
        crate::content::skeleton::skeleton(&site, &plan, Kind::Staff, "van-phong-so", 2024, &fill);
    assert_eq!(p.write[1].text, want);
    assert_eq!(p.write[1].row, 6);
    assert!(p.write[0].text.contains("kind = \"collective\""));
    assert!(p.write[0].text.contains("movements = [\"so-xay-dung\"]"));
    assert!(p.write[0].text.contains("\n[nomination]\n# Ngày hồ sơ đến Thường trực Hội đồng, không sau 30/11/2024\ndate = 2024-11-22\n"));
    assert!(p.write[0].text.contains("tap-the = \"\""));
    assert!(!p.write[1].text.contains("tap-the"));
}

#[test]
fn what_the_year_has_is_kept_and_its_slugs_are_taken() {
    let site = site(vec![
        profile(
            "nguyen-van-an",
            "Nguyễn Văn An",
            Kind::Staff,
            "van-phong-so",
        ),
        profile("le-thi-binh", "Lê Thị Bình", Kind::Staff, "van-phong-so"),
    ]);
    let s = sheet(&[
        &HEADER,
        &[
            "1",
            "NGUYỄN VĂN AN",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
        &[
            "2",
            "Lê Thị Bình",
            "Cá nhân",
            "Chuyên viên",
            "Phòng Quản lý xây dựng",
            "",
            "",
            "",
        ],
    ]);
    let p = run(&site, &s);
    assert!(p.diags.is_empty(), "{:?}", problems(&p));
    assert_eq!(
        p.existing,
        [Existing {
            row: 2,
            file: "content/2024/nguyen-van-an.md".into()
        }]
    );
    assert_eq!(p.write.len(), 1);
    assert_eq!(p.write[0].rel, "2024/le-thi-binh-2.md");
}

#[test]
fn a_name_the_build_keeps_gets_a_number() {
    // `/2024/trang/` holds the roll's later pages, `/2024/in/` the print board.
    let s = sheet(&[
        &HEADER,
        &[
            "1",
            "Trang",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
        &[
            "2",
            "In",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
    ]);
    let p = run(&site(vec![]), &s);
    assert!(p.diags.is_empty(), "{:?}", problems(&p));
    let files: Vec<&str> = p.write.iter().map(|w| w.rel.as_str()).collect();
    assert_eq!(files, ["2024/trang-2.md", "2024/in-2.md"]);
}

#[test]
fn a_collective_named_in_its_own_column_needs_no_kind() {
    let site = site(vec![]);
    let header: &[&str] = &[
        "Tên tập thể",
        "Họ và tên",
        "Loại",
        "Chức vụ",
        "Đơn vị",
        "Tóm tắt thành tích",
    ];
    let good: [&[&str]; 2] = [
        &["Văn phòng Sở", "", "", "", "Văn phòng Sở", ""],
        &[
            "",
            "Trần Văn Minh",
            "Lãnh đạo",
            "Chánh Văn phòng",
            "Văn phòng Sở",
            "",
        ],
    ];
    let p = run(&site, &sheet(&[header, good[0], good[1]]));
    assert!(p.diags.is_empty(), "{:?}", problems(&p));
    assert!(p.write[0].text.contains("kind = \"collective\""));
    assert!(p.write[1].text.contains("kind = \"leader\""));
    assert!(p.write[1].text.contains("position = \"Chánh Văn phòng\""));
    let both: &[&str] = &[
        "Văn phòng Sở",
        "Trần Văn Minh",
        "Lãnh đạo",
        "",
        "Văn phòng Sở",
        "",
    ];
    let p = run(&site, &sheet(&[header, good[0], both]));
    let got = problems(&p);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].3.contains("cả họ tên ở ô B3 và tên tập thể ở ô A3"),
        "{got:?}"
    );
    assert!(p.write.is_empty());
}

mod bad_rows;
