//! The engine: runs the matcher and the checks over one document and turns
//! drafts into located findings. It owns the glossaries, one compiled index
//! per language (built on first use, shared across threads) and the rule
//! settings.

use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use crate::checks::{
    Check, CheckContext, DocumentScan, Draft, PairScan, RuleId, ScannedOccurrence, ScannedSegment,
    CHECKS,
};
use crate::finding::{Excerpt, Finding, Location, Severity, Suppression};
use crate::fuzzy::FuzzyIndex;
use crate::glossary::{GlossarySet, TermId};
use crate::input::{Bilingual, Format, Segment, SourceFile};
use crate::matcher::{Matcher, Occurrence};
use crate::span::Span;
use crate::suppress::{Scope, Suppressions};
use crate::text::{normalize, Fold, MappedText};

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
            None => Some(rule.meta().severity),
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
}

struct LanguageIndex {
    matcher: Matcher,
    fuzzy: FuzzyIndex,
}

/// Glossaries, compiled indexes and rule settings.
pub struct Engine {
    set: GlossarySet,
    rules: RuleSettings,
    /// The checks that are not off, in `CHECKS` order: decided once, not
    /// for every occurrence.
    active: Vec<&'static dyn Check>,
    indexes: Mutex<HashMap<String, Arc<LanguageIndex>>>,
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
        }
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
                })
            })
            .clone()
    }

    /// The matcher for `language` (compiled on first use).
    pub fn find(&self, language: &str, text: &MappedText) -> Vec<Occurrence> {
        self.index(language).matcher.find(&self.set, text)
    }

    /// Checks monolingual prose.
    pub fn check_document(
        &self,
        file: &SourceFile,
        format: Format,
        segments: &[Segment],
        language: &str,
    ) -> FileResult {
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
            segments.iter().map(|s| (s.id.clone(), &s.text)),
            &mut drafts,
        );
        self.document_checks(&doc, &cx, &mut drafts);
        let uses = term_uses(file, &doc);
        let entries: Vec<Span> = segments.iter().filter_map(|s| s.entry).collect();
        let directives = Suppressions::scan(&file.text, format.def().comments, &entries);
        let (findings, suppressed) =
            self.locate(drafts, file, (&directives, None), (language, language));
        FileResult {
            path: file.path.clone(),
            findings,
            suppressed,
            uses,
            segments: 0,
        }
    }

    /// Checks bilingual pairs: the pair rules, and every monolingual rule on
    /// the target side (document rules over the whole file). `source_file` is
    /// the file the source texts map into when it is not `file` (two parallel
    /// files).
    pub fn check_bilingual(
        &self,
        file: &SourceFile,
        format: Format,
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
        // Segment ids key everything below, so they must be unique: a file
        // may repeat one (units of two <file>s of an XLIFF).
        let ids = unique_ids(bilingual);
        // Pair number of each id, for drafts that only know their segment.
        let pair_of: FxHashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        // Source-language terms of every pair, matched once, by pair number.
        let source_terms: Vec<Vec<Occurrence>> = bilingual
            .pairs
            .iter()
            .map(|p| source_index.matcher.find(&self.set, &p.source))
            .collect();
        let mut drafts: Vec<Draft> = Vec::new();
        let targets = bilingual
            .pairs
            .iter()
            .zip(&ids)
            .filter_map(|(p, id)| p.target.as_ref().map(|t| (Some(id.clone()), t)));
        let doc = self.scan(&target_index, &cx, targets, &mut drafts);
        self.document_checks(&doc, &cx, &mut drafts);
        // A target finding relates to the source occurrence of its concept.
        let relate = |d: &mut Draft, source: &[Occurrence]| {
            if !d.on_source {
                d.related = source
                    .iter()
                    .find(|o| Some(self.set.term(o.term).concept) == d.concept)
                    .map(|o| o.span);
            }
        };
        for d in &mut drafts {
            if let Some(&i) = d.segment.as_deref().and_then(|id| pair_of.get(id)) {
                relate(d, &source_terms[i]);
            }
        }
        // The scan saw the targets in pair order.
        let mut scanned_targets = doc.segments.iter();
        for ((pair, id), source) in bilingual.pairs.iter().zip(&ids).zip(&source_terms) {
            let scanned = pair.target.as_ref().and_then(|_| scanned_targets.next());
            let unfinished = pair.target.is_none() || pair.fuzzy;
            if source.is_empty() && !unfinished {
                continue;
            }
            // Source terms left in the target: the target was normalized once
            // for the scan, and that text serves this search too.
            let in_target: Vec<Occurrence> = match (&pair.target, scanned) {
                (Some(t), Some(scanned)) => {
                    source_index
                        .matcher
                        .find_normalized(&self.set, t, &scanned.normalized)
                }
                (Some(t), None) => source_index.matcher.find(&self.set, t),
                (None, _) => Vec::new(),
            };
            let target_terms: Option<Vec<Occurrence>> = scanned.map(|s| {
                doc.occurrences[s.occurrences.clone()]
                    .iter()
                    .map(|o| o.occurrence.clone())
                    .collect()
            });
            let scan = PairScan {
                id,
                source,
                target: target_terms.as_deref(),
                source_terms_in_target: &in_target,
                target_language: target_lang,
                source_span: pair
                    .source
                    .map
                    .map_span(crate::span::Span::new(0, pair.source.text.len())),
                fuzzy: pair.fuzzy,
            };
            let before = drafts.len();
            for check in &self.active {
                check.check_pair(&scan, &cx, &mut drafts);
            }
            for d in &mut drafts[before..] {
                relate(d, source);
                d.segment = Some(id.clone());
            }
        }
        let uses = term_uses(file, &doc);
        let entries: Vec<Span> = bilingual.pairs.iter().filter_map(|p| p.entry).collect();
        let directives = Suppressions::scan(&file.text, format.def().comments, &entries);
        // Two parallel files are plain text, with no entries.
        let source_directives = source_file.map(|s| {
            (
                s,
                Suppressions::scan(&s.text, Format::Text.def().comments, &[]),
            )
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
        }
    }

    /// Matches every segment and runs the per-occurrence rules.
    fn scan<'a>(
        &self,
        index: &LanguageIndex,
        cx: &CheckContext,
        segments: impl Iterator<Item = (Option<String>, &'a MappedText)>,
        drafts: &mut Vec<Draft>,
    ) -> DocumentScan<'a> {
        let mut doc = DocumentScan::default();
        for (id, text) in segments {
            let normalized = normalize(&text.text, Fold::ALL);
            let first = doc.occurrences.len();
            for occurrence in index.matcher.find_normalized(&self.set, text, &normalized) {
                let mut flagged = false;
                for check in &self.active {
                    if let Some(mut draft) = check.check_occurrence(&occurrence, cx) {
                        draft.segment = id.clone();
                        drafts.push(draft);
                        flagged = true;
                        break;
                    }
                }
                doc.occurrences.push(ScannedOccurrence {
                    occurrence,
                    segment: id.clone(),
                    flagged,
                });
            }
            doc.segments.push(ScannedSegment {
                id,
                text,
                normalized,
                occurrences: first..doc.occurrences.len(),
            });
        }
        doc
    }

    fn document_checks(&self, doc: &DocumentScan, cx: &CheckContext, drafts: &mut Vec<Draft>) {
        for check in &self.active {
            check.check_document(doc, cx, drafts);
        }
    }

    /// Turns drafts into findings located in their files, and sets apart
    /// those that `termalign: ignore` directives silence: (counted,
    /// suppressed), each sorted. `directives` are those of `file` and, for
    /// two parallel files, the source file and its own. A directive that
    /// silenced nothing becomes an `unused-suppression` finding.
    fn locate(
        &self,
        drafts: Vec<Draft>,
        file: &SourceFile,
        (file_directives, source): (&Suppressions, Option<(&SourceFile, &Suppressions)>),
        (source_lang, target_lang): (&str, &str),
    ) -> (Vec<Finding>, Vec<Finding>) {
        // Which directives silenced something: [file's, source file's].
        let mut used = [
            vec![false; file_directives.directives().len()],
            vec![false; source.map_or(0, |(_, d)| d.directives().len())],
        ];
        let mut findings: Vec<Finding> = Vec::with_capacity(drafts.len());
        for d in drafts {
            let Some(severity) = self.rules.severity(d.rule.id) else {
                continue;
            };
            let (here, other, directives, side) = match (d.on_source, source) {
                (true, Some((src, directives))) => (src, file, directives, 1),
                (true, None) => (file, file, file_directives, 0),
                (false, Some((src, _))) => (file, src, file_directives, 0),
                (false, None) => (file, file, file_directives, 0),
            };
            if directives.in_directive(d.span) {
                // The words of a directive (`ignore xizang`) are not prose.
                continue;
            }
            let concept = d.concept.map(|c| self.set.concept(c));
            let location = Location::new(here, d.span);
            let suppressing = directives.suppressing_index(
                location.line,
                d.rule.name(),
                concept.map_or("", |c| c.key.as_str()),
            );
            let suppressed = suppressing.map(|k| {
                used[side][k] = true;
                let directive = &directives.directives()[k];
                Suppression {
                    line: directive.line,
                    file_wide: directive.scope == Scope::File,
                    reason: directive.reason.clone(),
                }
            });
            let language = if d.on_source {
                source_lang
            } else {
                target_lang
            };
            findings.push(Finding {
                location,
                rule: d.rule.id,
                severity,
                glossary: concept.map(|c| self.set.glossary(c.glossary).id.clone()),
                concept: concept.map(|c| c.id.clone()),
                language: language.to_owned(),
                found: here.text[d.span.range()].to_owned(),
                suggestions: d.suggestions,
                message: d.message,
                note: d.note,
                segment: d.segment,
                related: d.related.map(|r| Location::new(other, r)),
                replacement: d.replacement,
                context: Some(Excerpt::new(here, d.span)),
                suppressed,
            });
        }
        if let Some(severity) = self.rules.severity(RuleId::UnusedSuppression) {
            let sides = std::iter::once((file, file_directives, target_lang))
                .chain(source.map(|(src, directives)| (src, directives, source_lang)));
            for ((here, directives, language), used) in sides.zip(&used) {
                for (directive, _) in directives
                    .directives()
                    .iter()
                    .zip(used)
                    .filter(|(_, &used)| !used)
                {
                    findings.push(unused_suppression(here, directive, severity, language));
                }
            }
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.into_iter().partition(|f| f.suppressed.is_none())
    }
}

/// The `unused-suppression` finding of a directive that silenced nothing.
fn unused_suppression(
    file: &SourceFile,
    directive: &crate::suppress::Directive,
    severity: Severity,
    language: &str,
) -> Finding {
    let text = file.text[directive.span.range()].trim_end().to_owned();
    Finding {
        location: Location::new(file, directive.span),
        rule: RuleId::UnusedSuppression,
        severity,
        glossary: None,
        concept: None,
        language: language.to_owned(),
        message: format!("`{text}` silences nothing here: remove it, or fix its targets"),
        found: file.text[directive.span.range()].to_owned(),
        suggestions: Vec::new(),
        note: None,
        segment: None,
        related: None,
        replacement: None,
        context: Some(Excerpt::new(file, directive.span)),
        suppressed: None,
    }
}

/// Every term occurrence of a scanned document, located, for coverage.
fn term_uses(file: &SourceFile, doc: &DocumentScan) -> Vec<TermUse> {
    doc.occurrences
        .iter()
        .map(|o| TermUse {
            term: o.occurrence.term,
            location: Location::new(file, o.occurrence.span),
            segment: o.segment.clone(),
        })
        .collect()
}

/// The pairs' segment ids, made unique: a repeated id gets `@N`, N its
/// 1-based pair number.
fn unique_ids(bilingual: &Bilingual) -> Vec<String> {
    let mut seen = FxHashSet::default();
    seen.reserve(bilingual.pairs.len());
    bilingual
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if seen.insert(p.id.as_str()) {
                p.id.clone()
            } else {
                format!("{}@{}", p.id, i + 1)
            }
        })
        .collect()
}
