//! The plain values templates receive (docs/theme.md is their contract). Built once per
//! site or per page from the index; never the model itself.

use std::sync::Arc;

use serde::Serialize;

pub use super::pager::PagerView;

#[derive(Serialize, Debug, Clone)]
pub struct YearLink {
    pub year: u16,
    pub url: String,
    /// The year's honour board to print.
    pub board_url: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct SiteView {
    pub title: String,
    pub organisation: String,
    pub description: String,
    pub lang: &'static str,
    pub base: String,
    pub home_url: String,
    pub units_url: String,
    pub search_url: String,
    pub feed_url: String,
    pub css_url: String,
    /// The site's main favicon (the SVG one when there is one), and every favicon.
    pub favicon_url: String,
    pub favicons: Vec<Favicon>,
    pub logo_url: String,
    pub years: Vec<YearLink>,
    pub search_index_url: String,
    pub search_js_url: String,
    pub stats_url: String,
    pub share_js_url: String,
}

/// A favicon as `<link rel="icon">` names it.
#[derive(Serialize, Debug, Clone)]
pub struct Favicon {
    pub url: String,
    /// Its media type and, for an `.ico`, `sizes` (`32x32`: browsers then prefer an SVG one).
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub sizes: &'static str,
}

impl Favicon {
    pub fn of(file: &str, urls: &super::urls::Urls) -> Favicon {
        let (kind, sizes) = match file.rsplit('.').next() {
            Some("svg") => ("image/svg+xml", ""),
            Some("png") => ("image/png", ""),
            _ => ("image/x-icon", "32x32"),
        };
        Favicon {
            url: urls.at(file),
            kind,
            sizes,
        }
    }
}

#[derive(Serialize, Debug, Clone)]
pub struct PageMeta {
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub url: String,
    /// What the share tags, the share panel and the print say of the page.
    pub share: ShareView,
}

/// A page as it is shared (SPEC §5): the values of its `og:` tags, its card and QR code.
#[derive(Serialize, Debug, Clone, Default)]
pub struct ShareView {
    /// `og:type`: `profile` on a profile page, `website` elsewhere.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub site_name: String,
    /// `vi_VN` or `en_US`.
    pub locale: &'static str,
    /// The canonical full address, with a full `base_url` only.
    pub url: Option<String>,
    /// The share card as `og:image`, with a full `base_url` only.
    pub image: Option<ShareImage>,
    /// The card's address inside the site (to download it), when the page has one.
    pub card: Option<String>,
    /// The QR code of the page's address (a published profile, full `base_url`).
    pub qr: Option<String>,
    /// A plain Facebook share link, with a full `base_url` only.
    pub facebook: Option<String>,
    /// A ready caption in the site's language to paste into Zalo (profile pages).
    pub caption: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct ShareImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    #[serde(rename = "type")]
    pub mime: &'static str,
}

#[derive(Serialize, Debug, Clone)]
pub struct PhotoView {
    pub src: String,
    pub srcset: String,
    pub sizes: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// The picture of an exemplar: the published photo, or the initials on a colour. Its
/// `svg` is written when a template receives it, not kept for each of 100,000 cards.
#[derive(Debug, Clone)]
pub struct Avatar {
    pub initials: String,
    pub color: &'static str,
    pub photo: Option<PhotoView>,
}

impl Serialize for Avatar {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Avatar", 4)?;
        st.serialize_field("initials", &self.initials)?;
        st.serialize_field("color", self.color)?;
        st.serialize_field("svg", &super::avatar::svg(&self.initials, self.color))?;
        st.serialize_field("photo", &self.photo)?;
        st.end()
    }
}

/// One exemplar in a list. The unit's and the year's values are shared by every card
/// that has them.
#[derive(Serialize, Debug, Clone)]
pub struct Card {
    pub name: String,
    pub url: String,
    pub kind: &'static str,
    pub position: Option<String>,
    pub unit_id: Arc<str>,
    pub unit_name: Arc<str>,
    pub unit_url: Arc<str>,
    pub year: u16,
    pub year_url: Arc<str>,
    pub summary: String,
    pub provincial: bool,
    pub status: &'static str,
    pub avatar: Avatar,
}

#[derive(Serialize, Debug, Clone, Default)]
pub struct Counts {
    pub total: usize,
    pub collective: usize,
    pub leader: usize,
    pub staff: usize,
    pub provincial: usize,
}

#[derive(Serialize, Debug, Clone)]
pub struct PlanView {
    pub number: String,
    pub title: String,
    pub issued: Option<String>,
    pub deadline: String,
    /// The organisation that issued it, when it had another name then.
    pub by: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct UnitCount {
    pub name: String,
    pub url: String,
    pub count: usize,
}

/// Exemplars of one page of a list in the roll's four groups, each in Vietnamese order.
#[derive(Serialize, Debug, Default)]
pub struct Groups<'a> {
    pub provincial: Vec<&'a Card>,
    pub collectives: Vec<&'a Card>,
    pub leaders: Vec<&'a Card>,
    pub staff: Vec<&'a Card>,
    /// The group this page begins in the middle of (`collectives`, …), or `""`.
    pub continued: &'static str,
}

/// A group of a year's roll and the pages that hold it.
#[derive(Serialize, Debug, Clone)]
pub struct Section {
    pub key: &'static str,
    pub count: usize,
    /// The page where the group begins, and its first and last page numbers.
    pub url: String,
    pub from: usize,
    pub to: usize,
}

/// One page of a year's roll (or the start of it, on the home page). The counts are the
/// whole year's; the groups hold this page's exemplars.
#[derive(Serialize, Debug)]
pub struct Roll<'a> {
    pub year: u16,
    /// The organisation's name that year (when its plan was issued, else at the year's end).
    pub organisation: String,
    pub url: String,
    /// The year's honour board to print.
    pub board_url: String,
    pub plan: Option<PlanView>,
    #[serde(flatten)]
    pub groups: Groups<'a>,
    pub counts: Counts,
    /// The year's exemplars by unit (first page only; left out when the agency has so
    /// many units that the table alone would weigh down the page).
    pub by_unit: Vec<UnitCount>,
    pub drafts: bool,
    /// The groups and their pages, when the roll has several.
    pub sections: Vec<Section>,
    pub pager: Option<PagerView>,
    /// How many exemplars this page shows (fewer than `counts.total` on the home page and
    /// on a roll of several pages).
    pub shown: usize,
}

#[derive(Serialize, Debug, Clone)]
pub struct YearSummary {
    pub year: u16,
    pub url: String,
    pub plan_number: String,
    pub plan_title: String,
    pub counts: Counts,
}

#[derive(Serialize, Debug, Clone)]
pub struct UnitView {
    pub id: String,
    pub name: String,
    pub url: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub count: usize,
    pub description_html: String,
    /// The unit's first and last days (`dd/mm/yyyy`), when units.toml gives them.
    pub from: Option<String>,
    pub until: Option<String>,
    /// It has ended.
    pub former: bool,
    /// The unit that took over its work, and those whose work it took over.
    pub successor: Option<UnitLink>,
    pub predecessors: Vec<UnitLink>,
}

/// Another unit in a unit's history, with its dates.
#[derive(Serialize, Debug, Clone)]
pub struct UnitLink {
    pub id: String,
    pub name: String,
    pub url: String,
    pub from: Option<String>,
    pub until: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct Dated {
    pub number: String,
    pub date: String,
    /// The organisation that issued it, when it had another name then (site.toml's
    /// `[[organisation_history]]`); `None` for today's name.
    pub by: Option<String>,
}

/// Another year in which the same exemplar was recognised.
#[derive(Serialize, Debug, Clone)]
pub struct OtherYear {
    pub year: u16,
    pub url: String,
    /// The name it was recognised under (a collective's unit may have had another name).
    pub name: String,
}

/// Years in a row the exemplar was recognised (two or more).
#[derive(Serialize, Debug, Clone)]
pub struct RunView {
    pub years: u16,
    pub first: u16,
    pub last: u16,
}

#[derive(Serialize, Debug, Clone)]
pub struct Revocation {
    pub number: String,
    pub date: String,
    pub reason: String,
    pub by: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct CriterionView {
    pub id: String,
    pub text: String,
    pub evidence: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct MovementView {
    pub id: String,
    pub name: String,
}

#[derive(Serialize, Debug)]
pub struct ProfileView {
    pub name: String,
    pub kind: &'static str,
    pub position: Option<String>,
    pub unit_id: String,
    pub unit_name: String,
    pub unit_url: String,
    pub year: u16,
    pub year_url: String,
    pub provincial: bool,
    pub status: &'static str,
    pub decision: Option<Dated>,
    pub province: Option<Dated>,
    pub revoked: Option<Revocation>,
    pub summary: String,
    pub avatar: Avatar,
    pub criteria: Vec<CriterionView>,
    pub movements: Vec<MovementView>,
    pub members: Option<i64>,
    pub excellent_members: Option<i64>,
    pub story_html: String,
    /// The person asked that their story be taken down: the page shows the recognition
    /// only (no story, summary, evidence or photo).
    pub story_withdrawn: bool,
    /// The other years this exemplar was recognised in, oldest first.
    pub others: Vec<OtherYear>,
    pub run: Option<RunView>,
}

/// A year of a unit's page: its exemplars on this page, in the roll's groups.
#[derive(Serialize, Debug)]
pub struct UnitYear<'a> {
    pub year: u16,
    pub url: String,
    /// The unit's exemplars of that year (its own and its predecessors'), on all pages.
    pub count: usize,
    /// This unit's own exemplars of the year on this page, in the roll's groups.
    pub groups: Groups<'a>,
    /// Whether the year began on an earlier page.
    pub continued: bool,
    /// The exemplars that year of the units before this one, each under its own name.
    pub earlier: Vec<UnitPart<'a>>,
}

/// A predecessor's exemplars of one year on its successor's page.
#[derive(Serialize, Debug)]
pub struct UnitPart<'a> {
    pub unit: UnitLink,
    pub groups: Groups<'a>,
    /// Whether this part began on an earlier page.
    pub continued: bool,
}

/// A year of a unit, for the list of years atop every page of the unit.
#[derive(Serialize, Debug, Clone)]
pub struct YearPage {
    pub year: u16,
    pub count: usize,
    /// The page of the unit where the year begins.
    pub url: String,
}
