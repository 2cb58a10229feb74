//! Which rule a finding is of: [`RuleId`], parsed once from the names users
//! write (`deprecated-term`) and compared as a value everywhere after. The
//! identity lives below the checks (whose metadata it indexes,
//! [`crate::checks::meta`]) and the findings (which carry it), so neither
//! imports the other for it.

use std::fmt;
use std::str::FromStr;

/// A rule. The declaration order is [`crate::checks::CHECKS`]'s (tested),
/// so a rule's metadata is one index away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    ForbiddenTerm,
    DeprecatedTerm,
    CaseMismatch,
    DiacriticMismatch,
    InconsistentTerm,
    MisspelledTerm,
    MissingTargetTerm,
    UntranslatedTerm,
    UnfinishedSegment,
    NeedsReview,
    UnusedSuppression,
    NoGlossaryTerms,
}

impl RuleId {
    /// Every rule, in [`crate::checks::CHECKS`] order.
    pub const ALL: [RuleId; 12] = [
        RuleId::ForbiddenTerm,
        RuleId::DeprecatedTerm,
        RuleId::CaseMismatch,
        RuleId::DiacriticMismatch,
        RuleId::InconsistentTerm,
        RuleId::MisspelledTerm,
        RuleId::MissingTargetTerm,
        RuleId::UntranslatedTerm,
        RuleId::UnfinishedSegment,
        RuleId::NeedsReview,
        RuleId::UnusedSuppression,
        RuleId::NoGlossaryTerms,
    ];

    /// The rule's name, as users write it and every output format shows it.
    pub const fn name(self) -> &'static str {
        match self {
            RuleId::ForbiddenTerm => "forbidden-term",
            RuleId::DeprecatedTerm => "deprecated-term",
            RuleId::CaseMismatch => "case-mismatch",
            RuleId::DiacriticMismatch => "diacritic-mismatch",
            RuleId::InconsistentTerm => "inconsistent-term",
            RuleId::MisspelledTerm => "misspelled-term",
            RuleId::MissingTargetTerm => "missing-target-term",
            RuleId::UntranslatedTerm => "untranslated-term",
            RuleId::UnfinishedSegment => "unfinished-segment",
            RuleId::NeedsReview => "needs-review",
            RuleId::UnusedSuppression => "unused-suppression",
            RuleId::NoGlossaryTerms => "no-glossary-terms",
        }
    }

    /// The rule's position in [`RuleId::ALL`] and [`crate::checks::CHECKS`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A rule name that names no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = RuleId::ALL.iter().map(|r| r.name()).collect();
        write!(f, "unknown rule `{}` (rules: {})", self.0, known.join(", "))
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for RuleId {
    type Err = UnknownRule;

    fn from_str(name: &str) -> Result<RuleId, UnknownRule> {
        RuleId::ALL
            .into_iter()
            .find(|r| r.name() == name)
            .ok_or_else(|| UnknownRule(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_checks_and_round_trip() {
        assert_eq!(RuleId::ALL.len(), crate::checks::CHECKS.len());
        for (i, id) in RuleId::ALL.into_iter().enumerate() {
            assert_eq!(id.index(), i);
            assert_eq!(crate::checks::meta(id).id, id, "CHECKS[{i}] is not {id}");
            assert_eq!(id.name().parse::<RuleId>(), Ok(id));
        }
        let err = "deprecated-terms".parse::<RuleId>().unwrap_err();
        assert!(err
            .to_string()
            .starts_with("unknown rule `deprecated-terms` (rules: forbidden-term, "));
    }
}
