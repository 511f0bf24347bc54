//! Diagnostics as values: a rule, a severity, a place and a message key with its
//! arguments. They are created where a fact is known and turned into words only at the
//! edge (`catalogue`), then printed by `report`.

pub mod catalogue;
pub mod fatal;
pub mod notice;
pub mod register;
pub mod report;

pub use catalogue::{Lang, Msg};
pub use fatal::Fatal;
pub use notice::Notice;

use serde::Serialize;

/// How bad a diagnostic is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The rules of SPEC section 2, one name each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    Syntax,
    UnknownField,
    MissingField,
    InvalidValue,
    YearMismatch,
    NoPlan,
    UnknownUnit,
    UnknownMovement,
    UnknownCriterion,
    MissingCriterion,
    ExcellentShare,
    LeaderCollective,
    NominationDeadline,
    VoteCount,
    VoteThreshold,
    DateOrder,
    DecisionWithoutVote,
    ProvinceWithoutDecision,
    Photo,
    DuplicateSlug,
    Revocation,
    Privacy,
    MisplacedFile,
    BadSlug,
    StoryLink,
    Placeholder,
    DateRange,
    UnitPeriod,
    DuplicatePerson,
    StaticConflict,
    Consent,
    SameName,
}

impl Rule {
    pub const ALL: [Rule; 32] = [
        Rule::Syntax,
        Rule::UnknownField,
        Rule::MissingField,
        Rule::InvalidValue,
        Rule::YearMismatch,
        Rule::NoPlan,
        Rule::UnknownUnit,
        Rule::UnknownMovement,
        Rule::UnknownCriterion,
        Rule::MissingCriterion,
        Rule::ExcellentShare,
        Rule::LeaderCollective,
        Rule::NominationDeadline,
        Rule::VoteCount,
        Rule::VoteThreshold,
        Rule::DateOrder,
        Rule::DecisionWithoutVote,
        Rule::ProvinceWithoutDecision,
        Rule::Photo,
        Rule::DuplicateSlug,
        Rule::Revocation,
        Rule::Privacy,
        Rule::MisplacedFile,
        Rule::BadSlug,
        Rule::StoryLink,
        Rule::Placeholder,
        Rule::DateRange,
        Rule::UnitPeriod,
        Rule::DuplicatePerson,
        Rule::StaticConflict,
        Rule::Consent,
        Rule::SameName,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Syntax => "syntax",
            Rule::UnknownField => "unknown-field",
            Rule::MissingField => "missing-field",
            Rule::InvalidValue => "invalid-value",
            Rule::YearMismatch => "year-mismatch",
            Rule::NoPlan => "no-plan",
            Rule::UnknownUnit => "unknown-unit",
            Rule::UnknownMovement => "unknown-movement",
            Rule::UnknownCriterion => "unknown-criterion",
            Rule::MissingCriterion => "missing-criterion",
            Rule::ExcellentShare => "excellent-share",
            Rule::LeaderCollective => "leader-collective",
            Rule::NominationDeadline => "nomination-deadline",
            Rule::VoteCount => "vote-count",
            Rule::VoteThreshold => "vote-threshold",
            Rule::DateOrder => "date-order",
            Rule::DecisionWithoutVote => "decision-without-vote",
            Rule::ProvinceWithoutDecision => "province-without-decision",
            Rule::Photo => "photo",
            Rule::DuplicateSlug => "duplicate-slug",
            Rule::Revocation => "revocation",
            Rule::Privacy => "privacy",
            Rule::MisplacedFile => "misplaced-file",
            Rule::BadSlug => "bad-slug",
            Rule::StoryLink => "story-link",
            Rule::Placeholder => "placeholder",
            Rule::DateRange => "date-range",
            Rule::UnitPeriod => "unit-period",
            Rule::DuplicatePerson => "duplicate-person",
            Rule::StaticConflict => "static-conflict",
            Rule::Consent => "consent",
            Rule::SameName => "same-name",
        }
    }
}

/// The source line a diagnostic points into, with the marked columns (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub col: usize,
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub rule: Rule,
    /// Relative to the site root, with `/`.
    pub file: String,
    /// 1-based.
    pub line: u32,
    /// The dotted key path, if the problem is about one key.
    pub field: Option<String>,
    pub msg: Msg,
    pub snippet: Option<Snippet>,
}

impl Diagnostic {
    /// A diagnostic with the severity the rule usually has.
    pub fn new(rule: Rule, file: &str, line: u32, field: Option<&str>, msg: Msg) -> Self {
        let severity = match rule {
            Rule::Privacy | Rule::SameName => Severity::Warning,
            _ => Severity::Error,
        };
        Diagnostic {
            severity,
            rule,
            file: file.to_string(),
            line: line.max(1),
            field: field.map(str::to_string),
            msg,
            snippet: None,
        }
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn with_snippet(mut self, snippet: Option<Snippet>) -> Self {
        self.snippet = snippet;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file, then line, then a stable tie-break.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (
            &a.file,
            a.line,
            a.snippet.as_ref().map(|s| s.col),
            a.rule,
            &a.field,
        )
            .cmp(&(
                &b.file,
                b.line,
                b.snippet.as_ref().map(|s| s.col),
                b.rule,
                &b.field,
            ))
    });
}

pub fn count_errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}
