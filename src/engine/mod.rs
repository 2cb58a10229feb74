//! The engine: runs the matcher and the checks over one document and turns
//! drafts into located findings. It owns the glossaries, one compiled index
//! per language (built on first use, shared across threads) and the rule
//! settings. The steps live apart: `scan` (match and run the occurrence
//! and document rules), `pair` (the pair rules of bilingual files) and
//! `locate` (drafts to findings, suppressions applied).

mod locate;
mod pair;
mod scan;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use crate::checks::{Check, CheckContext, Draft, PairRef, RuleId, CHECKS};
use crate::finding::{Finding, Location, Severity};
use crate::fuzzy::FuzzyIndex;
use crate::glossary::{GlossarySet, TermId};
use crate::input::{Bilingual, Prose, SourceFile, StateSet};
use crate::lang::ChosenLanguage;
use crate::matcher::{Matcher, Occurrence};
use crate::span::Span;
use crate::suppress::Suppressions;
use crate::text::MappedText;

/// Per-rule severity: the rule's default, another severity, or off.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    overrides: BTreeMap<RuleId, Option<Severity>>,
}

impl RuleSettings {
    /// Sets a rule's severity (`None` turns it off).
    pub fn set(&mut self, rule: RuleId, severity: Option<Severity>) {
        self.overrides.insert(rule, severity);
    }

    /// The severity of `rule`, or `None` when it is off.
    pub fn severity(&self, rule: RuleId) -> Option<Severity> {
        match self.overrides.get(&rule) {
            Some(s) => *s,
            None => Some(crate::checks::meta(rule).severity),
        }
    }
}

/// A term occurrence located in a file, for coverage reports.
#[derive(Debug, Clone)]
pub struct TermUse {
    pub term: TermId,
    pub location: Location,
    pub segment: Option<String>,
}

/// What checking one file produced.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: std::path::PathBuf,
    /// The findings that count, sorted.
    pub findings: Vec<Finding>,
    /// Findings silenced by `termalign: ignore` directives (SPEC §6), each
    /// with its [`Finding::suppressed`] set; sorted. They never count toward
    /// the exit code, and are listed only when asked
    /// (`--report-suppressed`), so that nothing hides silently.
    pub suppressed: Vec<Finding>,
    /// Every glossary term occurrence (for `align`: target side).
    pub uses: Vec<TermUse>,
    /// Bilingual inputs: number of pairs.
    pub segments: usize,
    /// The language the file was checked in, when it was identified from
    /// its text (nothing declared or configured one).
    /// The language the file was checked in (a bilingual file's target
    /// language), and where it came from; set by the pipeline.
    pub language: Option<ChosenLanguage>,
    /// A bilingual file's source language.
    pub source_language: Option<ChosenLanguage>,
}

struct LanguageIndex {
    matcher: Matcher,
    fuzzy: FuzzyIndex,
    /// Whether any loaded glossary has a term in the language.
    has_terms: bool,
}

/// Glossaries, compiled indexes and rule settings.
pub struct Engine {
    set: GlossarySet,
    rules: RuleSettings,
    /// The checks that are not off, in `CHECKS` order: decided once, not
    /// for every occurrence.
    active: Vec<&'static dyn Check>,
    indexes: Mutex<HashMap<String, Arc<LanguageIndex>>>,
    /// Which segments of bilingual files are checked, by state.
    states: StateSet,
}

impl Engine {
    pub fn new(set: GlossarySet, rules: RuleSettings) -> Engine {
        let active = CHECKS
            .iter()
            .copied()
            .filter(|c| rules.severity(c.meta().id).is_some())
            .collect();
        Engine {
            set,
            rules,
            active,
            indexes: Mutex::new(HashMap::new()),
            states: StateSet::default(),
        }
    }

    /// The engine, checking the segments of bilingual files whose state is
    /// in `states` (`--states`); by default all but the locked.
    pub fn checking_states(self, states: StateSet) -> Engine {
        Engine { states, ..self }
    }

    /// Which segments of bilingual files are checked.
    pub fn states(&self) -> StateSet {
        self.states
    }

    pub fn glossaries(&self) -> &GlossarySet {
        &self.set
    }

    fn index(&self, language: &str) -> Arc<LanguageIndex> {
        let key = language.to_ascii_lowercase();
        let mut indexes = self.indexes.lock().unwrap_or_else(|e| e.into_inner());
        indexes
            .entry(key)
            .or_insert_with(|| {
                Arc::new(LanguageIndex {
                    matcher: Matcher::new(&self.set, language),
                    fuzzy: FuzzyIndex::new(&self.set, language),
                    has_terms: self
                        .set
                        .terms
                        .iter()
                        .any(|t| crate::glossary::tag_covers(&t.language, language)),
                })
            })
            .clone()
    }

    /// The matcher for `language` (compiled on first use).
    pub fn find(&self, language: &str, text: &MappedText) -> Vec<Occurrence> {
        self.index(language).matcher.find(&self.set, text)
    }

    /// Checks monolingual prose: `prose` as the file's reader gave it.
    pub fn check_document(&self, file: &SourceFile, prose: &Prose, language: &str) -> FileResult {
        let segments = &prose.segments;
        let index = self.index(language);
        let cx = CheckContext {
            set: &self.set,
            language,
            fuzzy: &index.fuzzy,
        };
        let mut drafts = Vec::new();
        let doc = self.scan(
            &index,
            &cx,
            segments.iter().enumerate().map(|(index, s)| {
                let pair = s.id.as_ref().map(|id| PairRef {
                    id: id.clone(),
                    index,
                });
                (pair, &s.text)
            }),
            &mut drafts,
        );
        self.document_checks(&doc, &cx, &mut drafts);
        if !index.has_terms {
            drafts.push(scan::nothing_checked(file, &[language]));
        }
        let uses = scan::term_uses(file, &doc);
        let entries: Vec<Span> = segments.iter().filter_map(|s| s.entry).collect();
        let directives = Suppressions::scan(&file.text, &prose.comments, &entries);
        let (findings, suppressed) =
            self.locate(drafts, file, (&directives, None), (language, language));
        FileResult {
            path: file.path.clone(),
            findings,
            suppressed,
            uses,
            segments: 0,
            language: None,
            source_language: None,
        }
    }

    /// Checks bilingual pairs: the pair rules, and every monolingual rule on
    /// the target side (document rules over the whole file). `source_file` is
    /// the file the source texts map into when it is not `file` (two parallel
    /// Checks bilingual pairs: the pair rules, and every monolingual rule on
    /// the target side (document rules over the whole file). `source_file` is
    /// the file the source texts map into when it is not `file` (two parallel
    /// files).
    pub fn check_bilingual(
        &self,
        file: &SourceFile,
        source_file: Option<&SourceFile>,
        bilingual: &Bilingual,
        source_lang: &str,
        target_lang: &str,
    ) -> FileResult {
        let source_index = self.index(source_lang);
        let target_index = self.index(target_lang);
        let cx = CheckContext {
            set: &self.set,
            language: target_lang,
            fuzzy: &target_index.fuzzy,
        };
        let refs = pair::pair_refs(bilingual);
        let mut drafts: Vec<Draft> = Vec::new();
        let targets = bilingual
            .pairs
            .iter()
            .zip(&refs)
            .filter_map(|(p, r)| p.target.as_ref().map(|t| (Some(r.clone()), t)));
        let doc = self.scan(&target_index, &cx, targets, &mut drafts);
        self.document_checks(&doc, &cx, &mut drafts);
        let pairs = pair::Pairs {
            bilingual,
            refs: &refs,
            doc: &doc,
            source_index: &source_index,
            target_language: target_lang,
        };
        self.check_pairs(&pairs, &cx, &mut drafts);
        let without_terms: Vec<&str> = [(source_lang, &source_index), (target_lang, &target_index)]
            .into_iter()
            .filter(|(_, index)| !index.has_terms)
            .map(|(language, _)| language)
            .collect();
        if !without_terms.is_empty() {
            drafts.push(scan::nothing_checked(file, &without_terms));
        }
        let uses = scan::term_uses(file, &doc);
        let entries: Vec<Span> = bilingual.pairs.iter().filter_map(|p| p.entry).collect();
        let directives = Suppressions::scan(&file.text, &bilingual.comments, &entries);
        // Two parallel files are plain text, with no entries.
        let source_directives = source_file.map(|s| {
            let comments = crate::input::plain::comments(&s.text);
            (s, Suppressions::scan(&s.text, &comments, &[]))
        });
        let (findings, suppressed) = self.locate(
            drafts,
            file,
            (
                &directives,
                source_directives.as_ref().map(|(s, d)| (*s, d)),
            ),
            (source_lang, target_lang),
        );
        FileResult {
            path: file.path.clone(),
            findings,
            suppressed,
            uses,
            segments: bilingual.pairs.len(),
            language: None,
            source_language: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::file;
    use crate::input::Format;

    const GLOSSARY: &str = "
glossary: g
concepts:
  - id: xizang
    terms:
      en: [Xizang, {term: Tibet, status: deprecated}]
      zh: [西藏]
";

    fn engine(rules: RuleSettings) -> Engine {
        Engine::new(crate::matcher::tests::glossary(GLOSSARY), rules)
    }

    fn rules_of(findings: &[Finding]) -> Vec<(&'static str, usize, String)> {
        findings
            .iter()
            .map(|f| (f.rule.name(), f.location.line, f.found.clone()))
            .collect()
    }

    #[test]
    fn a_document_finding_is_located_in_the_raw_file() {
        let f = file("a.md", "# Notes\n\nIn *Tibet* today.\n");
        let prose = Format::Markdown.read_document(&f).unwrap();
        let result = engine(RuleSettings::default()).check_document(&f, &prose, "en");
        assert_eq!(
            rules_of(&result.findings),
            [("deprecated-term", 3, "Tibet".into())]
        );
        let l = &result.findings[0].location;
        assert_eq!((l.start, l.end, l.column), (13, 18, 5));
        assert_eq!(&f.text[l.start..l.end], "Tibet");
        assert_eq!(result.uses.len(), 1);
    }

    #[test]
    fn a_rule_turned_off_reports_nothing() {
        let mut rules = RuleSettings::default();
        rules.set(RuleId::DeprecatedTerm, None);
        let f = file("a.txt", "Tibet.\n");
        let prose = Format::Text.read_document(&f).unwrap();
        let result = engine(rules).check_document(&f, &prose, "en");
        assert!(result.findings.is_empty(), "{:?}", result.findings);
    }

    /// Pairs are found again by their index: a pair without a target before
    /// one with a target must not shift which source a finding relates to.
    #[test]
    fn target_findings_relate_to_their_own_pair() {
        let f = file("p.tsv", "西藏\t\n西藏 again\tTibet is here\n");
        let bilingual = Format::Tsv
            .read_pairs(&f, crate::input::PairLanguages::default())
            .unwrap();
        let result =
            engine(RuleSettings::default()).check_bilingual(&f, None, &bilingual, "zh", "en");
        let deprecated: Vec<&Finding> = result
            .findings
            .iter()
            .filter(|f| f.rule == RuleId::DeprecatedTerm)
            .collect();
        assert_eq!(deprecated.len(), 1, "{:?}", result.findings);
        assert_eq!(deprecated[0].segment.as_deref(), Some("2"));
        let related = deprecated[0].related.as_ref().expect("related source");
        assert_eq!(
            (related.line, related.column),
            (2, 1),
            "the second pair's 西藏"
        );
        // The first pair has no target: unfinished, on its own segment.
        let unfinished: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.rule == RuleId::UnfinishedSegment)
            .map(|f| f.segment.clone())
            .collect();
        assert_eq!(unfinished, [Some("1".to_owned())]);
        assert_eq!(result.segments, 2);
    }

    #[test]
    fn repeated_segment_ids_are_made_unique() {
        let f = file("p.tsv", "a\tb\nc\td\n");
        let mut bilingual = Format::Tsv
            .read_pairs(&f, crate::input::PairLanguages::default())
            .unwrap();
        for p in &mut bilingual.pairs {
            p.id = "same".into();
        }
        let refs = pair::pair_refs(&bilingual);
        let ids: Vec<(&str, usize)> = refs.iter().map(|r| (r.id.as_str(), r.index)).collect();
        assert_eq!(ids, [("same", 0), ("same@2", 1)]);
    }

    #[test]
    fn a_directive_that_silences_nothing_is_reported_where_it_stands() {
        let f = file(
            "a.txt",
            "# termalign: ignore xizang\nTibet.\n# termalign: ignore all\n\nXizang.\n",
        );
        let prose = Format::Text.read_document(&f).unwrap();
        let result = engine(RuleSettings::default()).check_document(&f, &prose, "en");
        assert_eq!(
            rules_of(&result.findings),
            [("unused-suppression", 3, "termalign: ignore all".into())]
        );
        assert_eq!(
            rules_of(&result.suppressed),
            [("deprecated-term", 2, "Tibet".into())]
        );
        assert_eq!(result.findings[0].severity, Severity::Info);
    }
}
