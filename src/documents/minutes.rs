//! `bien-ban-kiem-phieu`: the vote-counting minutes, for every nominee the Council voted
//! on: the Council's members, the votes in favour, the share (`89,7 %`) and "Đạt" or
//! "Không đạt" by the plan's threshold, with `check`'s integer rule.

use std::collections::BTreeSet;

use super::agency::COUNCIL_SYMBOL;
use super::layout::*;
use super::{Year, grouped, words};
use crate::content::model::Profile;

fn tally(p: &Profile) -> (i64, i64) {
    let v = p.vote.as_ref();
    let members = v.and_then(|v| v.members.as_ref()).map_or(0, |m| m.value);
    let in_favour = v.and_then(|v| v.in_favour.as_ref()).map_or(0, |m| m.value);
    (members, in_favour)
}

pub fn document(y: &Year) -> Document {
    let list = y.voted();
    let date = y.date.or_else(|| Year::last_vote(&list));
    let percent = y.plan.approval_percent;
    let mut body = vec![
        Block::Title("BIÊN BẢN".into()),
        Block::Subject(vec![format!(
            "Kiểm phiếu xét công nhận điển hình tiên tiến năm {}",
            y.year
        )]),
        Block::Para(vec![Span::plain(format!(
            "Hôm nay, {}, tại {}, Hội đồng Thi đua - Khen thưởng họp xét công nhận điển hình tiên tiến năm {} theo {}, bằng hình thức thẩm định hồ sơ và bỏ phiếu kín.",
            words::date_or_blank(date, y.year),
            y.agency.full,
            y.year,
            y.plan_cited()
        ))]),
    ];
    let members: BTreeSet<i64> = list.iter().map(|p| tally(p).0).collect();
    let mut rule = String::new();
    if let [m] = members.iter().copied().collect::<Vec<_>>()[..] {
        rule.push_str(&format!("Hội đồng có {m} thành viên. "));
    }
    rule.push_str(&format!(
        "Theo Kế hoạch, tập thể, cá nhân được đề nghị công nhận khi có từ {percent}% tổng số thành viên Hội đồng trở lên đồng ý."
    ));
    body.push(Block::Para(vec![Span::plain(rule)]));
    if list.is_empty() {
        body.push(Block::Para(vec![Span::plain(
            "Chưa có hồ sơ nào được Hội đồng bỏ phiếu.",
        )]));
    } else {
        body.push(Block::Para(vec![Span::plain(
            "Kết quả kiểm phiếu như sau:",
        )]));
        let dates: BTreeSet<_> = list
            .iter()
            .filter_map(|p| p.vote.as_ref()?.date.as_ref().map(|d| d.value))
            .collect();
        let several = dates.len() > 1;
        let (name_mm, unit_mm) = if several { (29, 25) } else { (40, 36) };
        let mut columns = vec![
            Column::new("TT", 10, Align::Center),
            Column::new("Họ và tên / Tên tập thể", name_mm, Align::Left),
            Column::new("Đơn vị", unit_mm, Align::Left),
        ];
        if several {
            columns.push(Column::new("Ngày bỏ phiếu", 22, Align::Center));
        }
        columns.extend([
            Column::new("Thành viên Hội đồng", 20, Align::Center),
            Column::new("Phiếu đồng ý", 19, Align::Center),
            Column::new("Tỷ lệ", 21, Align::Center),
            Column::new("Kết quả", 19, Align::Center),
        ]);
        let rows = grouped(&list, |p| {
            let (members, in_favour) = tally(p);
            let passed = y.passed(p);
            let mut cells = vec![p.name().to_string(), y.unit_name(p)];
            if several {
                cells.push(
                    p.vote
                        .as_ref()
                        .and_then(|v| v.date.as_ref())
                        .map(|d| d.value.dmy())
                        .unwrap_or_default(),
                );
            }
            cells.extend([
                members.to_string(),
                in_favour.to_string(),
                words::share(in_favour, members, passed, percent),
                if passed { "Đạt" } else { "Không đạt" }.to_string(),
            ]);
            cells
        });
        body.push(Block::Table(Table { columns, rows }));
        let passed = list.iter().filter(|p| y.passed(p)).count();
        body.push(Block::Line(
            vec![
                Span::bold("Tổng hợp: "),
                Span::plain(format!(
                    "{} hồ sơ được bỏ phiếu; đạt: {passed}; không đạt: {}.",
                    list.len(),
                    list.len() - passed
                )),
            ],
            Align::Left,
        ));
    }
    body.push(Block::Para(vec![Span::plain(format!(
        "Biên bản được lập xong lúc {b} giờ {b} cùng ngày, đã đọc lại trước Hội đồng và được các thành viên thống nhất.",
        b = words::BLANK
    ))]));
    body.push(Block::Closing(Closing {
        recipients: Vec::new(),
        signers: vec![
            Signer {
                titles: vec!["THƯ KÝ".into()],
                name: None,
            },
            Signer {
                titles: vec!["TRƯỞNG BAN KIỂM PHIẾU".into()],
                name: None,
            },
        ],
    }));
    Document {
        title: format!(
            "Biên bản kiểm phiếu xét công nhận điển hình tiên tiến năm {}",
            y.year
        ),
        draft: false,
        header: y.council_header(
            Some(format!("Số: {}/BB-{COUNCIL_SYMBOL}", words::BLANK)),
            date,
        ),
        body,
    }
}
