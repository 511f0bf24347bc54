//! The statistics page (`/thong-ke/`, SPEC §5): published exemplars (recognised, not
//! revoked) by year and kind, by unit over the years, and those recognised at provincial
//! level each year; three charts and the tables of their numbers. Aggregates only: one
//! pass over the profiles, whatever their number. A ministry of hundreds of units shows
//! the [`UNITS_SHOWN`] with the most exemplars and one row for the others: every unit's
//! own numbers are on its page (SPEC §4: no page over 150 KB).

use std::collections::HashMap;

use serde::Serialize;

use super::charts::{self, Frame, Series};
use super::index::Index;
use super::pages::{Html, Pages};
use crate::content::model::Kind;
use crate::facts::status::Status;
use crate::text::collate::compare;

#[derive(Serialize, Debug, Clone, Default, PartialEq, Eq)]
pub struct YearStat {
    pub year: u16,
    pub url: String,
    pub collective: usize,
    pub leader: usize,
    pub staff: usize,
    pub total: usize,
    pub provincial: usize,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct UnitStat {
    pub name: String,
    pub url: String,
    /// One count per year of `years`, in the same order.
    pub counts: Vec<usize>,
    pub total: usize,
}

/// At most this many units, those with the most exemplars, in the chart and the table
/// by unit: 500 units over eleven years made a page of 370 KB.
pub const UNITS_SHOWN: usize = 30;

/// The units beyond [`UNITS_SHOWN`], added up.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct OtherUnits {
    /// How many units they are.
    pub count: usize,
    /// The row's heading: "Các đơn vị khác (470 đơn vị)".
    pub label: String,
    /// One count per year, as [`UnitStat::counts`].
    pub counts: Vec<usize>,
    pub total: usize,
}

#[derive(Serialize, Debug, Clone, Default)]
pub struct Charts {
    pub by_year: String,
    pub by_unit: String,
    pub provincial: String,
}

#[derive(Serialize, Debug, Clone, Default)]
pub struct StatsView {
    /// Every year with a plan, oldest first.
    pub years: Vec<YearStat>,
    /// The units with a published exemplar, most first: at most [`UNITS_SHOWN`].
    pub units: Vec<UnitStat>,
    /// The other units with a published exemplar, added up, when there are more.
    pub other_units: Option<OtherUnits>,
    pub total: usize,
    pub provincial: usize,
    pub charts: Charts,
}

/// The numbers of the page, from the published exemplars of `ix`.
pub fn numbers(ix: &Index) -> StatsView {
    let site = ix.site;
    let mut years: Vec<u16> = site.years();
    years.sort_unstable();
    let col: HashMap<u16, usize> = years.iter().enumerate().map(|(k, &y)| (y, k)).collect();
    let mut by_year: Vec<YearStat> = years
        .iter()
        .map(|&year| YearStat {
            year,
            url: ix.urls.year(year),
            ..YearStat::default()
        })
        .collect();
    let mut units: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in site.profiles.iter().enumerate() {
        if ix.status[i] != Status::Recognised {
            continue;
        }
        let Some(&k) = col.get(&p.year) else { continue };
        let y = &mut by_year[k];
        match p.kind() {
            Some(Kind::Collective) => y.collective += 1,
            Some(Kind::Leader) => y.leader += 1,
            _ => y.staff += 1,
        }
        y.total += 1;
        y.provincial += usize::from(p.province.is_some());
        let unit = units
            .entry(p.unit_id().unwrap_or_default())
            .or_insert_with(|| vec![0; years.len()]);
        unit[k] += 1;
    }
    let mut units: Vec<UnitStat> = units
        .into_iter()
        .map(|(id, counts)| UnitStat {
            name: site
                .unit(id)
                .map_or_else(|| id.to_string(), |u| u.name.clone()),
            url: ix.urls.unit(id),
            total: counts.iter().sum(),
            counts,
        })
        .collect();
    units.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| compare(&a.name, &b.name))
    });
    let rest = units.split_off(units.len().min(UNITS_SHOWN));
    let other_units = (!rest.is_empty()).then(|| {
        let mut counts = vec![0; years.len()];
        for u in &rest {
            for (sum, n) in counts.iter_mut().zip(&u.counts) {
                *sum += n;
            }
        }
        OtherUnits {
            count: rest.len(),
            label: String::new(),
            total: counts.iter().sum(),
            counts,
        }
    });
    StatsView {
        other_units,
        total: by_year.iter().map(|y| y.total).sum(),
        provincial: by_year.iter().map(|y| y.provincial).sum(),
        years: by_year,
        units,
        charts: Charts::default(),
    }
}

impl Pages<'_> {
    fn word(&self, key: &str, fallback: &'static str) -> String {
        self.theme.word(key, fallback).to_string()
    }

    fn charts(&self, v: &StatsView) -> Charts {
        let years: Vec<String> = v.years.iter().map(|y| y.year.to_string()).collect();
        let (col, lead, staff) = (
            self.word("kind_collective", "Tập thể"),
            self.word("kind_leader", "Lãnh đạo, quản lý"),
            self.word("kind_staff", "Công chức, viên chức, người lao động"),
        );
        let summary = self
            .word(
                "stats_summary",
                "Tổng cộng {n} điển hình tiên tiến, {p} cấp tỉnh.",
            )
            .replace("{n}", &v.total.to_string())
            .replace("{p}", &v.provincial.to_string());
        let by_year = charts::columns(
            &Frame {
                id: "chart-years",
                title: &self.word("stats_by_year", "Điển hình tiên tiến theo năm và loại"),
                desc: &format!(
                    "{} {summary}",
                    self.word(
                        "stats_by_year_desc",
                        "Biểu đồ cột chồng theo năm; số liệu trong bảng sau."
                    )
                ),
            },
            &years,
            &[
                Series {
                    name: &col,
                    color: "#8f1d21",
                    values: v.years.iter().map(|y| y.collective).collect(),
                },
                Series {
                    name: &lead,
                    color: "#d9a42b",
                    values: v.years.iter().map(|y| y.leader).collect(),
                },
                Series {
                    name: &staff,
                    color: "#3f6e9a",
                    values: v.years.iter().map(|y| y.staff).collect(),
                },
            ],
        );
        let ramp = charts::ramp(years.len());
        let by_unit = charts::bars(
            &Frame {
                id: "chart-units",
                title: &self.word(
                    "stats_by_unit",
                    "Điển hình tiên tiến theo đơn vị qua các năm",
                ),
                desc: &match &v.other_units {
                    None => self.word(
                        "stats_by_unit_desc",
                        "Biểu đồ thanh ngang theo đơn vị, chia theo năm; số liệu trong bảng sau.",
                    ),
                    Some(_) => self
                        .word(
                            "stats_by_unit_top_desc",
                            "Biểu đồ thanh ngang: {n} đơn vị có nhiều điển hình nhất, chia theo năm; số liệu trong bảng sau.",
                        )
                        .replace("{n}", &v.units.len().to_string()),
                },
            },
            &v.units.iter().map(|u| u.name.clone()).collect::<Vec<_>>(),
            &years
                .iter()
                .enumerate()
                .map(|(k, y)| Series {
                    name: y,
                    color: &ramp[k],
                    values: v.units.iter().map(|u| u.counts[k]).collect(),
                })
                .collect::<Vec<_>>(),
        );
        let provincial = charts::columns(
            &Frame {
                id: "chart-provincial",
                title: &self.word("stats_provincial", "Điển hình tiên tiến cấp tỉnh theo năm"),
                desc: &self.word(
                    "stats_provincial_desc",
                    "Biểu đồ cột theo năm; số liệu trong bảng sau.",
                ),
            },
            &years,
            &[Series {
                name: &self.word("level_province", "Cấp tỉnh"),
                color: "#d9a42b",
                values: v.years.iter().map(|y| y.provincial).collect(),
            }],
        );
        Charts {
            by_year,
            by_unit,
            provincial,
        }
    }

    pub fn stats(&self) -> Result<Html, String> {
        let mut view = numbers(self.index);
        view.charts = self.charts(&view);
        if let Some(o) = &mut view.other_units {
            o.label = self
                .word("stats_other_units", "Các đơn vị khác ({n} đơn vị)")
                .replace("{n}", &o.count.to_string());
        }
        let title = self.word("stats_title", "Thống kê");
        let description = self.word(
            "stats_intro",
            "Số điển hình tiên tiến được công nhận qua các năm, theo loại, theo đơn vị và cấp tỉnh.",
        );
        let page = self.meta(
            "stats",
            title,
            Some(&description),
            &self.index.urls.stats(),
            None,
        );
        self.render("stats.html", page, &[("stats", &view)], "")
    }
}
