//! Judging a site: one small function per rule of SPEC §2, each adding diagnostics.
//! Knows nothing of printing, exit codes or HTML.

pub mod consent;
pub mod cross;
pub mod dates;
pub mod fields;
pub mod media;
pub mod people;
pub mod placeholder;
pub mod privacy;
pub mod process;
pub mod references;
pub mod statics;
pub mod story;
pub mod units;

use rayon::prelude::*;

use crate::content::model::{Profile, Site};
use crate::diag::{self, Diagnostic};
use crate::facts::units::Units;
use crate::text::date::{clock_today, today};

pub type Out = Vec<Diagnostic>;

/// Every rule that looks at one profile (and the site's shared data).
pub fn check_profile(site: &Site, p: &Profile) -> Out {
    let mut out = Vec::new();
    fields::kind_fields(p, &mut out);
    fields::summary_length(p, &mut out);
    fields::year_mismatch(p, &mut out);
    references::unit(site, p, &mut out);
    let plan = references::plan(site, p, &mut out);
    if let Some(plan) = plan {
        references::movements(plan, p, &mut out);
        references::criteria(plan, p, &mut out);
        process::excellent_share(plan, p, &mut out);
        process::deadline(plan, p, &mut out);
        process::vote(plan, p, &mut out);
    }
    process::date_order(p, &mut out);
    dates::range(plan, p, today().unwrap_or_else(|_| clock_today()), &mut out);
    process::prerequisites(p, &mut out);
    media::photo(p, &mut out);
    story::files(p, &mut out);
    story::text(p, &mut out);
    placeholder::placeholders(p, &mut out);
    media::card_text(p, &mut out);
    privacy::photo_consent(p, &mut out);
    privacy::personal_data(p, &mut out);
    people::person_field(p, &mut out);
    consent::record(p, &mut out);
    out
}

/// The rules that look across files.
pub fn check_across(site: &Site) -> Out {
    let mut out = Vec::new();
    cross::leader_collective(site, &mut out);
    cross::duplicate_slugs(site, &mut out);
    let units = Units::new(&site.units);
    units::unit_period(site, &units, &mut out);
    people::duplicate_person(site, &mut out);
    people::same_name(site, &units, &mut out);
    consent::same_withdrawn_photo(site, &mut out);
    statics::static_conflict(site, &mut out);
    story::links(site, &mut out);
    out
}

/// All diagnostics of the rules, sorted by file then line.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out: Out = site
        .profiles
        .par_iter()
        .flat_map_iter(|p| check_profile(site, p))
        .collect();
    out.extend(check_across(site));
    diag::sort(&mut out);
    out
}
