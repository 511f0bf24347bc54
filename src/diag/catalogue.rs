//! The message catalogue: every diagnostic's words, in Vietnamese and in English, with a
//! one-line hint on how to fix it. Nothing else in the program writes diagnostic text.

use crate::text::date::Date;

/// The language of diagnostics and of the theme's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// What TOML type a key expects, for `WrongType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Integer,
    Date,
    Bool,
    TextList,
    Table,
    TableList,
}

/// Every message, with its arguments. Rendered by [`Msg::text`] and [`Msg::hint`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    NoFrontMatter,
    Unterminated,
    /// TOML that does not parse, put in the writer's words (see `toml`).
    Toml(TomlMsg),
    /// Something a story uses or links to (see `story`).
    Story(StoryMsg),
    /// A plausible typo: a date out of range, a plan's range, a placeholder… (see `typos`).
    Typo(TypoMsg),
    InvalidUtf8,
    TooDeep {
        limit: usize,
    },
    TooLarge {
        limit_kb: usize,
    },
    UnknownField {
        key: String,
        suggestion: Option<String>,
        /// The keys the table may have, for the hint when none is near.
        known: Vec<String>,
    },
    MissingField {
        key: String,
    },
    WrongType {
        key: String,
        expected: Expected,
        found: String,
    },
    EmptyText {
        key: String,
    },
    SummaryTooLong {
        chars: usize,
        max: usize,
    },
    BadId {
        key: String,
        value: String,
    },
    /// An id the build uses itself for an address (a unit called `trang`).
    ReservedId {
        key: String,
        value: String,
    },
    NegativeCount {
        key: String,
        value: i64,
    },
    UnknownKind {
        value: String,
    },
    UnknownUnitType {
        value: String,
    },
    UnknownLanguage {
        value: String,
    },
    BadBaseUrl {
        value: String,
    },
    DateWithTime {
        key: String,
    },
    DuplicateId {
        key: String,
        value: String,
    },
    NotForKind {
        key: String,
        kind: String,
    },
    UnknownAppliesTo {
        value: String,
    },
    YearMismatch {
        found: i64,
        folder: u16,
    },
    NoPlan {
        year: u16,
        /// An existing plan of another year to copy, if any.
        model: Option<String>,
    },
    PlanInvalid {
        plan_file: String,
    },
    UnknownUnit {
        unit: String,
        suggestion: Option<String>,
    },
    UnknownMovement {
        id: String,
        suggestion: Option<String>,
    },
    UnknownCriterion {
        id: String,
        suggestion: Option<String>,
    },
    CriterionNotForKind {
        id: String,
        kind: String,
    },
    MissingCriterion {
        id: String,
        text: String,
    },
    ExcellentOverMembers {
        excellent: i64,
        members: i64,
    },
    ExcellentBelowShare {
        excellent: i64,
        members: i64,
        percent: i64,
    },
    LeaderWithoutRecognisedCollective {
        unit: String,
        year: u16,
    },
    PendingLeaderWithoutCollective {
        unit: String,
        year: u16,
    },
    AfterDeadline {
        date: Date,
        deadline: Date,
        plan: String,
    },
    VoteMembersBelowOne {
        members: i64,
    },
    InFavourOverMembers {
        in_favour: i64,
        members: i64,
    },
    BelowThreshold {
        in_favour: i64,
        members: i64,
        percent: i64,
        decided: bool,
    },
    VoteBeforeNomination {
        vote: Date,
        nomination: Date,
    },
    DecisionBeforeVote {
        decision: Date,
        vote: Date,
    },
    ProvinceBeforeDecision {
        province: Date,
        decision: Date,
    },
    DecisionWithoutVote,
    ProvinceWithoutDecision,
    PhotoMissing {
        path: String,
    },
    PhotoOutside {
        path: String,
    },
    /// The photo is not there, but a file whose name differs only in case is.
    PhotoWrongCase {
        path: String,
        actual: String,
    },
    PhotoNotAnImage {
        path: String,
    },
    PhotoUnreadable {
        path: String,
        detail: String,
    },
    PhotoTooLarge {
        path: String,
        width: u32,
        height: u32,
        max: u32,
    },
    /// The photo could not be decoded at build time: damaged, truncated, lying in its header.
    PhotoDamaged {
        path: String,
        detail: String,
    },
    /// Decoding the photo would need more memory than the build allows.
    PhotoTooHeavy {
        path: String,
        max_mib: u64,
    },
    DuplicateSlug {
        slug: String,
        other: String,
    },
    RevokedWithoutDecision,
    RevokedBeforeDecision {
        revoked: Date,
        decision: Date,
    },
    LooksLikeIdNumber {
        text: String,
    },
    LooksLikePhone {
        text: String,
    },
    LooksLikeEmail {
        text: String,
    },
    PhotoWithoutConsent,
    // Units over time, people across years, consent (see `years`).
    OrganisationHistoryOrder {
        until: Date,
        previous: Date,
    },
    UnitUntilBeforeFrom {
        id: String,
        from: Date,
        until: Date,
    },
    SuccessorWithoutUntil {
        id: String,
        successor: String,
    },
    UnknownSuccessor {
        successor: String,
        suggestion: Option<String>,
    },
    SuccessorCycle {
        cycle: String,
    },
    /// The unit came into being after the nomination; `predecessor`: the unit of that day.
    UnitNotYet {
        unit: String,
        from: Date,
        date: Date,
        predecessor: Option<String>,
    },
    /// The unit had ended before the nomination; `successor`: the unit of that day.
    UnitEnded {
        unit: String,
        until: Date,
        date: Date,
        successor: Option<String>,
    },
    DuplicatePerson {
        person: String,
        year: u16,
        other: String,
    },
    /// Same name and unit (or its predecessor or successor) in another year, not tied by
    /// `person`; `person` is the key to write.
    SameName {
        name: String,
        year: u16,
        other: String,
        person: String,
    },
    ConsentBothForms,
    ConsentWithdrawnWithoutPhoto,
    ConsentWithdrawnBeforeGiven {
        photo: Date,
        withdrawn: Date,
    },
    ConsentStoryWithoutWithdrawn,
    /// `photo_consent = true`: consent without its date.
    LegacyConsent,
    /// The photo has the bytes of one whose consent was withdrawn in `other`.
    SameWithdrawnPhoto {
        other: String,
        date: Date,
    },
    /// A photo kept beside a profile whose consent was withdrawn.
    PhotoConsentWithdrawn {
        date: Date,
    },
    /// A Markdown file where no profile is read; the year and slug of the place it
    /// likely belongs, when they can be told.
    MisplacedFile {
        year: Option<u16>,
        slug: Option<String>,
    },
    /// A profile's file (or folder) name that is not a slug, and the slug it should be.
    BadSlug {
        name: String,
        suggestion: Option<String>,
        folder: bool,
    },
    /// A profile's file (or folder) name that is a slug the build uses itself in a year's
    /// folder (`in`, `trang`).
    ReservedSlug {
        name: String,
        folder: bool,
    },
    /// A file of `content/static/` at `path`, which the build makes.
    StaticConflict {
        path: String,
    },
    /// A character the share cards' built-in font cannot draw (SPEC §5).
    CardGlyph {
        text: String,
        ch: char,
    },
    /// A row of a nominations spreadsheet that `import` cannot use.
    Import(import::ImportMsg),
}

fn expected_words(e: Expected, lang: Lang) -> &'static str {
    match (e, lang) {
        (Expected::Text, Lang::Vi) => "một chuỗi văn bản trong ngoặc kép",
        (Expected::Text, Lang::En) => "a quoted text string",
        (Expected::Integer, Lang::Vi) => "một số nguyên",
        (Expected::Integer, Lang::En) => "a whole number",
        (Expected::Date, Lang::Vi) => "một ngày dạng 2024-11-20 (không có ngoặc kép)",
        (Expected::Date, Lang::En) => "a date like 2024-11-20 (without quotes)",
        (Expected::Bool, Lang::Vi) => "true hoặc false",
        (Expected::Bool, Lang::En) => "true or false",
        (Expected::TextList, Lang::Vi) => "một danh sách chuỗi, như [\"a\", \"b\"]",
        (Expected::TextList, Lang::En) => "a list of strings, like [\"a\", \"b\"]",
        (Expected::Table, Lang::Vi) => "một bảng [tên]",
        (Expected::Table, Lang::En) => "a [table]",
        (Expected::TableList, Lang::Vi) => "các bảng [[tên]]",
        (Expected::TableList, Lang::En) => "[[tables]]",
    }
}

fn did_you_mean(s: &Option<String>, lang: Lang) -> String {
    match (s, lang) {
        (Some(s), Lang::Vi) => format!(": có phải ý bạn là `{s}`?"),
        (Some(s), Lang::En) => format!(": did you mean `{s}`?"),
        (None, _) => String::new(),
    }
}

fn pct(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "0".into();
    }
    // One decimal place, computed in integers: 26/29 -> 89.7.
    let tenths = (part * 1000 + whole / 2) / whole;
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn pct_vi(part: i64, whole: i64) -> String {
    pct(part, whole).replace('.', ",")
}

pub mod council;
mod forms;
pub mod import;
pub mod import_lines;
mod placement;
pub mod story;
pub mod toml;
pub mod typos;
mod words;
mod years;
pub use story::StoryMsg;
pub use toml::{DatePart, TomlMsg, TomlProblem};
pub use typos::TypoMsg;
pub use words::{hint, text};

impl Msg {
    pub fn text(&self, lang: Lang) -> String {
        words::text(self, lang)
    }

    pub fn hint(&self, lang: Lang) -> String {
        words::hint(self, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_integer_arithmetic() {
        assert_eq!(pct(26, 29), "89.7");
        assert_eq!(pct(9, 10), "90");
        assert_eq!(pct_vi(26, 29), "89,7");
        assert_eq!(pct(1, 0), "0");
    }

    #[test]
    fn every_message_has_words_in_both_languages() {
        let d = Date::new(2024, 11, 30).expect("valid date");
        let msgs = [
            Msg::UnknownField {
                key: "unti".into(),
                suggestion: Some("unit".into()),
                known: vec!["unit".into()],
            },
            Msg::BelowThreshold {
                in_favour: 8,
                members: 10,
                percent: 90,
                decided: true,
            },
            Msg::AfterDeadline {
                date: d,
                deadline: d,
                plan: "883/KH-SXD".into(),
            },
        ];
        for m in msgs {
            for lang in [Lang::Vi, Lang::En] {
                assert!(!m.text(lang).is_empty());
                assert!(!m.hint(lang).is_empty());
            }
        }
        let vi = Msg::UnknownField {
            key: "unti".into(),
            suggestion: Some("unit".into()),
            known: Vec::new(),
        };
        assert!(vi.text(Lang::En).contains("did you mean `unit`?"));
    }
}
