//! `phieu-bau`: the secret ballot for the nominees still awaiting the Council's vote (no
//! `[vote]`), grouped like the roll, an "Đồng ý" and a "Không đồng ý" box for each. It
//! carries no name of the one who votes.

use super::layout::*;
use super::{Year, counted, grouped};

pub fn document(y: &Year) -> Document {
    let list = y.awaiting_vote();
    let mut body = vec![
        Block::Title("PHIẾU BẦU".into()),
        Block::Subject(vec![format!(
            "Xét công nhận điển hình tiên tiến năm {}",
            y.year
        )]),
    ];
    if list.is_empty() {
        body.push(Block::Para(vec![Span::plain(
            "Không có hồ sơ nào đang chờ Hội đồng bỏ phiếu.",
        )]));
    } else {
        body.push(Block::Note(
            "(Mỗi hồ sơ, đánh dấu X vào một ô: \u{201c}Đồng ý\u{201d} hoặc \u{201c}Không đồng ý\u{201d})"
                .into(),
        ));
        body.push(Block::Table(Table {
            columns: vec![
                Column::new("TT", 12, Align::Center),
                Column::new("Họ và tên / Tên tập thể", 45, Align::Left),
                Column::new("Chức vụ", 30, Align::Left),
                Column::new("Đơn vị", 40, Align::Left),
                Column::new("Đồng ý", 19, Align::Center),
                Column::new("Không đồng ý", 19, Align::Center),
            ],
            rows: grouped(&list, |p| {
                vec![
                    p.name().to_string(),
                    y.position(p),
                    y.unit_name(p),
                    String::new(),
                    String::new(),
                ]
            }),
        }));
        body.push(Block::Line(
            vec![Span::italic(format!(
                "Phiếu có {} hồ sơ ({}). Phiếu không ghi tên người bầu.",
                list.len(),
                counted(&list)
            ))],
            Align::Left,
        ));
    }
    Document {
        title: format!("Phiếu bầu xét công nhận điển hình tiên tiến năm {}", y.year),
        draft: false,
        header: y.council_header(None, y.date),
        body,
    }
}
