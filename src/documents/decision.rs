//! `du-thao-quyet-dinh`: the draft of the Director's decision recognising the nominees
//! whose vote reached the plan's threshold and whom no decision recognises yet, citing
//! the plan by number and date, with the attached list (*Danh sách kèm theo*). Its
//! number and date are left for the signer unless `--date` gives the date.

use std::collections::BTreeSet;

use super::layout::*;
use super::{Year, counted, grouped, words};
use crate::content::model::{Kind, Profile};

/// `2 tập thể và 5 cá nhân`.
fn recognised(list: &[&Profile]) -> String {
    let collectives = list
        .iter()
        .filter(|p| p.kind() == Some(Kind::Collective))
        .count();
    let people = list.len() - collectives;
    match (collectives, people) {
        (0, p) => format!("{p} cá nhân"),
        (c, 0) => format!("{c} tập thể"),
        (c, p) => format!("{c} tập thể và {p} cá nhân"),
    }
}

pub fn document(y: &Year) -> Document {
    let a = &y.agency;
    let list = y.to_decide();
    let number = format!("Số: {}/QĐ-{}", words::BLANK, a.symbol);
    let subject = format!("Về việc công nhận điển hình tiên tiến năm {}", y.year);
    let mut body = vec![
        Block::Title("QUYẾT ĐỊNH".into()),
        Block::Subject(vec![subject.clone()]),
    ];
    if list.is_empty() {
        body.push(Block::Para(vec![Span::italic(format!(
            "Năm {} không có tập thể, cá nhân nào đạt số phiếu đồng ý theo Kế hoạch mà chưa có quyết định công nhận: không có nội dung để dự thảo.",
            y.year
        ))]));
        return Document {
            title: format!(
                "Dự thảo quyết định công nhận điển hình tiên tiến năm {}",
                y.year
            ),
            draft: true,
            header: header(y, number),
            body,
        };
    }
    let votes: BTreeSet<_> = list
        .iter()
        .filter_map(|p| p.vote.as_ref()?.date.as_ref().map(|d| d.value))
        .collect();
    let votes: Vec<String> = votes.into_iter().map(words::long_date).collect();
    body.extend([
        Block::Centered(format!("{} {}", a.signer_title, a.name)),
        Block::Para(vec![Span::italic(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        )]),
        Block::Para(vec![Span::italic(format!(
            "Căn cứ {} về phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến năm {};",
            y.plan_cited(),
            y.year
        ))]),
        Block::Para(vec![Span::italic(format!(
            "Căn cứ kết quả bỏ phiếu kín của Hội đồng Thi đua - Khen thưởng {};",
            votes.join(" và ")
        ))]),
        Block::Para(vec![Span::italic(
            "Xét đề nghị của Thường trực Hội đồng Thi đua - Khen thưởng.",
        )]),
        Block::Centered("QUYẾT ĐỊNH:".into()),
        Block::Para(vec![
            Span::bold("Điều 1. "),
            Span::plain(format!(
                "Công nhận {} là điển hình tiên tiến năm {} của {} (có danh sách kèm theo).",
                recognised(&list),
                y.year,
                a.full
            )),
        ]),
        Block::Para(vec![
            Span::bold("Điều 2. "),
            Span::plain("Quyết định này có hiệu lực kể từ ngày ký."),
        ]),
        Block::Para(vec![
            Span::bold("Điều 3. "),
            Span::plain(
                "Thường trực Hội đồng Thi đua - Khen thưởng, Thủ trưởng các phòng chuyên môn, đơn vị trực thuộc và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            ),
        ]),
        Block::Closing(Closing {
            recipients: vec!["- Như Điều 3;".into(), "- Lưu: VT.".into()],
            signers: vec![Signer {
                titles: vec![a.signer_title.clone()],
                name: a.signer.clone(),
            }],
        }),
        Block::PageBreak,
        Block::Title("DANH SÁCH".into()),
        Block::Subject(vec![format!("Điển hình tiên tiến năm {}", y.year)]),
        Block::Note(format!(
            "(Kèm theo Quyết định số {}/QĐ-{} {} của {} {})",
            words::BLANK,
            a.symbol,
            words::date_or_blank(y.date, y.year),
            capitalised(&a.signer_title),
            a.full
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("TT", 12, Align::Center),
                Column::new("Họ và tên / Tên tập thể", 55, Align::Left),
                Column::new("Chức vụ", 42, Align::Left),
                Column::new("Đơn vị", 56, Align::Left),
            ],
            rows: grouped(&list, |p| {
                vec![p.name().to_string(), y.position(p), y.unit_name(p)]
            }),
        }),
        Block::Line(
            vec![Span::italic(format!(
                "Danh sách có {}: {}.",
                recognised(&list),
                counted(&list)
            ))],
            Align::Left,
        ),
    ]);
    Document {
        title: format!(
            "Dự thảo quyết định công nhận điển hình tiên tiến năm {}",
            y.year
        ),
        draft: true,
        header: header(y, number),
        body,
    }
}

/// `GIÁM ĐỐC` → `Giám đốc`, for running text.
fn capitalised(title: &str) -> String {
    let lower = title.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn header(y: &Year, number: String) -> Header {
    Header {
        parent: y.agency.parent.clone(),
        issuer: y.agency.name.clone(),
        number: Some(number),
        dated: words::dated(&y.agency.place, y.date, y.year),
    }
}
