//! `unit-period`: a profile's unit must have been in being on its nomination date (see
//! `from` and `until` in units.toml); when it had ended, the hint names its successor,
//! when it had not begun, the unit of that day.

use super::Out;
use crate::content::model::Site;
use crate::diag::{Msg, Rule};
use crate::facts::units::{OnDate, Units};

pub fn unit_period(site: &Site, units: &Units, out: &mut Out) {
    for p in &site.profiles {
        let (Some(unit), Some(date)) =
            (&p.unit, p.nomination.as_ref().and_then(|n| n.date.as_ref()))
        else {
            continue;
        };
        let msg = match units.on(&unit.value, date.value) {
            None | Some(OnDate::InBeing) => continue,
            Some(OnDate::NotYet { from, predecessor }) => Msg::UnitNotYet {
                unit: unit.value.clone(),
                from,
                date: date.value,
                predecessor: predecessor.map(|u| u.id.clone()),
            },
            Some(OnDate::Ended { until, successor }) => Msg::UnitEnded {
                unit: unit.value.clone(),
                until,
                date: date.value,
                successor: successor.map(|u| u.id.clone()),
            },
        };
        out.push(
            p.doc
                .diag(Rule::UnitPeriod, Some(unit.span), Some("unit"), msg),
        );
    }
}
