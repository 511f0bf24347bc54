//! The Council's documents for a year's meeting (SPEC §6), from a checked site: the
//! summary list of nominations, the secret ballot, the vote-counting minutes and the
//! draft decision, each a [`layout::Document`] rendered as DOCX and as a page to print.
//! The same statuses as the site (`facts::status`), the same order (`facts::order`),
//! grouped like the roll: collectives, leaders, staff. Nothing here touches `output/`.

pub mod agency;
pub mod ballot;
pub mod decision;
pub mod docx;
pub mod html;
pub mod layout;
pub mod list;
pub mod minutes;
pub mod store;
pub mod words;

use agency::Agency;
use layout::{Document, Header, Row};

use crate::content::model::{Kind, Plan, Profile, Site};
use crate::facts::order::order;
use crate::facts::organisation;
use crate::facts::status::vote_passes;
use crate::facts::units::Units;
use crate::text::date::Date;

/// The documents' files, in the order they are written and listed.
pub const NAMES: [&str; 4] = [
    "danh-sach-de-nghi",
    "phieu-bau",
    "bien-ban-kiem-phieu",
    "du-thao-quyet-dinh",
];

/// What every document of a year is made from.
pub struct Year<'s> {
    pub site: &'s Site,
    pub year: u16,
    pub plan: &'s Plan,
    pub agency: Agency,
    /// The date given on the command line (`--date`), for every document.
    pub date: Option<Date>,
    /// Every nomination of the year that is not revoked, in roll order.
    pub nominees: Vec<&'s Profile>,
    units: Units<'s>,
}

impl<'s> Year<'s> {
    /// The header of a document the Council issues itself (the list, the ballot, the
    /// minutes): the agency above, the Council, `number` under it, dated `date`.
    fn council_header(&self, number: Option<String>, date: Option<Date>) -> Header {
        Header {
            parent: Some(self.agency.name.clone()),
            issuer: agency::COUNCIL.into(),
            number,
            dated: words::dated(&self.agency.place, date, self.year),
        }
    }

    pub fn new(site: &'s Site, year: u16, plan: &'s Plan, date: Option<Date>) -> Year<'s> {
        let mut nominees: Vec<&Profile> = site
            .profiles
            .iter()
            .filter(|p| p.year == year && p.revoked.is_none())
            .collect();
        nominees.sort_by(|a, b| a.kind().cmp(&b.kind()).then_with(|| order(a, b)));
        let day = Year::day(date, &nominees, plan);
        Year {
            site,
            year,
            plan,
            agency: Agency::on(&site.config, day),
            date,
            nominees,
            units: Units::new(&site.units),
        }
    }

    /// The day the documents speak for, which names the agency: the date given, else
    /// the Council's last vote of the year, else the last dossier's arrival, else the
    /// plan's deadline.
    fn day(date: Option<Date>, nominees: &[&Profile], plan: &Plan) -> Date {
        let nominated = nominees
            .iter()
            .filter_map(|p| p.nomination.as_ref()?.date.as_ref().map(|d| d.value))
            .max();
        date.or_else(|| Year::last_vote(nominees))
            .or(nominated)
            .unwrap_or(plan.deadline)
    }

    /// The nominees still awaiting the Council's vote.
    pub fn awaiting_vote(&self) -> Vec<&'s Profile> {
        self.nominees
            .iter()
            .copied()
            .filter(|p| p.vote.is_none())
            .collect()
    }

    /// The nominees the Council voted on.
    pub fn voted(&self) -> Vec<&'s Profile> {
        self.nominees
            .iter()
            .copied()
            .filter(|p| p.vote.is_some())
            .collect()
    }

    /// Whether a nominee's vote reached the plan's threshold (integers, as `check`).
    pub fn passed(&self, p: &Profile) -> bool {
        p.vote
            .as_ref()
            .and_then(|v| vote_passes(v, self.plan.approval_percent))
            == Some(true)
    }

    /// The nominees whose vote passed and whom no decision recognises yet.
    pub fn to_decide(&self) -> Vec<&'s Profile> {
        self.nominees
            .iter()
            .copied()
            .filter(|p| p.decision.is_none() && self.passed(p))
            .collect()
    }

    /// The nominee's unit as named that year (a unit renamed or merged since keeps the
    /// name it had), as the year's roll prints it.
    pub fn unit_name(&self, p: &Profile) -> String {
        let id = p.unit_id().unwrap_or_default();
        self.units
            .name_in_year(id, self.year)
            .map_or_else(|| id.to_string(), str::to_string)
    }

    pub fn position(&self, p: &Profile) -> String {
        p.position
            .as_ref()
            .map(|x| x.value.clone())
            .unwrap_or_default()
    }

    /// `Kế hoạch số 883/KH-SXD ngày 04 tháng 4 năm 2024 của Sở Xây dựng tỉnh Bình Phước`:
    /// the plan's issuer named as it was on the day it was issued.
    pub fn plan_cited(&self) -> String {
        let issued = self
            .plan
            .issued
            .map(|d| format!(" {}", words::long_date(d)))
            .unwrap_or_default();
        let by = self
            .plan
            .issued
            .map(|d| organisation::name_on(&self.site.config, d))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(&self.agency.full);
        format!("Kế hoạch số {}{issued} của {by}", self.plan.number)
    }

    /// The latest day the Council voted on any of `list`.
    pub fn last_vote(list: &[&Profile]) -> Option<Date> {
        list.iter()
            .filter_map(|p| p.vote.as_ref()?.date.as_ref().map(|d| d.value))
            .max()
    }
}

/// The titles of the roll's groups.
pub fn group_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Collective => "TẬP THỂ",
        Kind::Leader => "CÁ NHÂN GIỮ CHỨC VỤ LÃNH ĐẠO, QUẢN LÝ",
        Kind::Staff => "CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG",
    }
}

const ROMAN: [&str; 3] = ["I", "II", "III"];

/// A table's rows, grouped like the roll (`I. TẬP THỂ` …), numbered within each group;
/// `cells` gives a row's cells after its number.
pub fn grouped(list: &[&Profile], cells: impl Fn(&Profile) -> Vec<String>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut groups = 0;
    for kind in Kind::ALL {
        let members: Vec<&&Profile> = list.iter().filter(|p| p.kind() == Some(kind)).collect();
        if members.is_empty() {
            continue;
        }
        rows.push(Row::Group(format!(
            "{}. {}",
            ROMAN[groups.min(2)],
            group_title(kind)
        )));
        groups += 1;
        for (i, p) in members.iter().enumerate() {
            let mut row = vec![(i + 1).to_string()];
            row.extend(cells(p));
            rows.push(Row::Cells(row));
        }
    }
    rows
}

/// `3 tập thể, 2 cá nhân giữ chức vụ lãnh đạo, quản lý và 10 công chức, …`.
pub fn counted(list: &[&Profile]) -> String {
    let parts: Vec<String> = Kind::ALL
        .iter()
        .filter_map(|&k| {
            let n = list.iter().filter(|p| p.kind() == Some(k)).count();
            (n > 0).then(|| format!("{n} {}", group_title(k).to_lowercase()))
        })
        .collect();
    match parts.as_slice() {
        [] => "0".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// The four documents of the year, in the order of [`NAMES`].
pub fn documents(y: &Year) -> [Document; 4] {
    [
        list::document(y),
        ballot::document(y),
        minutes::document(y),
        decision::document(y),
    ]
}

/// Every file of the year's documents: `NAME.docx` and `NAME.html`, with their bytes.
pub fn files(y: &Year) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    for (name, doc) in NAMES.iter().zip(documents(y)) {
        out.push((format!("{name}.docx"), docx::render(&doc)?));
        out.push((format!("{name}.html"), html::render(&doc).into_bytes()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
