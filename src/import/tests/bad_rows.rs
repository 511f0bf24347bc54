//! Every class of row or header `import` refuses, each named by its row and column.

use super::*;

#[test]
fn every_class_of_bad_row_is_named_by_row_and_column() {
    let site = site(vec![]);
    let long = "x".repeat(301);
    let s = sheet(&[
        &HEADER,
        &[
            "1",
            "",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
        &[
            "2",
            "Lê Văn A",
            "Khác",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
        &[
            "3",
            "Lê Văn B",
            "Cá nhân",
            "Chuyên viên",
            "Phòng Quản lý xây dưng mới",
            "",
            "",
            "",
        ],
        &[
            "4",
            "Lê Văn C",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "32/11/2024",
            "",
        ],
        &[
            "5",
            "Lê Văn D",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "Bộ Tài chính",
        ],
        &[
            "6",
            "Lê Văn E",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            &long,
            "",
            "",
        ],
        &[
            "7",
            "Lê Văn G",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "02/12/2024",
            "",
        ],
        &[
            "8",
            "Lê Văn H",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "20/11/2023",
            "",
        ],
        &[
            "9",
            "Văn phòng Sở",
            "Tập thể",
            "Trưởng phòng",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
        &["10", "Lê Văn I", "", "Chuyên viên", "", "", "", ""],
        &[
            "11",
            "Lê Văn K",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
        &[
            "12",
            "lê văn k",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
        &[
            "13",
            "???",
            "Cá nhân",
            "Chuyên viên",
            "Văn phòng Sở",
            "",
            "",
            "",
        ],
    ]);
    let p = run(&site, &s);
    assert!(p.write.is_empty());
    let got = problems(&p);
    let want: &[(&str, u32, &str, &str)] = &[
        ("missing-field", 2, "Họ và tên", "ô B2: thiếu họ và tên"),
        (
            "invalid-value",
            3,
            "Loại",
            "ô C3: \"Khác\" không phải loại hồ sơ",
        ),
        (
            "unknown-unit",
            4,
            "Đơn vị",
            "có phải ý bạn là \"Phòng Quản lý xây dựng\" (mã phong-quan-ly-xay-dung)?",
        ),
        (
            "invalid-value",
            5,
            "Ngày nhận hồ sơ",
            "ô G5: \"32/11/2024\" không phải một ngày",
        ),
        (
            "unknown-movement",
            6,
            "Phong trào",
            "ô H6: phong trào \"Bộ Tài chính\" không có trong kế hoạch",
        ),
        (
            "invalid-value",
            7,
            "Tóm tắt thành tích",
            "ô F7: tóm tắt thành tích dài 301 ký tự",
        ),
        (
            "nomination-deadline",
            8,
            "Ngày nhận hồ sơ",
            "ô G8: hồ sơ nhận ngày 02/12/2024 là sau hạn 30/11/2024",
        ),
        (
            "invalid-value",
            9,
            "Ngày nhận hồ sơ",
            "ô G9: ngày 20/11/2023 không thuộc năm 2024",
        ),
        (
            "invalid-value",
            10,
            "Chức vụ",
            "ô D10: tập thể không có chức vụ",
        ),
        ("missing-field", 11, "Loại", "ô C11: thiếu loại hồ sơ"),
        ("missing-field", 11, "Đơn vị", "ô E11: thiếu đơn vị"),
        ("invalid-value", 13, "Họ và tên", "trùng với dòng 12"),
        (
            "invalid-value",
            14,
            "Họ và tên",
            "ô B14: \"???\" không có chữ cái nào",
        ),
    ];
    for (rule, row, field, words) in want {
        assert!(
            got.iter()
                .any(|g| g.0 == *rule && g.1 == *row && g.2 == *field && g.3.contains(words)),
            "no {rule} at row {row} ({field}) saying {words:?}; got {got:#?}"
        );
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
    // The value is shown under the message, cut when long.
    let summary = p.diags.iter().find(|d| d.line == 7).expect("row 7");
    let snip = summary.snippet.as_ref().expect("snippet");
    assert_eq!(snip.text.chars().count(), 80);
    assert!(snip.text.ends_with('…'));
}

#[test]
fn header_problems_stop_before_any_row() {
    let site = site(vec![]);
    let p = run(
        &site,
        &sheet(&[&["STT", "Tên", "Đơn vị"], &["1", "A", "B"]]),
    );
    assert_eq!(problems(&p)[0].0, "missing-field");
    assert!(problems(&p)[0].3.contains("không tìm thấy hàng tiêu đề"));
    let p = run(
        &site,
        &sheet(&[
            &["x"],
            &["Họ và tên", "Loại", "Đơn vị"],
            &["A", "Cá nhân", "Văn phòng Sở"],
        ]),
    );
    let got = problems(&p);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|g| g.1 == 2));
    assert!(got.iter().any(|g| g.3.contains("\"Chức vụ\"")));
    assert!(got.iter().any(|g| g.3.contains("\"Tóm tắt thành tích\"")));
    let p = run(&site, &sheet(&[&HEADER, &[], &["I", "TẬP THỂ"]]));
    assert!(problems(&p)[0].3.contains("không có dòng hồ sơ nào"));
}
