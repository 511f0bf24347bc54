//! `danh-sach-de-nghi`: the standing body's summary of the year's nominations for the
//! Council, every one that is not revoked (pending, not recognised, recognised), grouped
//! like the roll: number, name, position, unit, summary of achievements.

use super::layout::*;
use super::{Year, counted, grouped};

pub fn document(y: &Year) -> Document {
    let summary = |p: &crate::content::model::Profile| {
        p.summary
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_default()
    };
    let mut body = vec![
        Block::Title("DANH SÁCH".into()),
        Block::Subject(vec![format!(
            "Đề nghị công nhận điển hình tiên tiến năm {}",
            y.year
        )]),
        Block::Note(format!("(Theo {})", y.plan_cited())),
    ];
    if y.nominees.is_empty() {
        body.push(Block::Para(vec![Span::plain(format!(
            "Chưa có hồ sơ đề nghị nào của năm {}.",
            y.year
        ))]));
    } else {
        body.push(Block::Table(Table {
            columns: vec![
                Column::new("TT", 10, Align::Center),
                Column::new("Họ và tên / Tên tập thể", 35, Align::Left),
                Column::new("Chức vụ", 25, Align::Left),
                Column::new("Đơn vị", 33, Align::Left),
                Column::new("Tóm tắt thành tích", 62, Align::Left),
            ],
            rows: grouped(&y.nominees, |p| {
                vec![
                    p.name().to_string(),
                    y.position(p),
                    y.unit_name(p),
                    summary(p),
                ]
            }),
        }));
        body.push(Block::Line(
            vec![
                Span::bold("Tổng cộng: "),
                Span::plain(format!(
                    "{} hồ sơ ({}).",
                    y.nominees.len(),
                    counted(&y.nominees)
                )),
            ],
            Align::Left,
        ));
    }
    body.push(Block::Closing(Closing {
        recipients: Vec::new(),
        signers: vec![Signer {
            titles: vec!["THƯỜNG TRỰC HỘI ĐỒNG".into()],
            name: None,
        }],
    }));
    Document {
        title: format!(
            "Danh sách đề nghị công nhận điển hình tiên tiến năm {}",
            y.year
        ),
        draft: false,
        header: y.council_header(None, y.date),
        body,
    }
}
